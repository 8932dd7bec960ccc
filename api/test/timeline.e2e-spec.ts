import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { generateCases } from '../src/seed/case-generator.js';
import { sealLegacyTimeline } from '../src/timeline/seal-legacy.js';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const CLI = join(import.meta.dirname, '../src/timeline/verify-cli.js');

interface Finding {
  caseId: number;
  number: string;
  eventId: number | null;
  kind: string;
  count?: number;
}

describe('tamper-evident timeline: every case event chained, and the verifier names what was changed out of band', () => {
  let t: TestApp;
  let w: World;
  let ds: DataSource;
  const verify = async (query = '') => {
    const res = await t.http.get(`/api/timeline/verify${query}`).set('Authorization', `Bearer ${w.admin}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { ok: boolean; cases: number; events: number; problems: number; findings: Finding[]; nextCaseId: number | null };
  };
  /** `npm run verify` on the same database. */
  const cli = () => spawnSync(process.execPath, [CLI], { env: { ...process.env, DATABASE_URL: t.config.databaseUrl }, encoding: 'utf8' });
  const events = (caseId: number) => ds.query(`SELECT id FROM case_events WHERE case_id = ${caseId} ORDER BY id`) as Promise<{ id: number }[]>;

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    ds = t.app.get(DataSource);
  });
  after(() => t.close());

  it('a day of work verifies clean: intake, actions, a merge, an edit, photos uploaded at once; only admins may ask', async () => {
    const d = w.users.dispatcher.token;
    for (let i = 0; i < 4; i++) {
      let c = await logCase(t, w, d);
      c = await doAction(t, d, c, 'dispatch', { departmentId: w.departments.property });
      c = await doAction(t, w.users.handler.token, c, 'accept');
      await doAction(t, w.users.handler.token, c, 'contact', { note: `已联系 ${i}` });
    }
    const a = await logCase(t, w, d);
    const b = await logCase(t, w, d);
    await doAction(t, d, b, 'merge', { intoCaseId: a.id });
    const edited = await t.http.put(`/api/cases/${a.id}`).set('Authorization', `Bearer ${d}`).send({ version: a.version, title: '楼道灯不亮（已更正）' });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    // Appends to one case at the same moment chain one after the other (on PostgreSQL the chain's head row is locked).
    const uploads = await Promise.all(Array.from({ length: 6 }, () => t.http.post(`/api/cases/${a.id}/attachments`).set('Authorization', `Bearer ${d}`).attach('file', PNG, 'p.png')));
    assert.deepEqual(uploads.map((u) => u.status), Array(6).fill(201));

    const r = await verify();
    assert.equal(r.ok, true, JSON.stringify(r.findings));
    assert.equal(r.cases, 6);
    assert.ok(r.events >= 4 * 4 + 2 + 2 + 6, `${r.events} events walked`);
    const seqs = (await ds.query(`SELECT seq FROM case_events WHERE case_id = ${a.id} ORDER BY id`)) as { seq: number }[];
    assert.deepEqual(seqs.map((s) => Number(s.seq)), seqs.map((_, i) => i + 1), 'one chain, no fork');

    const denied = await t.http.get('/api/timeline/verify').set('Authorization', `Bearer ${d}`);
    assert.equal(denied.status, 403);
    const bad = await t.http.get('/api/timeline/verify?fromCaseId=1e2').set('Authorization', `Bearer ${w.admin}`);
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.fromCaseId);

    const clean = cli();
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /timeline intact: 6 cases/);
  });

  it('names an edited event, a removed one, a removed last one and an inserted one, on the API and the command line', async () => {
    const cases = [];
    for (let i = 0; i < 4; i++) {
      const c = await logCase(t, w, w.users.dispatcher.token);
      const x = await doAction(t, w.users.dispatcher.token, c, 'dispatch', { departmentId: w.departments.property });
      await doAction(t, w.users.handler.token, x, 'accept');
      cases.push(c);
    }
    const [editedCase, gapCase, tailCase, insertCase] = cases;
    const [, editedEvent] = await events(editedCase.id);
    await ds.query(`UPDATE case_events SET note = '改过的记录' WHERE id = ${editedEvent.id}`);
    const [, gapEvent, afterGap] = await events(gapCase.id);
    await ds.query(`DELETE FROM case_events WHERE id = ${gapEvent.id}`);
    const tail = await events(tailCase.id);
    await ds.query(`DELETE FROM case_events WHERE id = ${tail.at(-1)!.id}`);
    await ds.query(`INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, note, data, created_at) VALUES (${insertCase.id}, 'comment', 'accepted', 'accepted', NULL, '补录', NULL, '2026-01-01 00:00:00.000')`);
    const inserted = (await events(insertCase.id)).at(-1)!;

    const r = await verify(`?fromCaseId=${editedCase.id}`);
    assert.equal(r.ok, false);
    const seen = r.findings.map(({ caseId, eventId, kind, count }) => ({ caseId, eventId, kind, ...(count === undefined ? {} : { count }) }));
    assert.deepEqual(seen, [
      { caseId: editedCase.id, eventId: editedEvent.id, kind: 'edited' },
      { caseId: gapCase.id, eventId: afterGap.id, kind: 'removed', count: 1 },
      { caseId: tailCase.id, eventId: null, kind: 'removed', count: 1 },
      { caseId: insertCase.id, eventId: inserted.id, kind: 'inserted' },
    ]);
    assert.equal(r.findings[0].number, editedCase.number);

    const out = cli();
    assert.equal(out.status, 1, out.stdout + out.stderr);
    assert.match(out.stdout, new RegExp(`case ${editedCase.number} \\(id ${editedCase.id}\\), event ${editedEvent.id}: edited`));
    assert.match(out.stdout, new RegExp(`case ${gapCase.number} .*before event ${afterGap.id}: 1 event\\(s\\) removed`));
    assert.match(out.stdout, new RegExp(`case ${tailCase.number} .*last 1 event\\(s\\) removed`));
    assert.match(out.stdout, new RegExp(`case ${insertCase.number} .*event ${inserted.id}: inserted out of band`));
    assert.match(out.stdout, /timeline NOT intact: 4 problem\(s\)/);

    // A range: the first case alone.
    const only = await verify(`?fromCaseId=${cases[0].id}&toCaseId=${cases[0].id}`);
    assert.equal(only.cases, 1);
    assert.deepEqual(only.findings.map((f) => f.kind), ['edited']);
  });

  it('the bulk generator writes chained timelines that verify clean', async () => {
    const first = (await ds.query(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM cases`)) as { next: number }[];
    const stats = await generateCases(ds, { count: 300, days: 30, timeZone: t.config.timeZone, seed: 7 });
    assert.equal(stats.cases, 300);
    const r = await verify(`?fromCaseId=${first[0].next}`);
    assert.equal(r.ok, true, JSON.stringify(r.findings.slice(0, 5)));
    assert.equal(r.cases, 300);
    assert.equal(r.events, stats.events);
  });
});

