import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app.js';

const INLINE_SCRIPT = 'document.title = "有诉必应";';

describe('HTTP: the console beside the API, and requests the API cannot read', () => {
  let t: TestApp;
  let token: string;
  const consoleDir = mkdtempSync(join(tmpdir(), 'tracker-console-'));
  before(async () => {
    mkdirSync(join(consoleDir, 'assets'));
    writeFileSync(join(consoleDir, 'index.html'), `<!doctype html><title>有诉必应</title><script>${INLINE_SCRIPT}</script><script src="/assets/app-1a2b.js"></script>`);
    writeFileSync(join(consoleDir, 'assets/app-1a2b.js'), 'console.log("console")');
    // As the console's build leaves it (admin/precompress.ts): a Brotli copy beside the script.
    writeFileSync(join(consoleDir, 'assets/app-1a2b.js.br'), brotliCompressSync('console.log("console")'));
    // The residents' page, built beside it into m/ (admin/public-page).
    mkdirSync(join(consoleDir, 'm/assets'), { recursive: true });
    writeFileSync(join(consoleDir, 'm/index.html'), '<!doctype html><title>我要反映</title><script type="module" src="/m/assets/page-9f8e.js"></script>');
    writeFileSync(join(consoleDir, 'm/assets/page-9f8e.js'), 'console.log("residents")');
    t = await startTestApp({ CONSOLE_DIR: consoleDir });
    token = await t.login('admin');
  });
  after(async () => {
    await t.close();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  it("serves the console's page at / and at every link into it, and its files as they are", async () => {
    for (const path of ['/', '/cases', '/cases/12/show', '/reports/daily?date=2026-11-23']) {
      const res = await t.http.get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers['content-type'], /text\/html/, path);
      assert.match(res.text, /有诉必应/, path);
    }
    const js = await t.http.get('/assets/app-1a2b.js');
    assert.equal(js.status, 200);
    assert.match(js.headers['content-type'], /javascript/);
  });

  it("serves the residents' page at /m/ and every path below it, its own scripts, and /m goes to /m/ with its query", async () => {
    for (const path of ['/m/', '/m/?entry=enterprise&unit=5', '/m/follow']) {
      const res = await t.http.get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.text, /我要反映/, `${path}: the residents' page, not the console`);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
    }
    const short = await t.http.get('/m?entry=enterprise&unit=5');
    assert.equal(short.status, 302);
    assert.equal(short.headers.location, '/m/?entry=enterprise&unit=5');
    const js = await t.http.get('/m/assets/page-9f8e.js');
    assert.equal(js.status, 200);
    assert.match(js.headers['cache-control'], /immutable/);
    assert.equal((await t.http.get('/m/assets/page-old.js')).status, 404, 'a script of an older build is not the page');
    const csp = (await t.http.get('/m/')).headers['content-security-policy'] as string;
    assert.match(csp, /img-src[^;]*data:[^;]*blob:/, "the page's photo previews (data: URLs) are allowed");
  });

  it('sends the scripts compressed when the browser takes it, cached for good; the page is checked every visit', async () => {
    const br = await t.http.get('/assets/app-1a2b.js').set('Accept-Encoding', 'br, gzip').buffer(true);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.text, 'console.log("console")', 'the same script, decompressed by the client');
    assert.match(br.headers['cache-control'], /immutable/);
    const plain = await t.http.get('/assets/app-1a2b.js').set('Accept-Encoding', 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal((await t.http.get('/')).headers['cache-control'], 'no-cache', 'a new build is seen at the next visit');
  });

  it('answers a missing file or an unknown API path with a JSON 404, never the page', async () => {
    for (const path of ['/assets/app-old.js', '/favicon.ico', '/api/nope', '/api/cases/1/nope', '/open311/services']) {
      const res = await t.http.get(path).set('Authorization', `Bearer ${token}`);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.code, 'NOT_FOUND', path);
    }
  });

  it('says what is wrong with a body it cannot read: not JSON, empty, another type, too large', async () => {
    // In English, as a script asks; the Chinese answers are in language.e2e-spec.ts.
    const post = () => t.http.post('/api/channels').set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
    let res = await post().set('Content-Type', 'application/json').send('{"name": ');
    assert.equal(res.status, 400);
    assert.equal(res.body.errors.body, 'is not valid JSON');
    res = await post().set('Content-Type', 'application/json');
    assert.equal(res.status, 400);
    assert.equal(res.body.errors.body, 'is empty');
    res = await post().set('Content-Type', 'text/plain').send('name=微信');
    assert.equal(res.status, 415);
    assert.equal(res.body.code, 'UNSUPPORTED_MEDIA_TYPE');
    // …but an empty text/plain body is no body: react-admin labels its DELETE so, and 删除 must work.
    const created = await t.http.post('/api/channels').set('Authorization', `Bearer ${token}`).send({ name: '临时渠道', code: 'tmp_del', group: 'online' });
    res = await t.http.delete(`/api/channels/${created.body.id}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/plain');
    assert.equal(res.status, 200);
    res = await post().send({ name: '渠道', code: 'big', group: 'online', note: '长'.repeat(400_000) });
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'PAYLOAD_TOO_LARGE');
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.js:\d+/, 'no stack trace');
    const list = await t.http.get('/api/channels').set('Authorization', `Bearer ${token}`);
    assert.ok(!list.body.some((c: { code: string }) => c.code === 'big'), 'nothing was saved');
  });

  it('closes the API to pages of other origins, unless CORS_ORIGINS names them', async () => {
    const pre = await t.http.options('/api/cases').set('Origin', 'http://evil.example').set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
    assert.equal(pre.headers['access-control-allow-origin'], undefined);
    const res = await t.http.get('/api/channels').set('Origin', 'http://evil.example').set('Authorization', `Bearer ${token}`);
    assert.equal(res.headers['access-control-allow-origin'], undefined, 'a browser keeps the answer from that page');

    const open = await startTestApp({ CORS_ORIGINS: 'http://console.example, https://12345.example.gov.cn' });
    try {
      const ok = await open.http.options('/api/cases').set('Origin', 'http://console.example').set('Access-Control-Request-Method', 'GET').set('Access-Control-Request-Headers', 'authorization');
      assert.equal(ok.status, 204);
      assert.equal(ok.headers['access-control-allow-origin'], 'http://console.example');
      const list = await open.http.get('/api/channels').set('Origin', 'https://12345.example.gov.cn').set('Authorization', `Bearer ${await open.login('admin')}`);
      assert.equal(list.headers['access-control-allow-origin'], 'https://12345.example.gov.cn');
      assert.match(list.headers['access-control-expose-headers'], /Content-Range/);
      const other = await open.http.get('/api/health').set('Origin', 'http://evil.example');
      assert.notEqual(other.headers['access-control-allow-origin'], 'http://evil.example');
    } finally {
      await open.close();
    }
  });

  it("sends the browser's protections: a policy that runs only this origin's scripts and the page's own, no framing, no sniffing", async () => {
    for (const path of ['/', '/api/health']) {
      const res = await t.http.get(path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
      assert.ok(['DENY', 'SAMEORIGIN'].includes(res.headers['x-frame-options']), path);
      const csp = res.headers['content-security-policy'] as string;
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /object-src 'none'/, path);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, `${path}: no inline script but the page's own`);
    }
    const csp = (await t.http.get('/')).headers['content-security-policy'] as string;
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), "the page's own inline script (the sign-in form) is allowed by its hash");
  });
});
