// The benchmark database on PostgreSQL (`--db postgres://…/<scratch>`): built once per size and version
// of the generator and schema into a cache database beside the scratch one (`<scratch>_cache_<N>_<key>`),
// and copied for each run with CREATE DATABASE … TEMPLATE, file by file (STRATEGY FILE_COPY), as the SQLite file is.
import pg from 'pg';
import { generate } from './generate.mjs';

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

function urlFor(base, database) {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` with a client on the server's maintenance database (CREATE/DROP DATABASE cannot run in the target). */
async function onServer(base, fn) {
  const client = new pg.Client({ connectionString: urlFor(base, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const DAY_MS = 24 * 3_600_000;

export async function ensurePgDatabase(root, opts, key, log) {
  const scratch = decodeURIComponent(new URL(opts.db).pathname.slice(1));
  if (!scratch) throw new Error('--db must name a scratch database: postgres://user@host:port/<scratch>');
  const prefix = `${scratch}_cache_${opts.cases}_`;
  const cache = `${prefix}${key}`;
  const existing = await onServer(opts.db, async (c) => (await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`])).rows.map((r) => r.datname));
  // The built time is kept in the cache database's comment: the reports read the last 30 days and today.
  const builtAt = existing.includes(cache) ? await onServer(opts.db, async (c) => Number((await c.query(`SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`, [cache])).rows[0]?.d ?? 0)) : 0;
  if (builtAt && Date.now() - builtAt < DAY_MS) {
    log(`database: reusing PostgreSQL database ${cache}`);
    return { name: cache, key, generator: null };
  }
  await onServer(opts.db, async (c) => {
    for (const name of existing) await c.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quote(cache)}`);
  });
  log(`database: building ${opts.cases.toLocaleString('en')} cases over ${opts.days} days (seed ${opts.seed}) into PostgreSQL database ${cache}`);
  let generator;
  try {
    generator = await generate(root, urlFor(opts.db, cache), opts, log);
  } catch (err) {
    await onServer(opts.db, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(cache)} WITH (FORCE)`));
    throw err;
  }
  await onServer(opts.db, (c) => c.query(`COMMENT ON DATABASE ${quote(cache)} IS '${Date.now()}'`));
  log(`database: built in ${generator.seconds.toFixed(1)} s`);
  return { name: cache, key, generator };
}

/**
 * The scratch database for one run: a copy of the cache, dropped by `remove()`. Copied file by file: since
 * PostgreSQL 15 a copy is by default written page by page through the WAL, which for a million cases (5 GB)
 * took 63 s against 17 s here, wrote 4.6 GB of WAL, and left checkpoints writing the copy out while the first
 * figures were measured (the first lists read 100–500 ms). Before 15 every copy is a file copy, and the option
 * does not exist.
 */
export async function pgWorkingCopy(opts, cacheName) {
  const scratch = decodeURIComponent(new URL(opts.db).pathname.slice(1));
  await onServer(opts.db, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quote(scratch)} WITH (FORCE)`);
    const [{ version }] = (await c.query(`SELECT current_setting('server_version_num')::integer AS version`)).rows;
    await c.query(`CREATE DATABASE ${quote(scratch)} TEMPLATE ${quote(cacheName)}${version >= 150000 ? ' STRATEGY FILE_COPY' : ''}`);
  });
  return { url: opts.db, label: `PostgreSQL database ${scratch}`, remove: () => onServer(opts.db, (c) => c.query(`DROP DATABASE IF EXISTS ${quote(scratch)} WITH (FORCE)`)) };
}
