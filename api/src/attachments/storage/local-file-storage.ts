import { access, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStorage } from './file-storage.js';

/** The local folder's place under DATA_DIR (the backup copies it). */
export const attachmentsDir = (dataDir: string) => join(dataDir, 'attachments');

/** The files under `<DATA_DIR>/attachments/<key>`: one machine's disk (the backup copies the folder). */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { flag: 'wx' });
  }

  async get(key: string): Promise<Readable | null> {
    // Opened first, so that a missing file is known before an answer starts (a 404, not a broken 200).
    try {
      const handle = await open(join(this.root, key), 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(join(this.root, key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return access(join(this.root, key)).then(
      () => true,
      () => false,
    );
  }
}
