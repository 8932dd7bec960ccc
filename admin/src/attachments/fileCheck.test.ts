import { describe, expect, it } from 'vitest';
import { checkFile, checkPickedFile, formatSize, MAX_BYTES, sniffType } from './fileCheck';

const bytes = (...b: (number | string)[]) => new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const PDF = bytes('%PDF-1.7');

describe('attachment file checks', () => {
  it('knows the accepted types by their first bytes, whatever the name says', () => {
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(bytes('PK', 3, 4))).toBeNull(); // a .docx or .zip
    expect(sniffType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });
  it('refuses empty, over 10 MB and other types; photo pickers take images only', () => {
    expect(checkFile(2048, PNG)).toEqual({ ok: true, type: 'image/png' });
    expect(checkFile(MAX_BYTES, JPEG)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkFile(MAX_BYTES + 1, JPEG)).toEqual({ ok: false, problem: 'too_large' });
    expect(checkFile(0, PNG)).toEqual({ ok: false, problem: 'empty' });
    expect(checkFile(100, bytes('hello'))).toEqual({ ok: false, problem: 'wrong_type' });
    expect(checkFile(100, PDF)).toEqual({ ok: true, type: 'application/pdf' });
    expect(checkFile(100, PDF, true)).toEqual({ ok: false, problem: 'wrong_type' });
  });
  it('reads only the head of a picked file', async () => {
    expect(await checkPickedFile(new Blob([PNG, new Uint8Array(5000)]))).toEqual({ ok: true, type: 'image/png' });
    expect(await checkPickedFile(new Blob(['plain text']))).toEqual({ ok: false, problem: 'wrong_type' });
  });
  it('prints sizes for people', () => {
    expect(formatSize(300)).toBe('1 KB');
    expect(formatSize(850 * 1024)).toBe('850 KB');
    expect(formatSize(12.34 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatSize(10 * 1024 * 1024)).toBe('10 MB');
  });
});
