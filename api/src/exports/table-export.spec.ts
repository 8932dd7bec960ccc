import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeTable, type ExportColumn, type ExportRow, type WriteTableOptions } from './table-export.js';

const COLUMNS: ExportColumn[] = [
  { key: 'name', header: '名称' },
  { key: 'at', header: '受理时间', type: 'datetime' },
  { key: 'n', header: '件数', type: 'number' },
  { key: 'rate', header: '满意率', type: 'percent' },
  { key: 'ok', header: '是否解决' },
  { key: 'tags', header: '重点人群' },
];

const ROWS: ExportRow[] = [
  { name: '黄河路社区', at: new Date('2026-11-23T01:30:00Z'), n: 12, rate: 0.8534, ok: true, tags: ['独居老人', '低保户'] },
  { name: '含,逗号 "引号"\n换行', at: '2026-06-30T16:05:00.000Z', n: 0, rate: null, ok: false, tags: [] },
  { name: '=HYPERLINK("http://x")', at: null, n: null, rate: 1, ok: null, tags: null },
];

/** A real HTTP server whose one route streams whatever table the test gives it. */
let server: Server;
let table: { format: 'xlsx' | 'csv'; rows: AsyncIterable<ExportRow> | Iterable<ExportRow>; options?: Partial<WriteTableOptions> };
let failure: unknown;
before(async () => {
  server = createServer((_req, res) => {
    writeTable(res, table.format, '诉求工单-2026-11-23', COLUMNS, table.rows, { timeZone: 'Asia/Shanghai', ...table.options }).catch((e: Error) => {
      failure = e;
      // What the exception filter does: answer with JSON while nothing has been sent yet.
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: e.message }));
    });
  });
  server.listen(0);
  await once(server, 'listening');
});
after(() => server.close());

const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
async function download(): Promise<{ res: IncomingMessage; body: Buffer }> {
  const res = await new Promise<IncomingMessage>((resolve) => get(url(), resolve));
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c);
  return { res, body: Buffer.concat(chunks) };
}

describe('writeTable', () => {
  it('writes xlsx: Chinese header in bold, frozen, widths, times in the zone, numbers and rates as numbers', async () => {
    table = { format: 'xlsx', rows: ROWS };
    const { res, body } = await download();
    assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(res.headers['content-disposition'], `attachment; filename="export-2026-11-23.xlsx"; filename*=UTF-8''${encodeURIComponent('诉求工单-2026-11-23.xlsx')}`);
    assert.equal(res.headers['cache-control'], 'no-store');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.equal(sheet.name, '诉求工单');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), COLUMNS.map((c) => c.header));
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
    assert.equal(sheet.views[0].state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    assert.ok((sheet.getColumn(2).width ?? 0) >= 16, 'a time fits its column');
    const first = sheet.getRow(2);
    assert.equal(first.getCell(1).value, '黄河路社区');
    assert.equal((first.getCell(2).value as Date).toISOString(), '2026-11-23T09:30:00.000Z', 'the wall clock of Asia/Shanghai');
    assert.equal(first.getCell(2).numFmt, 'yyyy-mm-dd hh:mm');
    assert.equal(first.getCell(3).value, 12);
    assert.equal(first.getCell(4).value, 0.853, 'a rate to 0.1 %, still a number');
    assert.equal(first.getCell(4).numFmt, '0.0%');
    assert.equal(first.getCell(5).value, '是');
    assert.equal(first.getCell(6).value, '独居老人、低保户');
    assert.equal(sheet.getRow(3).getCell(1).value, '含,逗号 "引号"\n换行');
    assert.equal((sheet.getRow(3).getCell(2).value as Date).toISOString(), '2026-07-01T00:05:00.000Z');
    assert.equal(sheet.getRow(3).getCell(5).value, '否');
    assert.equal(sheet.getRow(4).getCell(1).value, '=HYPERLINK("http://x")', 'text, not a formula');
    assert.equal(sheet.getRow(4).getCell(2).value, null);
    assert.equal(sheet.actualRowCount, 4);
  });

  it('writes csv: UTF-8 BOM, CRLF, RFC 4180 quoting, the same words; text that Excel would run is defused', async () => {
    table = { format: 'csv', rows: ROWS };
    const { res, body } = await download();
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(res.headers['content-disposition']), /filename="export-2026-11-23\.csv"/);
    assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(body.toString('utf8').includes('\r\n'));
    const records: string[][] = parse(body, { bom: true });
    assert.deepEqual(records, [
      COLUMNS.map((c) => c.header),
      ['黄河路社区', '2026-11-23 09:30', '12', '85.3%', '是', '独居老人、低保户'],
      ['含,逗号 "引号"\n换行', '2026-07-01 00:05', '0', '', '否', ''],
      [`'=HYPERLINK("http://x")`, '', '', '100.0%', '', ''],
    ]);
  });

  it('continues a long table on a second sheet, header and all', async () => {
    table = { format: 'xlsx', rows: Array.from({ length: 5 }, (_, i) => ({ name: `第${i + 1}行`, n: i + 1 })), options: { maxRowsPerSheet: 3 } };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download()).body as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['诉求工单', '诉求工单 (2)']);
    assert.deepEqual(book.worksheets.map((s) => s.getColumn(3).values.slice(1)), [['件数', 1, 2, 3], ['件数', 4, 5]]);
    assert.equal(book.worksheets[1].views[0].state, 'frozen');
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`${format}: reads only as fast as the client takes the file, and stops reading when the client leaves`, async () => {
      let produced = 0;
      let closed = false;
      // Endless rows that do not compress away: without back-pressure this would run until memory runs out.
      async function* endless() {
        try {
          for (;;) yield { name: `第${++produced}行 ${randomBytes(24).toString('base64')}`, n: produced, at: new Date() };
        } finally {
          closed = true;
        }
      }
      table = { format, rows: endless() };
      failure = undefined;
      const res = await new Promise<IncomingMessage>((resolve) => get(url(), resolve));
      res.pause();
      // The rows on their way fill the buffers (the kernel's take a few MB), then the producer must wait.
      let seen = -1;
      for (let i = 0; i < 50 && produced !== seen; i++) {
        seen = produced;
        await sleep(250);
      }
      assert.equal(produced, seen, `a paused client holds the producer (${produced} rows read)`);
      assert.ok(produced < 500_000, `bounded by the buffers on the way (${produced} rows)`);
      res.destroy();
      for (let i = 0; i < 50 && !closed; i++) await sleep(20);
      assert.equal(closed, true, 'the rows iterator was closed');
      const after = produced;
      await sleep(100);
      assert.equal(produced, after, 'nothing more is read');
      assert.equal(failure, undefined, 'a client leaving is not an error');
    });
  }

  it('answers HEAD with the headers alone and reads no further than the first row', async () => {
    let produced = 0;
    table = { format: 'csv', rows: (function* () { for (;;) yield { n: ++produced }; })() };
    const res = await new Promise<IncomingMessage>((resolve) => get(url(), { method: 'HEAD' }, resolve));
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /^attachment; /);
    await sleep(50);
    assert.equal(produced, 1);
  });

  it('an error before the first row leaves the response to the caller, who can still answer with JSON', async () => {
    async function* broken(): AsyncGenerator<ExportRow> {
      throw new Error('filter.status must be one of …');
    }
    table = { format: 'xlsx', rows: broken() };
    const { res, body } = await download();
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['content-disposition'], undefined);
    assert.deepEqual(JSON.parse(body.toString()), { message: 'filter.status must be one of …' });
  });
});
