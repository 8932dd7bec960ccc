/** What the server accepts as an attachment, checked in the browser first so nobody waits for a refusal. */
export const MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const DOCUMENT_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const;
export const STAGES = ['before', 'after', 'document'] as const;
export type Stage = (typeof STAGES)[number];

/** Bytes a file must start with to be what it says (the server checks content, not names): JPEG, PNG, GIF, WebP, PDF. */
export function sniffType(head: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const ascii = (at: number, text: string) => [...text].every((c, i) => head[at + i] === c.charCodeAt(0));
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  return null;
}

export type FileProblem = 'empty' | 'too_large' | 'wrong_type';
export type FileCheck = { ok: true; type: string } | { ok: false; problem: FileProblem };

/** Whether a file of this size starting with these bytes may be uploaded; `photosOnly` for the 办理后照片 pickers. */
export function checkFile(size: number, head: Uint8Array, photosOnly = false): FileCheck {
  if (size === 0) return { ok: false, problem: 'empty' };
  if (size > MAX_BYTES) return { ok: false, problem: 'too_large' };
  const type = sniffType(head);
  const allowed: readonly string[] = photosOnly ? IMAGE_TYPES : DOCUMENT_TYPES;
  return type && allowed.includes(type) ? { ok: true, type } : { ok: false, problem: 'wrong_type' };
}

/** Reads just the first bytes of a picked file. */
export async function checkPickedFile(file: Blob, photosOnly = false): Promise<FileCheck> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return checkFile(file.size, head, photosOnly);
}

export const isImage = (mimeType: string | undefined) => !!mimeType && mimeType.startsWith('image/');

/** "1.2 MB" / "830 KB": a file size a person reads at a glance. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
