// The console's initial JavaScript: the entry script in dist/index.html and every chunk it imports statically
// (what the browser must fetch before the first screen), gzipped. Lazy chunks (charts, report pages) are left out.
// Run after `npm run build`; fails above the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 450;
const dist = new URL('./dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
if (!entry) throw new Error('no entry script in dist/index.html: build the console first');

const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import{…}from"./x.js"` and `import"./x.js"`; `import("./x.js")` is lazy.
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)) visit(join('assets', m[1]));
};
visit(entry);

let total = 0;
for (const file of seen) {
  const kb = gzipSync(readFileSync(join(dist, file))).length / 1000;
  total += kb;
  console.log(`${file.padEnd(48)} ${kb.toFixed(1).padStart(7)} kB gzip`);
}
console.log(`initial JS: ${total.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB, as vite counts kB)`);
if (total > BUDGET_KB) process.exit(1);
