import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { Attachment } from '../src/attachments/attachment.entity.js';
import { FILE_STORAGE, type FileStorage } from '../src/attachments/storage/file-storage.js';
import { buildWorld, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/** A real 1×1 PNG and the start of a real PDF: what a phone camera and a scanner hand over. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

// Each storage FILE_STORAGE offers: the data directory (the default) and the database every instance shares.
for (const storage of ['local', 'database']) describe(`attachments: photos and documents on a case (FILE_STORAGE=${storage})`, () => {
  let t: TestApp;
  let w: World;
  const upload = (token: string, caseId: number, file: Buffer | null, name: string, fields: Record<string, string> = {}) => {
    let req = t.http.post(`/api/cases/${caseId}/attachments`).set('Authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return file ? req.attach('file', file, name) : req.field('nothing', 'here');
  };

  before(async () => {
    t = await startTestApp({ FILE_STORAGE: storage });
    w = await buildWorld(t);
  });
  after(() => t.close());

  it('a handler adds an after photo: stored, listed, downloadable as it was, on the timeline, version unchanged', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const d = await t.http.post(`/api/cases/${c.id}/actions/dispatch`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).send({ version: c.version, departmentId: w.departments.property });
    assert.equal(d.status, 200);
    const res = await upload(w.users.handler.token, c.id, PNG, '维修后照片.png', { stage: 'after', note: '更换后灯已亮' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.mimeType, 'image/png');
    assert.equal(res.body.fileName, '维修后照片.png');
    assert.equal(res.body.stage, 'after');
    assert.equal(res.body.size, PNG.length);
    assert.equal(res.body.storageKey, undefined, 'where it is stored is not shown');

    const list = await t.http.get(`/api/attachments?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.users.dispatcher.token}`);
    assert.deepEqual(list.body.map((a: { id: number }) => a.id), [res.body.id]);
    const content = await t.http.get(`/api/attachments/${res.body.id}/content`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (b: Buffer) => chunks.push(b));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    assert.equal(content.status, 200);
    assert.equal(content.headers['content-type'], 'image/png');
    assert.ok((content.body as Buffer).equals(PNG), 'the same bytes come back');

    const events = await t.http.get(`/api/case-events?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`);
    const attach = events.body.find((e: { action: string }) => e.action === 'attach');
    assert.equal(attach.data.attachmentId, res.body.id);
    assert.equal(attach.actorId, w.users.handler.id);
    assert.equal(attach.note, '更换后灯已亮');
    const now = await t.http.get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${w.admin}`);
    assert.equal(now.body.version, d.body.version, 'adding a photo does not make anyone’s action stale');
  });

  it('accepts a PDF document; refuses files by their content, size, missing file and bad stage, saving nothing', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const pdf = await upload(w.users.dispatcher.token, c.id, PDF, '情况说明.pdf');
    assert.equal(pdf.status, 201, JSON.stringify(pdf.body));
    assert.equal(pdf.body.mimeType, 'application/pdf');
    assert.equal(pdf.body.stage, 'document');

    const fake = await upload(w.users.dispatcher.token, c.id, Buffer.from('MZ this is not a photo at all'), 'photo.jpg');
    assert.equal(fake.status, 400);
    assert.match(fake.body.errors.file, /photo|PDF/);
    const big = await upload(w.users.dispatcher.token, c.id, Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), 'big.png');
    assert.equal(big.status, 413);
    assert.match(big.body.errors.file, /10 MB/);
    const none = await upload(w.users.dispatcher.token, c.id, null, '');
    assert.equal(none.status, 400);
    assert.ok(none.body.errors.file);
    const stage = await upload(w.users.dispatcher.token, c.id, PNG, 'a.png', { stage: 'sideways' });
    assert.equal(stage.status, 400);
    assert.ok(stage.body.errors.stage);

    const list = await t.http.get(`/api/attachments?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.admin}`);
    assert.equal(list.body.length, 1, 'only the PDF was kept');
  });

  it('only those who see the case see or add its files', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const a = await upload(w.users.worker.token, c.id, PNG, 'before.png', { stage: 'before' });
    assert.equal(a.status, 201);
    assert.equal((await upload(w.users.handler.token, c.id, PNG, 'x.png')).status, 404, 'not dispatched to the handler’s unit');
    assert.equal((await t.http.get(`/api/attachments/${a.body.id}/content`).set('Authorization', `Bearer ${w.users.handler.token}`)).status, 404);
    const seen = await t.http.get(`/api/attachments?filter=${filter({ caseId: c.id })}`).set('Authorization', `Bearer ${w.users.handler.token}`);
    assert.deepEqual(seen.body, []);
    assert.equal((await t.http.delete(`/api/attachments/${a.body.id}`).set('Authorization', `Bearer ${w.admin}`)).status, 403, 'files stay with the case');
  });
  it('a scan of 700 kB comes back byte for byte (in the database: three parts, streamed one after the other)', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const big = Buffer.concat([PDF, Buffer.from(Array.from({ length: 700 * 1024 }, (_, i) => (i * 7919) % 251))]);
    const a = await upload(w.users.dispatcher.token, c.id, big, '扫描件.pdf');
    assert.equal(a.status, 201, JSON.stringify(a.body));
    const back = await t.http.get(`/api/attachments/${a.body.id}/content`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (b: Buffer) => chunks.push(b));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    assert.equal(back.status, 200);
    assert.equal(Number(back.headers['content-length']), big.length);
    assert.ok((back.body as Buffer).equals(big), 'the same bytes come back');
  });

  it('a file gone from the storage answers 404 with a message saying so, not a 500', async () => {
    const c = await logCase(t, w, w.users.dispatcher.token);
    const a = await upload(w.users.dispatcher.token, c.id, PNG, '门禁.png');
    assert.equal(a.status, 201);
    const { storageKey } = await t.app.get(DataSource).getRepository(Attachment).findOneByOrFail({ id: a.body.id });
    await t.app.get<symbol, FileStorage>(FILE_STORAGE).delete(storageKey);
    const gone = await t.http.get(`/api/attachments/${a.body.id}/content`).set('Authorization', `Bearer ${w.users.dispatcher.token}`);
    assert.equal(gone.status, 404);
    assert.match(gone.body.message, /附件 \d+ 的文件已不在存储中/);
    const en = await t.http.get(`/api/attachments/${a.body.id}/content`).set('Authorization', `Bearer ${w.users.dispatcher.token}`).set('Accept-Language', 'en');
    assert.match(en.body.message, /no longer in storage/);
  });
});
