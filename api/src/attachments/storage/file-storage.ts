import type { Readable } from 'node:stream';

/**
 * Where attachments' bytes live, by key (`<caseId>/<uuid>.<ext>`, attachments.storage_key). Chosen once, by
 * FILE_STORAGE (storage.provider.ts): `local`, a directory on this machine (the default, one instance), or
 * `database`, a table every instance reads (several instances on one PostgreSQL, or several machines).
 * A key is written once and never changed; the service writes the bytes before the row that names them.
 */
export interface FileStorage {
  /** Stores new bytes under a key not used before. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes as a stream, or null when there is no such file. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes (an upload whose row was not saved); a key that is not there is no error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
