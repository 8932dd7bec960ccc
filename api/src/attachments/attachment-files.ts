import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { fieldError } from '../common/errors.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What may be attached: photos a phone or a browser shows, and PDF documents. */
export const ATTACHMENT_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** The type by the content's own signature; a renamed executable or a text file with `.jpg` is refused. */
export async function detectType(bytes: Uint8Array): Promise<{ mime: string; ext: string }> {
  if (bytes.length === 0) throw fieldError('file', 'fileEmpty');
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !ATTACHMENT_TYPES[found.mime]) throw fieldError('file', 'fileType');
  return { mime: found.mime, ext: ATTACHMENT_TYPES[found.mime] };
}

/** A new file's key in the storage, `<caseId>/<uuid>.<ext>` (`public/…` for photos sent before their case exists; never reused), and its digest. */
export function newFileKey(folder: number | string, ext: string, bytes: Uint8Array) {
  return { key: `${folder}/${randomUUID()}.${ext}`, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A file name as shown: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined, ext: string): string {
  // Read as UTF-8, as browsers send it (Chinese names): see upload.interceptor.ts.
  // Control characters, and the invisible ones that reorder or hide text: `报告\u202Efdp.exe` shows as 报告exe.pdf.
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '').trim();
  return (base || `attachment.${ext}`).slice(-200);
}
