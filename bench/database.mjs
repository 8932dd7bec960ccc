// The benchmark database: built once per size and per version of the generator and schema, cached in
// bench/cache/, and copied to a scratch file for each run (intake and actions write to it).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { generate } from './generate.mjs';

/**
 * What decides the generated data: the generator and the migrations, as built (api/dist is what runs,
 * so a source edit not yet built does not pretend to be in the cached file).
 */
const INPUTS = ['api/dist/src/seed', 'api/dist/src/database/migrations'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export function cacheKey(root, days, seed) {
  const hash = createHash('sha256').update(`days=${days} seed=${seed}\n`);
  for (const file of INPUTS.flatMap((d) => files(join(root, d))).filter((f) => f.endsWith('.js') && !f.endsWith('.spec.js')).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The cached database for these options, built when missing. `generator` is the build's timing, or null
 * when the cache was reused.
 */
export async function ensureDatabase(root, opts, log) {
  const dir = join(root, 'bench/cache');
  mkdirSync(dir, { recursive: true });
  const key = cacheKey(root, opts.days, opts.seed);
  const name = `cases-${opts.cases}-${key}.sqlite`;
  const path = join(dir, name);
  // The data ends when it was generated; reports default to the last 30 days and today, so an old file
  // would measure an ever emptier window. A day old is stale.
  const fresh = existsSync(path) && Date.now() - statSync(path).mtimeMs < 24 * 3_600_000;
  if (fresh) {
    log(`database: reusing bench/cache/${name} (${mb(statSync(path).size)} MB)`);
    return { path, key, generator: null };
  }
  if (existsSync(path)) log(`database: bench/cache/${name} is more than a day old (reports read the last 30 days and today): rebuilding`);
  // An older build of this size is stale (generator or schema changed): replace it.
  for (const f of readdirSync(dir)) if (f.startsWith(`cases-${opts.cases}-`)) rmSync(join(dir, f), { force: true });
  const partial = join(dir, `${name}.partial`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  log(`database: building ${opts.cases.toLocaleString('en')} cases over ${opts.days} days (seed ${opts.seed}) into bench/cache/${name}`);
  const generator = await generate(root, `sqlite:${partial}`, opts, log);
  // One self-contained file: fold the WAL in before the rename.
  const db = new Database(partial);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(partial, path);
  log(`database: built in ${generator.seconds.toFixed(1)} s (${mb(statSync(path).size)} MB)`);
  return { path, key, generator };
}

/** A scratch copy for one run, removed by `remove()`. */
export function workingCopy(cachedPath) {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
  const path = join(dir, 'bench.sqlite');
  copyFileSync(cachedPath, path);
  return { dir, path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const mb = (bytes) => (bytes / 1e6).toFixed(0);
