import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { AttachmentBlob, BLOB_PART_BYTES } from './attachment-blob.entity.js';
import type { FileStorage } from './file-storage.js';

/**
 * The bytes in the `attachment_blobs` table of the database every instance shares (bytea on PostgreSQL, BLOB on
 * SQLite): an upload through one instance is served by any other, and the database's backup holds the files.
 * One implementation for both engines: the table's column type is the only difference, and the migrations own it.
 */
export class DatabaseFileStorage implements FileStorage {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(AttachmentBlob);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const parts: AttachmentBlob[] = [];
    for (let part = 0, at = 0; at < buffer.length || part === 0; part++, at += BLOB_PART_BYTES) {
      parts.push(Object.assign(new AttachmentBlob(), { storageKey: key, part, bytes: buffer.subarray(at, at + BLOB_PART_BYTES) }));
    }
    // All parts or none: a key that exists is whole. A key used before fails on the primary key.
    await this.ds.transaction(async (m) => {
      for (const p of parts) await m.insert(AttachmentBlob, p);
    });
  }

  async get(key: string): Promise<Readable | null> {
    const count = await this.repo.count({ where: { storageKey: key } });
    if (count === 0) return null;
    const repo = this.repo;
    // One part a read, as the client takes them: a slow download holds neither a connection nor the whole file.
    return Readable.from(
      (async function* () {
        for (let part = 0; part < count; part++) {
          const row = await repo.findOne({ where: { storageKey: key, part }, select: { storageKey: true, part: true, bytes: true } });
          if (!row) throw new Error(`attachment ${key}: part ${part} of ${count} is missing`);
          yield row.bytes;
        }
      })(),
      { objectMode: false },
    );
  }

  async delete(key: string): Promise<void> {
    await this.repo.delete({ storageKey: key });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.repo.count({ where: { storageKey: key, part: 0 } })) > 0;
  }
}
