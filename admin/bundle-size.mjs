// The console's initial JavaScript: the entry script in dist/index.html and every chunk it imports statically
// (what the browser must fetch before the first screen), gzipped. Lazy chunks (charts, report pages) are left out.
// Then the residents' page's script (dist/m/). Run after `npm run build`; fails above either budget.
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

// The residents' page (dist/m/, public-page/): one script, for a phone on a slow network.
const PAGE_BUDGET_KB = 30;
const pageHtml = readFileSync(join(dist, 'm/index.html'), 'utf8');
const pageScript = /<script type="module"[^>]*src="\/m\/([^"]+)"/.exec(pageHtml)?.[1];
if (!pageScript) throw new Error('no script in dist/m/index.html: build the residents page (npm run build)');
const pageKb = gzipSync(readFileSync(join(dist, 'm', pageScript))).length / 1000;
console.log(`residents' page JS: ${pageKb.toFixed(1)} kB gzip (budget ${PAGE_BUDGET_KB} kB)`);
if (total > BUDGET_KB || pageKb > PAGE_BUDGET_KB) process.exit(1);
