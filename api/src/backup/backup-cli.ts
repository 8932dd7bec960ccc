/**
 * `npm run backup -- <dir>`: a consistent backup of the configured database and its attachments into `<dir>`
 * (new or empty), taken while the API runs: the database's snapshot first (engines.ts, with the attachments
 * kept in the database, FILE_STORAGE=database), then the attachments' folder (every file the snapshot names exists by then), then `manifest.json` with the time, the engine, the
 * counts, and the snapshot's integrity and timeline check. Exit 1 when a file the snapshot names is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { verifyTimelines } from '../timeline/timeline-verifier.js';
import { copyTree, countRows, keysInDatabase } from './attachment-copy.js';
import { attachmentsDir, engineFor } from './engines.js';
import { writeManifest } from './manifest.js';

async function main() {
  const [arg, ...rest] = process.argv.slice(2);
  if (!arg || rest.length || arg.startsWith('-')) throw new UsageError('usage: npm run backup -- <dir>   (a new or empty directory; DATABASE_URL and DATA_DIR select what is backed up)');
  const dir = resolve(arg);
  if (existsSync(dir) && readdirSync(dir).length) throw new UsageError(`${dir} is not empty: give a new or empty directory (one per backup, e.g. backups/$(date +%F))`);
  await mkdir(dir, { recursive: true });
  const config = loadConfig();
  const engine = engineFor(config);
  const started = Date.now();
  const snap = await engine.backup(config, join(dir, engine.file), async (m) => ({
    counts: await countRows(m),
    verify: await verifyTimelines(m, { maxFindings: 0 }),
    keys: ((await m.query(`SELECT "storage_key" FROM "attachments"`)) as { storage_key: string }[]).map((r) => r.storage_key),
    // FILE_STORAGE=database: these files are in the snapshot itself.
    inDatabase: await keysInDatabase(m),
  }));
  const copied = await copyTree(attachmentsDir(config.dataDir), join(dir, 'attachments'));
  const files = copied + snap.inspected.inDatabase.size;
  const missing = snap.inspected.keys.filter((k) => !snap.inspected.inDatabase.has(k) && !existsSync(join(dir, 'attachments', k)));
  const { counts, verify } = snap.inspected;
  writeManifest(dir, {
    format: 1,
    takenAt: snap.takenAt.toISOString(),
    engine: config.databaseKind,
    database: engine.file,
    attachments: 'attachments',
    counts: { ...counts, files },
    verify: { ok: verify.problems === 0, problems: verify.problems },
    integrity: snap.integrity,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`backup of ${config.databaseKind} as of ${snap.takenAt.toISOString()} in ${dir}: ${counts.cases} cases, ${counts.events} events, ${counts.attachments} attachments (${files} files${snap.inspected.inDatabase.size ? `, ${snap.inspected.inDatabase.size} of them in the database` : ''}) in ${seconds} s`);
  console.log(`  integrity: ${snap.integrity ?? 'n/a (pg_dump read it whole)'}; timeline: ${verify.problems ? `${verify.problems} problem(s): run npm run verify` : 'intact'}`);
  if (missing.length) {
    console.error(`  ${missing.length} attachment file(s) missing from DATA_DIR (${attachmentsDir(config.dataDir)}), e.g. ${missing.slice(0, 3).join(', ')}: is DATA_DIR the server's?`);
    process.exitCode = 1;
  }
}

export class UsageError extends Error {}

main().catch((err) => {
  console.error(err instanceof UsageError ? `backup: ${err.message}` : `backup failed: ${(err as Error).message}`);
  process.exit(2);
});
