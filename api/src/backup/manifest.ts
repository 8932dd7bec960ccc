import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKind } from '../config/config.js';

/** What a backup directory holds, written last (a directory without it is an unfinished backup). */
export interface BackupManifest {
  format: 1;
  /** When the database snapshot was taken (ISO 8601). */
  takenAt: string;
  engine: DatabaseKind;
  /** The database's file in the directory: a SQLite database, or a pg_dump archive (custom format). */
  database: string;
  /** The attachments' folder in the directory (a copy of `<DATA_DIR>/attachments`). */
  attachments: string;
  counts: { cases: number; events: number; attachments: number; files: number; lastCaseId: number | null };
  /** The snapshot's timeline check (`npm run verify` on it). */
  verify: { ok: boolean; problems: number };
  /** SQLite's `PRAGMA integrity_check` of the copy (null on PostgreSQL). */
  integrity: string | null;
}

export const MANIFEST = 'manifest.json';

export function writeManifest(dir: string, m: BackupManifest) {
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(m, null, 2)}\n`);
}

export function readManifest(dir: string): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new Error(`${dir} holds no backup (no readable ${MANIFEST}: not a backup, or one that did not finish)`);
  }
  if (m.format !== 1) throw new Error(`${join(dir, MANIFEST)}: unknown backup format ${String(m.format)}`);
  return m;
}
