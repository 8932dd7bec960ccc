import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Response } from 'superagent';
import { DataSource } from 'typeorm';
import { Case } from '../src/cases/case.entity.js';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { filter, startTestApp, type TestApp } from './support/test-app.js';

const HEADER = ['工单编号', '受理时间', '标题', '诉求描述', '类型', '紧急程度', '来源渠道', '诉求分类', '所属网格', '地址', '诉求人', '联系电话', '重点人群', '状态', '责任单位',
  '派单时间', '签收时间', '响应时间', '答复时间', '办结时间', '响应时限', '办结时限', '是否超期', '直接办理', '办理结果', '是否解决', '满意度', '督办', '退单次数', '重办次数'];
// The words a clerk reads (DOMAIN.md), written out here rather than taken from the code under test.
const WORDS: Record<string, Record<string, string>> = {
  status: { received: '已受理', dispatched: '已派单', in_progress: '办理中', returned: '已退单', replied: '已答复', closed: '已办结', merged: '已并案', rejected: '不予受理' },
  type: { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' },
  priority: { normal: '一般', urgent: '紧急' },
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
  superviseLevel: { yellow: '黄牌督办', red: '红牌督办' },
  tag: { elderly_alone: '独居老人', low_income: '低保户' },
};
type Listed = Record<string, any>;

describe('exports: the case list as .xlsx and .csv', () => {
  let t: TestApp;
  let w: World;
  let names: { channel: Map<number, string>; category: Map<number, string>; unit: Map<number, string>; department: Map<number, string> };
  const phones = new Map<number, string>(); // as logged, by case id
  const get = (path: string, token = w.admin) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${token}`);
  const download = (path: string, token = w.admin) =>
    get(path, token).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const d = w.users.dispatcher.token;
    const resident = await t.http.post('/api/residents').set('Authorization', `Bearer ${w.admin}`).send({ name: '王秀英', phone: '13912345678', gridUnitId: w.units.compound, address: '小碱小区5号楼', tags: ['elderly_alone', 'low_income'] });
    const log = async (token: string, body: Record<string, unknown>) => {
      const c = await logCase(t, w, token, body);
      phones.set(c.id, c.reporterPhone ?? ''); // intake staff see the full number on the case they logged
      return c;
    };
    const a = await log(d, { title: '楼道灯不亮', reporterName: '张三', reporterPhone: '13812345678', address: '小碱小区3号楼', receivedAt: '2026-11-02T09:30:00+08:00' });
    await doAction(t, d, a, 'close_directly', { result: '已当场联系物业更换灯泡' });
    const b = await log(d, { title: '暖气不热', description: '家里只有15度，"很冷"，请尽快,谢谢\n第二行', type: 'complaint', channelId: w.channels.wechat, categoryId: w.categories.heating, gridUnitId: w.units.grid2, reporterPhone: '13900001111', receivedAt: '2026-11-05T20:15:00+08:00' });
    await doAction(t, d, b, 'dispatch', { departmentId: w.departments.heating });
    let c = await log(w.users.worker.token, { title: '电梯困人', categoryId: w.categories.elevator, channelId: w.channels.window, priority: 'urgent', residentId: resident.body.id, receivedAt: '2026-11-06T08:00:00+08:00' });
    c = await doAction(t, d, c, 'dispatch', { departmentId: w.departments.property });
    for (const [action, body] of [['accept', {}], ['contact', {}], ['reply', { result: '已维修电梯' }]] as const) c = await doAction(t, w.users.handler.token, c, action, body);
    await doAction(t, d, c, 'follow_up', { resolved: true, satisfaction: 'satisfied' });
    await log(w.admin, { title: '长江路噪音扰民', type: 'report', categoryId: w.categories.policy, gridUnitId: w.units.other, receivedAt: '2026-11-04T12:00:00+08:00' });
    let e = await log(d, { title: '=1+2 楼上噪音', reporterPhone: '13700002222', receivedAt: '2026-11-10T10:00:00+08:00' });
    e = await doAction(t, d, e, 'dispatch', { departmentId: w.departments.property });
    e = await doAction(t, w.users.handler.token, e, 'return', { reason: 'not_our_duty' });
    await doAction(t, w.users.supervisor.token, e, 'supervise', { level: 'yellow', note: '尽快重新派单' });
    await log(d, { title: '井盖松动', gridUnitId: w.units.grid1 });

    const all = async (r: string) => (await get(`/${r}?range=${filter([0, 999])}`)).body as { id: number; name: string; fullName?: string }[];
    const byId = (rows: { id: number; name: string; fullName?: string }[]) => new Map(rows.map((r) => [r.id, r.fullName ?? r.name]));
    names = { channel: byId(await all('channels')), category: byId(await all('categories')), unit: byId(await all('grid-units')), department: byId(await all('departments')) };
  });
  after(() => t.close());

  const time = (v: string | null) => (v ? DateTime.fromISO(v).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm') : '');
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
  /** An address as a masked file shows it (DOMAIN.md, personal data): the door's digits starred. */
  const maskedAddress = (a: string | null) => (a ?? '').replace(/[0-9]/g, '*');
  /** What the list says a row of the file must show: phone (masked in lists) and address masked, or whole. */
  const expectedRow = (c: Listed, full: boolean) => [
    c.number, time(c.receivedAt), c.title, c.description, WORDS.type[c.type], WORDS.priority[c.priority], names.channel.get(c.channelId), names.category.get(c.categoryId),
    names.unit.get(c.gridUnitId), full ? (c.address ?? '') : maskedAddress(c.address), c.reporterName ?? '', full ? phones.get(c.id) : (c.reporterPhone ?? ''), c.residentTags.map((x: string) => WORDS.tag[x]).join('、'),
    WORDS.status[c.status], names.department.get(c.departmentId) ?? '', time(c.dispatchedAt), time(c.acceptedAt), time(c.respondedAt), time(c.repliedAt), time(c.closedAt),
    time(c.responseDueAt), time(c.resolveDueAt), yesNo(c.overdue), yesNo(c.handledDirectly), c.result ?? '', yesNo(c.resolved), WORDS.satisfaction[c.satisfaction] ?? '',
    WORDS.superviseLevel[c.superviseLevel] ?? '', String(c.returnCount), String(c.reopenCount),
  ];
  const csvText = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

  /** The cells of an exported workbook as text, the way a clerk reads them. */
  async function readXlsx(body: Buffer) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(HEADER.map((_, i) => {
        const v = row.getCell(i + 1).value;
        return v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : v === null || v === undefined ? '' : String(v);
      }));
    });
    return { sheet, rows };
  }

  async function listed(query: string, token: string): Promise<Listed[]> {
    const res = await get(`/cases?${query}&range=${filter([0, 999])}`, token);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  /** Both files for a query hold exactly the list's rows, in its order, in the list's words (`full`: with `full=1`). */
  async function assertSameAsList(query: string, token: string, full: boolean) {
    const list = await listed(query, token);
    if (full) query = `${query}&full=1`;
    const xlsx: Response = await download(`/cases.xlsx?${query}`, token);
    assert.equal(xlsx.status, 200, String(xlsx.body));
    const { rows } = await readXlsx(xlsx.body);
    assert.deepEqual(rows, [HEADER, ...list.map((c) => expectedRow(c, full))], `xlsx for ${decodeURIComponent(query)}`);
    const csv: Response = await download(`/cases.csv?${query}`, token);
    assert.equal(csv.status, 200);
    const records: string[][] = parse(csv.body, { bom: true });
    assert.deepEqual(records, [HEADER, ...list.map((c) => expectedRow(c, full).map((v, i) => (i === 2 || i === 3 ? csvText(v) : v)))], `csv for ${decodeURIComponent(query)}`);
    return list;
  }

  it('holds the same rows as the list, for each filter and sort', async () => {
    const queries = [
      '',
      `sort=${filter(['number', 'ASC'])}`,
      `sort=${filter(['closedAt', 'DESC'])}`,
      `filter=${filter({ status: 'closed' })}`,
      `filter=${filter({ status: ['dispatched', 'returned'] })}`,
      `filter=${filter({ unitId: w.units.grid1 })}`,
      `filter=${filter({ receivedAt_gte: '2026-11-04', receivedAt_lte: '2026-11-06' })}&sort=${filter(['receivedAt', 'ASC'])}`,
      `filter=${filter({ q: '噪音' })}`,
      `filter=${filter({ keyPopulation: true })}`,
    ];
    const counts = [];
    for (const q of queries) counts.push((await assertSameAsList(q, w.admin, false)).length);
    assert.deepEqual(counts, [6, 6, 6, 2, 2, 4, 3, 2, 1], 'the filters pick what they should');
    assert.equal((await assertSameAsList(queries[3], w.admin, true)).length, 2, 'and with full values, for an admin');
  });

  it('keeps each user to their scope: a handler their unit, a grid worker their grid', async () => {
    const handler = await assertSameAsList('', w.users.handler.token, false);
    assert.deepEqual(handler.map((c) => c.title).sort(), ['=1+2 楼上噪音', '电梯困人'].sort());
    const worker = await assertSameAsList(`filter=${filter({ status: ['received', 'closed', 'returned'] })}`, w.users.worker.token, false);
    assert.ok(worker.every((c) => c.gridUnitId !== w.units.grid2 && c.gridUnitId !== w.units.other));
    assert.equal((await assertSameAsList('', w.users.dispatcher.token, false)).length, 5, 'not the other community');
  });

  it('masks phone numbers for every role by default; full ones only with the permission', async () => {
    const masked0 = (await readXlsx((await download('/cases.xlsx', w.users.dispatcher.token)).body)).rows.map((r) => r[11]);
    assert.ok(masked0.includes('138****5678') && !masked0.some((p) => /^\d{11}$/.test(p)), JSON.stringify(masked0));
    assert.equal((await download('/cases.xlsx?full=1', w.users.dispatcher.token)).status, 403, 'not granted');
    const full = (await readXlsx((await download('/cases.xlsx?full=1', w.admin)).body)).rows.map((r) => r[11]);
    assert.ok(full.includes('13812345678') && full.includes('13900001111'));
    const list = await assertSameAsList('', w.users.supervisor.token, false);
    const masked = parse((await download('/cases.csv', w.users.supervisor.token)).body, { bom: true }).map((r: string[]) => r[11]);
    assert.ok(masked.includes('138****5678') && !masked.some((p: string) => /^\d{11}$/.test(p)), JSON.stringify(masked));
    assert.equal(list.length, 6);
  });

  it('is a proper download: Chinese header in bold and frozen, widths, BOM, the file name in Chinese', async () => {
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate();
    const xlsx = await download('/cases.xlsx');
    assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(xlsx.headers['content-disposition'], `attachment; filename="cases-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`诉求工单-${today}.xlsx`)}`);
    const { sheet } = await readXlsx(xlsx.body);
    assert.equal(sheet.name, '诉求工单');
    assert.deepEqual(sheet.views.map((v) => [v.state, (v as { ySplit?: number }).ySplit]), [['frozen', 1]]);
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.ok((sheet.getColumn(2).width ?? 0) >= 16 && (sheet.getColumn(4).width ?? 0) >= 40, 'times and descriptions fit');
    assert.equal(sheet.getRow(2).getCell(2).numFmt, 'yyyy-mm-dd hh:mm');
    const csv = await download('/cases.csv');
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), new RegExp(`filename="cases-${today}\\.csv"`));
    assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, for Excel');
    assert.equal(csv.body.subarray(3).toString('utf8').split('\r\n')[0], HEADER.join(','));
  });

  it('refuses a bad filter or sort with 400 JSON naming it, before any file is sent', async () => {
    const bad: [string, string][] = [
      [`filter=${filter({ nope: 1 })}`, 'filter.nope'],
      ['filter=%7Bnot-json', 'filter'],
      [`filter=${filter({ status: 'done' })}`, 'filter.status'],
      [`filter=${filter({ unitId: 999999 })}`, 'filter.unitId'],
      [`sort=${filter(['nope', 'ASC'])}`, 'sort'],
    ];
    for (const ext of ['xlsx', 'csv']) {
      for (const [query, field] of bad) {
        const res = await get(`/cases.${ext}?${query}`);
        assert.equal(res.status, 400, `${ext} ${query}`);
        assert.match(res.headers['content-type'], /application\/json/);
        assert.equal(res.headers['content-disposition'], undefined);
        assert.ok(res.body.errors?.[field], `errors.${field}: ${JSON.stringify(res.body)}`);
      }
    }
    assert.equal((await t.http.get('/api/cases.xlsx')).status, 401);
    assert.equal((await get('/cases.pdf')).status, 404);
    assert.equal((await get(`/cases/${(await listed('', w.admin))[0].id}`)).status, 200, 'the case page still answers');
  });

  it('exports every matching case, not one page, and an abandoned download lets go of the database', async () => {
    const ds = t.app.get(DataSource);
    const template = await ds.getRepository(Case).findOneByOrFail({ number: (await listed(`filter=${filter({ handledDirectly: true })}`, w.admin))[0].number });
    const { id: _id, ...rest } = template;
    const start = Date.UTC(2026, 9, 1);
    for (let i = 0; i < 1500; i += 100) {
      // Written straight to the table, as the bulk seed does: 1,500 cases through the API would take minutes.
      const batch = Array.from({ length: 100 }, (_, j) => ({ ...rest, number: `20261001-${String(i + j + 1).padStart(4, '0')}`, title: `批量工单 ${i + j}`, description: '诉求'.repeat(1000), receivedAt: new Date(start + (i + j) * 60_000) }));
      await ds.getRepository(Case).insert(batch as never);
    }
    const query = `filter=${filter({ status: 'closed' })}`;
    const pages = [...(await listed(query, w.admin)), ...(await get(`/cases?${query}&range=${filter([1000, 1999])}`)).body];
    assert.equal(pages.length, 1502);
    const { rows } = await readXlsx((await download(`/cases.xlsx?${query}`)).body);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), pages.map((c: Listed) => c.number));
    const csv = parse((await download(`/cases.csv?${query}`)).body, { bom: true });
    assert.deepEqual(csv.slice(1).map((r: string[]) => r[0]), pages.map((c: Listed) => c.number));

    // Twelve clients (more than the connection pool) each take the first bytes of a 9 MB file and leave.
    const server: Server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as AddressInfo).port;
    const token = w.admin;
    await Promise.all(Array.from({ length: 12 }, () => new Promise<void>((resolve, reject) => {
      const req = httpRequest({ port, path: `/api/cases.csv?${query}`, headers: { Authorization: `Bearer ${token}` } }, (res: IncomingMessage) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? resolve() : reject(e)));
      req.end();
    })));
    const again = await download(`/cases.csv?${query}`);
    assert.equal(parse(again.body, { bom: true }).length, 1503, 'a complete export right after');
    assert.equal((await get('/cases')).status, 200);
  });
});
