import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { buildWorld, doAction, logCase, type World } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('report exports: every report as .xlsx and .csv, the same figures as on screen', () => {
  let t: TestApp;
  let w: World;
  const get = (path: string) => t.http.get(`/api${path}`).set('Authorization', `Bearer ${w.users.supervisor.token}`);
  const download = (path: string) =>
    get(path).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const xlsxRows = async (body: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { sheet, rows };
  };

  before(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const d = w.users.dispatcher.token;
    for (let i = 0; i < 3; i++) await doAction(t, d, await logCase(t, w, d, { title: `当场办结 ${i}` }), 'close_directly', { result: '已解决' });
    await doAction(t, d, await logCase(t, w, d, { gridUnitId: w.units.grid2 }), 'dispatch', { departmentId: w.departments.property });
  });
  after(() => t.close());

  it('rates: one row per group and the total, rates as fractions shown as percentages', async () => {
    const json = (await get('/reports/rates?groupBy=grid')).body;
    const x = await download('/reports/rates.xlsx?groupBy=grid');
    assert.equal(x.status, 200);
    assert.match(x.headers['content-disposition'], /filename\*=UTF-8''%E4%B8%89%E7%8E%87/); // 三率…
    const { sheet, rows } = await xlsxRows(x.body);
    assert.equal(rows[0][0], '网格');
    assert.equal(rows[0][4], '响应率');
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal(rows.length, 1 + json.rows.length + 1);
    json.rows.forEach((r: { cases: number; responseRate: number | null }, i: number) => {
      assert.equal(rows[i + 1][1], r.cases);
      assert.equal(rows[i + 1][4] ?? null, r.responseRate);
    });
    assert.deepEqual([rows.at(-1)![0], rows.at(-1)![1]], ['合计', json.total.cases]);
    assert.equal(sheet.getRow(2).getCell(5).numFmt?.includes('%'), true, 'rates are formatted as percentages');

    const c = await download('/reports/rates.csv?groupBy=grid');
    const text = (c.body as Buffer).toString('utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a BOM so Excel reads the Chinese');
    const parsed = parse(text.slice(1)) as string[][];
    assert.equal(parsed.length, rows.length);
    assert.equal(parsed.at(-1)![0], '合计');
    assert.equal(Number(parsed.at(-1)![1]), json.total.cases);
  });

  it('closure times, intake, hot spots and the daily report export the figures they show', async () => {
    const closure = (await get('/reports/closure-times')).body;
    const { rows } = await xlsxRows((await download('/reports/closure-times.xlsx')).body);
    assert.deepEqual([rows.at(-1)![0], rows.at(-1)![1]], ['合计', closure.total.closed]);

    const intake = (await get('/reports/intake')).body;
    const intakeCsv = parse((await download('/reports/intake.csv')).body.toString('utf8').slice(1)) as string[][];
    assert.deepEqual(intakeCsv.slice(1).map((r) => [r[0], Number(r[1])]), [...intake.byChannel.map((c: { name: string; count: number }) => [c.name, c.count]), ['合计', intake.total]]);

    const daily = (await get('/reports/daily')).body;
    const dailyRows = (await xlsxRows((await download('/reports/daily.xlsx')).body)).rows;
    assert.deepEqual(dailyRows[1], ['12345热线来电', String(daily.calls)]);
    assert.deepEqual(dailyRows.at(-1), ['日报全文', daily.text]);

    const spots = await download('/reports/hotspots.csv');
    assert.equal(spots.status, 200);
    assert.equal((parse(spots.body.toString('utf8').slice(1)) as string[][])[0][0], '网格');
  });

  it('the same parameters are checked: a bad one is a 400 before any file; an unknown report or format is a 404', async () => {
    const bad = await get('/reports/rates.xlsx?groupBy=planet');
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.groupBy);
    assert.equal((await get('/reports/planets.xlsx')).status, 404);
    assert.equal((await get('/reports/rates.pdf')).status, 404);
  });
});
