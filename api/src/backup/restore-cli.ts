/**
 * `npm run restore -- <dir>`: puts a backup (backup-cli.ts) back into the configured database and data
 * directory, both of which must be empty (it never overwrites), then applies any newer migrations, and
 * checks what it restored: the engine's integrity check, the timeline's chains, the counts against the
 * manifest and every attachment's file. Exit 1 if a check fails, 2 if it restored nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';
import { migrate } from '../database/database.module.js';
import { describeFinding } from '../timeline/findings.js';
import { verifyTimelines } from '../timeline/timeline-verifier.js';
import { copyTree, countRows, missingFiles } from './attachment-copy.js';
import { attachmentsDir, engineFor } from './engines.js';
import { readManifest } from './manifest.js';

class Refused extends Error {}

async function main() {
  const [arg, ...rest] = process.argv.slice(2);
  if (!arg || rest.length || arg.startsWith('-')) throw new Refused('usage: npm run restore -- <dir>   (a directory written by npm run backup; DATABASE_URL and DATA_DIR say where to restore)');
  const dir = resolve(arg);
  const manifest = readManifest(dir);
  const config = loadConfig();
  if (manifest.engine !== config.databaseKind) throw new Refused(`the backup is of ${manifest.engine} and DATABASE_URL names ${config.databaseKind}: restore into the same engine`);
  const engine = engineFor(config);
  const occupied = await engine.notEmpty(config);
  if (occupied) throw new Refused(`${occupied}. Restore goes into an empty database only: point DATABASE_URL at a new one (or move the old one aside)`);
  const files = attachmentsDir(config.dataDir);
  if (hasFiles(files)) throw new Refused(`${files} already holds files: point DATA_DIR at an empty directory`);

  const started = Date.now();
  await engine.restore(config, join(dir, manifest.database));
  const copied = await copyTree(join(dir, manifest.attachments), files);
  const ds = await createDataSource(config).initialize();
  try {
    await migrate(ds);
    const integrity = await engine.integrity(ds.manager);
    const counts = await countRows(ds.manager);
    const missing = await missingFiles(ds.manager, files);
    const verify = await verifyTimelines(ds.manager, { maxFindings: 0, onFinding: (f) => console.log(describeFinding(f)) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`restored the backup of ${manifest.takenAt} (${config.databaseKind}): ${counts.cases} cases, ${counts.events} events, ${counts.attachments} attachments (${copied} files) in ${seconds} s`);
    const problems: string[] = [];
    if (integrity !== null && integrity !== 'ok') problems.push(`integrity check: ${integrity}`);
    if (counts.cases !== manifest.counts.cases || counts.events !== manifest.counts.events) problems.push(`the manifest counted ${manifest.counts.cases} cases and ${manifest.counts.events} events`);
    if (missing.length) problems.push(`${missing.length} attachment file(s) missing, e.g. ${missing.slice(0, 3).join(', ')}`);
    if (verify.problems) problems.push(`timeline: ${verify.problems} problem(s) (listed above)`);
    console.log(`  integrity: ${integrity ?? 'n/a'}; timeline: ${verify.problems ? 'NOT intact' : 'intact'}; attachments: ${missing.length ? 'files missing' : 'all present'}`);
    for (const p of problems) console.error(`  problem: ${p}`);
    if (problems.length) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

function hasFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile());
}

main().catch((err) => {
  console.error(err instanceof Refused ? `restore refused: ${err.message}` : `restore failed: ${(err as Error).message}`);
  process.exit(2);
});
