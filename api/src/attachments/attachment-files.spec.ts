import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFileName } from './attachment-files.js';

describe('cleanFileName: a stored file name shows what the file is', () => {
  it('drops the characters that reorder or hide text, so a name cannot pass an .exe off as a .pdf', () => {
    assert.equal(cleanFileName('报告\u202Efdp.exe', 'pdf'), '报告fdp.exe');
    assert.equal(cleanFileName('a\u2066b\u2069c\u200Bd\u200Fe\uFEFF.jpg', 'jpg'), 'abcde.jpg');
  });

  it('keeps Chinese names, drops folders and control characters, and names a nameless file', () => {
    assert.equal(cleanFileName('C:\\照片\\楼道\u0007灯.jpg', 'jpg'), '楼道灯.jpg');
    assert.equal(cleanFileName('\u202E', 'png'), 'attachment.png');
    assert.equal(cleanFileName(undefined, 'pdf'), 'attachment.pdf');
  });
});
