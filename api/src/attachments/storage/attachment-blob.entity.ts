import { Entity, PrimaryColumn } from 'typeorm';
import { BytesColumn } from '../../common/columns.js';

/**
 * An attachment's bytes kept in the database (FILE_STORAGE=database), in parts of at most `BLOB_PART_BYTES`,
 * so that a download streams part by part and no statement carries a whole 10 MB file.
 */
@Entity('attachment_blobs')
export class AttachmentBlob {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  storageKey: string;

  /** 0, 1, 2, … in order. */
  @PrimaryColumn({ type: 'integer' })
  part: number;

  @BytesColumn()
  bytes: Buffer;
}

export const BLOB_PART_BYTES = 256 * 1024;