describe('tamper-evident timeline: the demo community as seeded verifies clean', () => {
  let t: TestApp;
  before(async () => (t = await startTestApp({ SEED: 'demo' })));
  after(() => t.close());

  it('every demo case chained', async () => {
    const admin = await t.login('admin');
    const res = await t.http.get('/api/timeline/verify').set('Authorization', `Bearer ${admin}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, true, JSON.stringify(res.body.findings.slice(0, 5)));
    assert.ok(res.body.cases >= 1000, `${res.body.cases} cases`);
  });

  it('events from before the chain are sealed once; one written out of band after that is never sealed', async () => {
    const ds = t.app.get(DataSource);
    // The database as the migration found it: events without seq or hash, no heads, the watermark at the last event.
    await ds.query(`UPDATE case_events SET seq = NULL, hash = NULL`);
    await ds.query(`DELETE FROM case_chains`);
    await ds.query(`UPDATE timeline_backfill SET upto_event_id = (SELECT MAX(id) FROM case_events), sealed_at = NULL`);
    const [{ n }] = (await ds.query(`SELECT COUNT(*) AS n FROM case_events`)) as { n: number }[];
    assert.equal(await sealLegacyTimeline(ds), Number(n));
    const admin = await t.login('admin');
    const clean = await t.http.get('/api/timeline/verify').set('Authorization', `Bearer ${admin}`);
    assert.equal(clean.body.ok, true, JSON.stringify(clean.body.findings.slice(0, 3)));

    await ds.query(`INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, note, data, created_at) SELECT id, 'comment', status, status, NULL, '补录', NULL, '2026-01-01 00:00:00.000' FROM cases WHERE id = 1`);
    assert.equal(await sealLegacyTimeline(ds), 0);
    const after = await t.http.get('/api/timeline/verify?toCaseId=1').set('Authorization', `Bearer ${admin}`);
    assert.deepEqual(after.body.findings.map((f: Finding) => f.kind), ['inserted']);
  });
});
