import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';

/**
 * Copies the attachments' folder, file by file. Taken after the database snapshot, it has every file the
 * snapshot names: a file is written before its row is committed (attachments.service.ts) and never changed
 * after (a new name for every upload, opened with `wx`). A file that vanishes meanwhile belonged to an upload
 * that failed and was rolled back: skipped. Returns the number of files copied.
 */
export async function copyTree(from: string, to: string): Promise<number> {
  await mkdir(to, { recursive: true });
  if (!existsSync(from)) return 0;
  let copied = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) copied += await copyTree(src, dst);
    else if (entry.isFile()) {
      try {
        await copyFile(src, dst);
        copied++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
  return copied;
}

/** The keys whose bytes the database `m` holds itself (FILE_STORAGE=database: the table `attachment_blobs`). */
export async function keysInDatabase(m: EntityManager): Promise<Set<string>> {
  const rows = (await m.query(`SELECT "storage_key" FROM "attachment_blobs" WHERE "part" = 0`)) as { storage_key: string }[];
  return new Set(rows.map((r) => r.storage_key));
}

/**
 * The attachment rows (of the database `m` reads) whose bytes are neither in that database nor under `dir`:
 * none, in a good backup. Either place counts, whatever FILE_STORAGE says now: the files of an installation
 * that moved from `local` to `database` stay where they were written.
 */
export async function missingFiles(m: EntityManager, dir: string): Promise<string[]> {
  const rows = (await m.query(`SELECT "storage_key" FROM "attachments"`)) as { storage_key: string }[];
  const inDatabase = await keysInDatabase(m);
  return rows.map((r) => r.storage_key).filter((key) => !inDatabase.has(key) && !existsSync(join(dir, key)));
}

/** How many cases, events and attachments a database holds, and its last case id. */
export async function countRows(m: EntityManager) {
  const one = async (sql: string) => Number(((await m.query(sql)) as { n: number | string | null }[])[0].n ?? 0);
  const last = ((await m.query(`SELECT MAX("id") AS n FROM "cases"`)) as { n: number | null }[])[0].n;
  return {
    cases: await one(`SELECT COUNT(*) AS n FROM "cases"`),
    events: await one(`SELECT COUNT(*) AS n FROM "case_events"`),
    attachments: await one(`SELECT COUNT(*) AS n FROM "attachments"`),
    lastCaseId: last === null ? null : Number(last),
  };
}
