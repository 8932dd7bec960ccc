// Runs the compiled specs with Node's test runner: unit specs (`*.spec.js` beside the code) and,
// unless --unit, the end-to-end specs in test/ (`*.e2e-spec.js`) against DATABASE_URL or a temp SQLite file.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const kinds = args.includes('--unit') ? ['.spec.js'] : args.includes('--e2e') ? ['.e2e-spec.js'] : ['.spec.js', '.e2e-spec.js'];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files = walk(join(root, 'dist'))
  .filter((f) => f.endsWith('.js'))
  .filter((f) => kinds.some((k) => (k === '.spec.js' ? f.endsWith('.spec.js') && !f.endsWith('.e2e-spec.js') : f.endsWith(k))))
  .sort();
if (files.length === 0) {
  console.error('no test files found: run `npm run build -w api` first');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit', cwd: root, env: process.env });
process.exit(r.status ?? 1);
