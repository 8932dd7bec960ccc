import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { buildWorld, edit, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Personal data by need, and on the record (issue 15, item 4): what a caller sees masked cannot be filtered,
 * sorted or searched on; staff and grid leaders' numbers go to those who work with them; exports are masked
 * unless an admin granted the full values; and every view or export of full values is in the access log.
 */
describe('personal data: masked means unsearchable, exports masked by default, an access log', () => {
  let t: TestApp;
  let w: World;
  let residentId: number;
  let caseId: number;
  const get = (path: string, token: string) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  const download = (path: string, token: string) =>
    get(path, token).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const csvRows = (body: Buffer): string[][] => parse(body, { bom: true });
  const log = async (query: Record<string, unknown> = {}) => {
    const res = await get(`/access-log?filter=${filter(query)}&range=${filter([0, 99])}`, w.admin);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { userId: number; action: string; resource: string; recordId: number | null; rows: number | null; detail: string | null; at: string }[];
  };
  const role = (name: keyof World['users']) => w.users[name].token;

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const resident = await t.http.post('/api/residents').set('Authorization', `Bearer ${w.admin}`).send({ name: '王秀英', phone: '13912345678', gridUnitId: w.units.compound, address: '小碱小区5号楼2单元301', tags: ['elderly_alone'] });
    residentId = resident.body.id;
    caseId = (await logCase(t, w, role('dispatcher'), { reporterName: '张三', reporterPhone: '13812345678', address: '小碱小区3号楼1单元502' })).id;
  });
  after(() => t.close());

  it('refuses every filter, sort and operator on a resident phone, to every role, naming the field', async () => {
    const probes: [string, string][] = [
      [`filter=${filter({ id: residentId, phone_gte: '139' })}`, 'filter.phone_gte'],
      [`filter=${filter({ phone_lt: '14' })}`, 'filter.phone_lt'],
      [`filter=${filter({ phone_neq: '13912345678' })}`, 'filter.phone_neq'],
      [`filter=${filter({ phone: '13912345678' })}`, 'filter.phone'],
      [`filter=${filter({ phone: ['13912345678', '13912345679'] })}`, 'filter.phone'],
      [`sort=${filter(['phone', 'ASC'])}`, 'sort'],
    ];
    for (const token of [w.admin, role('supervisor'), role('dispatcher'), role('worker')]) {
      for (const [query, field] of probes) {
        for (const path of ['/residents', '/residents.csv']) {
          const res = await get(`${path}?${query}`, token);
          if (path === '/residents.csv' && res.status === 404) continue; // no residents export
          assert.equal(res.status, 400, `${path}?${decodeURIComponent(query)}`);
          assert.ok(res.body.errors?.[field], `${field}: ${JSON.stringify(res.body)}`);
        }
      }
    }
    const zh = await get(`/residents?filter=${filter({ phone_gte: '139' })}`, w.admin);
    assert.match(zh.body.errors['filter.phone_gte'], /隐去部分的个人信息/);
    const en = await get(`/residents?filter=${filter({ phone_gte: '139' })}`, w.admin).set('Accept-Language', 'en');
    assert.match(en.body.errors['filter.phone_gte'], /masked for you/);
  });

  it('answers the binary-search attack on residents and on cases with 400, not with a yes or no', async () => {
    for (const digits of ['1', '139', '1391', '13912345678']) {
      assert.equal((await get(`/residents?filter=${filter({ id: residentId, phone_gte: digits })}`, role('dispatcher'))).status, 400);
      assert.equal((await get(`/cases?filter=${filter({ id: caseId, reporterPhone_gte: digits })}`, role('dispatcher'))).status, 400);
      assert.equal((await get(`/cases.csv?filter=${filter({ id: caseId, reporterPhone_lte: digits })}`, w.admin)).status, 400);
    }
  });

  it('lets intake staff find a caller by the whole number only, on the record; a supervisor not at all', async () => {
    const byNumber = await get(`/cases?filter=${filter({ reporterPhone: '13812345678' })}`, role('dispatcher'));
    assert.deepEqual(byNumber.body.map((c: { id: number }) => c.id), [caseId]);
    assert.equal(byNumber.body[0].reporterPhone, '138****5678', 'the list still shows it masked');
    for (const [query, field] of [
      [{ reporterPhone: ['13812345678', '13812345679'] }, 'filter.reporterPhone'],
      [{ reporterPhone_neq: '13812345678' }, 'filter.reporterPhone_neq'],
      [{ reporterPhone_gt: '138' }, 'filter.reporterPhone_gt'],
    ] as const) {
      const res = await get(`/cases?filter=${filter(query)}`, role('dispatcher'));
      assert.equal(res.status, 400, JSON.stringify(query));
      assert.ok(res.body.errors?.[field]);
    }
    assert.equal((await get(`/cases?sort=${filter(['reporterPhone', 'DESC'])}`, role('dispatcher'))).status, 400);
    const sup = await get(`/cases?filter=${filter({ reporterPhone: '13812345678' })}`, role('supervisor'));
    assert.equal(sup.status, 400);
    assert.ok(sup.body.errors['filter.reporterPhone']);

    // `q`: the whole number finds the case for intake staff, never for the supervisor who sees it masked.
    assert.deepEqual((await get(`/cases?filter=${filter({ q: '13812345678' })}`, role('dispatcher'))).body.map((c: { id: number }) => c.id), [caseId]);
    assert.deepEqual((await get(`/cases?filter=${filter({ q: '13812345678' })}`, role('supervisor'))).body, []);
    const lookups = await log({ userId: w.users.dispatcher.id, action: 'read', resource: 'cases' });
    assert.ok(lookups.filter((e) => e.detail === 'by-phone').length >= 2, JSON.stringify(lookups));
    assert.equal((await log({ userId: w.users.supervisor.id })).length, 0, 'a refused or masked read is no view of personal data');
  });

  it('keeps resident phones out of keyword search: a part of the number finds nobody, the name still does', async () => {
    for (const token of [w.admin, role('dispatcher'), role('supervisor')]) {
      assert.deepEqual((await get(`/residents?filter=${filter({ q: '1391234' })}`, token)).body, []);
      assert.deepEqual((await get(`/residents?filter=${filter({ q: '5678' })}`, token)).body, []);
      assert.deepEqual((await get(`/residents?filter=${filter({ q: '王秀英' })}`, token)).body.map((r: { id: number }) => r.id), [residentId]);
    }
  });

  it('shows staff phones to admins and to their own unit only; grid leaders’ phones to the grid’s own staff', async () => {
    const post = (path: string, body: object) => t.http.post(`/api${path}`).set('Authorization', `Bearer ${w.admin}`).send(body);
    const colleague = (await post('/users', { username: 'hd2', name: '同事', role: 'handler', departmentId: w.departments.property, phone: '13700001111', password: 'password-1' })).body.id;
    const stranger = (await post('/users', { username: 'ht', name: '热力', role: 'handler', departmentId: w.departments.heating, phone: '13700002222', password: 'password-1' })).body.id;
    const phoneOf = async (token: string, id: number) => ((await get(`/users?range=${filter([0, 99])}`, token)).body as { id: number; phone: string }[]).find((u) => u.id === id)?.phone;
    assert.equal(await phoneOf(role('handler'), colleague), '13700001111', 'the same responsible unit');
    assert.equal(await phoneOf(role('handler'), stranger), '137****2222');
    assert.equal(await phoneOf(role('supervisor'), colleague), '137****1111');
    assert.equal(await phoneOf(w.admin, stranger), '13700002222');
    assert.equal((await get(`/users/${stranger}`, role('handler'))).body.phone, '137****2222');
    for (const query of [`filter=${filter({ phone_gte: '137' })}`, `sort=${filter(['phone', 'ASC'])}`]) {
      assert.equal((await get(`/users?${query}`, role('handler'))).status, 400, query);
    }

    await edit(t.http, w.admin, `/grid-units/${w.units.grid1}`, { leaderName: '网格长甲', leaderPhone: '13600001111' });
    await edit(t.http, w.admin, `/grid-units/${w.units.other}`, { leaderName: '社区书记', leaderPhone: '13600002222' });
    const leaders = async (token: string) => {
      const rows = (await get(`/grid-units?range=${filter([0, 99])}`, token)).body as { id: number; leaderPhone: string | null }[];
      return [rows.find((u) => u.id === w.units.grid1)?.leaderPhone, rows.find((u) => u.id === w.units.other)?.leaderPhone];
    };
    assert.deepEqual(await leaders(role('handler')), ['136****1111', '136****2222']);
    assert.deepEqual(await leaders(role('supervisor')), ['136****1111', '136****2222']);
    assert.deepEqual(await leaders(role('dispatcher')), ['13600001111', '136****2222'], 'their community, not the other');
    assert.deepEqual(await leaders(w.admin), ['13600001111', '13600002222']);
    assert.equal((await get(`/grid-units?filter=${filter({ leaderPhone_gte: '136' })}`, role('dispatcher'))).status, 400);
    assert.equal((await get(`/grid-units?sort=${filter(['leaderPhone', 'ASC'])}`, role('handler'))).status, 400);

    // Lists that showed whole numbers are on the record, one row a request with how many; masked ones are not.
    const reads = await log({ action: 'read' });
    assert.ok(reads.some((e) => e.userId === w.users.handler.id && e.resource === 'users' && e.rows === 1), JSON.stringify(reads));
    assert.ok(reads.some((e) => e.userId === w.users.dispatcher.id && e.resource === 'grid-units' && (e.rows ?? 0) >= 1));
    assert.ok(!reads.some((e) => e.userId === w.users.supervisor.id), 'the supervisor saw nothing whole');
  });

  it('masks phones and addresses in every export unless asked and allowed; each export is on the record', async () => {
    const columns = (rows: string[][]) => [rows[0].indexOf('联系电话'), rows[0].indexOf('地址')];
    for (const token of [w.admin, role('dispatcher'), role('worker'), role('supervisor')]) {
      const rows = csvRows((await download('/cases.csv', token)).body);
      const [phone, address] = columns(rows);
      assert.deepEqual([rows[1][phone], rows[1][address]], ['138****5678', '小碱小区*号楼*单元***']);
    }
    for (const token of [role('dispatcher'), role('supervisor'), role('handler')]) {
      const refused = await get('/cases.csv?full=1', token);
      assert.equal(refused.status, 403);
      assert.match(refused.body.message, /导出个人信息/);
      assert.equal((await get('/cases.xlsx?full=1', token)).status, 403);
    }
    assert.equal((await get('/cases.csv?full=maybe', w.admin)).status, 400);

    const full = csvRows((await download('/cases.csv?full=1', w.admin)).body);
    assert.deepEqual([full[1][columns(full)[0]], full[1][columns(full)[1]]], ['13812345678', '小碱小区3号楼1单元502']);

    // An admin grants the permission in the user form; the dispatcher's full export works at once, within scope.
    const granted = await edit(t.http, w.admin, `/users/${w.users.dispatcher.id}`, { canExportPersonalData: true });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.equal(granted.body.canExportPersonalData, true);
    const theirs = csvRows((await download('/cases.csv?full=1', role('dispatcher'))).body);
    assert.equal(theirs[1][columns(theirs)[0]], '13812345678');

    const exports = await log({ action: 'export' });
    const summary = exports.map((e) => [e.userId, e.resource, e.rows, e.detail]);
    assert.ok(summary.some(([u, r, n, d]) => u === w.users.dispatcher.id && r === 'cases' && n === 1 && d === 'full csv'), JSON.stringify(summary));
    assert.ok(summary.some(([u, , , d]) => u === w.users.supervisor.id && d === 'masked csv'), 'masked exports are recorded too');
    assert.ok(!summary.some(([u, , , d]) => u === w.users.handler.id && String(d).startsWith('full')), 'a refused export is no export');
  });

  it('records each view of a whole number on a record’s own page, and not the masked ones', async () => {
    assert.equal((await get(`/residents/${residentId}`, role('worker'))).body.phone, '13912345678');
    assert.equal((await get(`/cases/${caseId}`, role('dispatcher'))).body.reporterPhone, '13812345678');
    assert.equal((await get(`/cases/${caseId}`, role('supervisor'))).body.reporterPhone, '138****5678');
    assert.equal((await get('/cases/by-phone?phone=1391', role('dispatcher'))).status, 200);
    const reads = (await log({ action: 'read' })).map((e) => [e.userId, e.resource, e.recordId, e.detail]);
    assert.ok(reads.some(([u, r, id]) => u === w.users.worker.id && r === 'residents' && id === residentId), JSON.stringify(reads));
    assert.ok(reads.some(([u, r, id]) => u === w.users.dispatcher.id && r === 'cases' && id === caseId));
    assert.ok(reads.some(([u, , , d]) => u === w.users.dispatcher.id && d === 'by-phone'));
    assert.ok(!reads.some(([u, r]) => u === w.users.supervisor.id && r === 'cases'));
  });

  it('is read by admins only: listed, filtered by user, action and date, exported; never written through the API', async () => {
    for (const who of ['supervisor', 'dispatcher', 'worker', 'handler'] as const) {
      assert.equal((await get('/access-log', role(who))).status, 403, who);
      assert.equal((await get('/access-log.csv', role(who))).status, 403, who);
    }
    const all = await log();
    assert.ok(all.length >= 5);
    const res = await get(`/access-log?filter=${filter({ userId: w.users.worker.id })}`, w.admin);
    assert.ok(res.body.length >= 1 && res.body.every((e: { userId: number }) => e.userId === w.users.worker.id));
    assert.match(String(res.headers['content-range']), /^access-log 0-\d+\/\d+$/);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await log({ at_lte: '2000-01-01' })).length, 0);
    assert.ok((await log({ at_gte: today.slice(0, 8) + '01' })).length >= 1);
    assert.equal((await get(`/access-log?filter=${filter({ action: 'delete' })}`, w.admin)).status, 400);

    const file = csvRows((await download(`/access-log.csv?filter=${filter({ action: 'export' })}`, w.admin)).body);
    assert.deepEqual(file[0], ['时间', '用户', '操作', '资源', '记录编号', '行数', '说明']);
    assert.ok(file.slice(1).every((r) => r[2] === '导出') && file.length > 1);
    assert.ok(file.some((r) => r[1] === 'disp (disp)' && r[6] === '完整信息 · CSV 文件'));
    assert.equal((await download('/access-log.xlsx', w.admin)).status, 200);

    const id = all[0] as unknown as { id: number };
    assert.equal((await t.http.post('/api/access-log').set('Authorization', `Bearer ${w.admin}`).send({})).status, 403);
    assert.equal((await t.http.delete(`/api/access-log/${id.id}`).set('Authorization', `Bearer ${w.admin}`)).status, 403);
  });
});
