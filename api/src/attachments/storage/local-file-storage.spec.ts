import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { after, describe, it } from 'node:test';
import { LocalFileStorage } from './local-file-storage.js';

describe('LocalFileStorage: files under the data directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'tracker-files-'));
  const storage = new LocalFileStorage(root);
  after(() => rmSync(root, { recursive: true, force: true }));

  it('stores, streams back, and forgets a file; a key is written once', async () => {
    await storage.put('7/a.pdf', Buffer.from('%PDF-1.4 说明'));
    assert.equal(await storage.exists('7/a.pdf'), true);
    assert.equal(await text((await storage.get('7/a.pdf'))!), '%PDF-1.4 说明');
    await assert.rejects(storage.put('7/a.pdf', Buffer.from('again')), /EEXIST/);
    await storage.delete('7/a.pdf');
    await storage.delete('7/a.pdf');
    assert.equal(await storage.exists('7/a.pdf'), false);
  });

  it('answers null for a file that is not there, so the caller can say 404 before answering', async () => {
    assert.equal(await storage.get('8/none.png'), null);
  });
});
