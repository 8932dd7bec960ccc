import type { ServerResponse } from 'node:http';
import { defaultWidth, type ColumnType } from './cell-values.js';
import { setDownloadHeaders, type ExportFormat } from './download-headers.js';
import { CsvSink, XlsxSink, type SinkColumn, type TableSink } from './table-sinks.js';

export type { ExportFormat } from './download-headers.js';

/** One column of an exported table: the row's key, its Chinese header, and how its values are shown. */
export interface ExportColumn {
  key: string;
  header: string;
  /** In Excel's character units; a width fitting the header and the type when omitted. */
  width?: number;
  /** `text` (default; booleans as 是/否, lists joined by 、), `number`, `percent` (a fraction 0..1), `datetime`. */
  type?: ColumnType;
}

export type ExportRow = Record<string, unknown>;

export interface WriteTableOptions {
  /** The deployment's TIME_ZONE (config `timeZone`): times are written as its wall clock reads them. */
  timeZone: string;
  /** The file name for clients that cannot read the Chinese one, without extension (`cases-2026-11-23`). */
  asciiName?: string;
  /** The worksheet's name; the Chinese file name up to its first `-` when omitted. */
  sheetName?: string;
  /** Rows per worksheet before the table continues on the next one; Excel's limit less the header by default. */
  maxRowsPerSheet?: number;
}

const EXCEL_MAX_ROWS = 1_048_576;
/** While the network takes everything at once, still let the process's other requests in this often. */
const YIELD_EVERY_MS = 20;

function iterate<T>(rows: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in rows) return rows[Symbol.asyncIterator]();
  const it = rows[Symbol.iterator]();
  return { next: async () => it.next(), return: async () => it.return?.() ?? { done: true, value: undefined } };
}

/** Aborts when the client goes away before the file is complete. */
function whenClientLeaves(res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone.signal;
}

/** Where a download goes: the route's Fastify reply (`@Res()`), or a bare node:http response. */
export type DownloadTarget = ServerResponse | { raw: ServerResponse; hijack(): unknown; getHeaders(): Record<string, unknown> };

/**
 * Writes a table as an `.xlsx` or `.csv` download, streaming: rows are pulled from `rows` only as fast as
 * the client takes the file, and pulling stops (the iterator is returned, so a database cursor closes) when
 * the client goes away.
 *
 * The first row is read before anything is sent, so an error from the query still reaches the client as
 * JSON with its status; a failure later cuts the download short (the client sees an incomplete transfer,
 * never a complete-looking truncated file).
 *
 * `target` is the route's reply (taken over from Fastify once the first row is in hand, its headers, CORS's
 * among them, carried over) or any node:http response; `rows` any (async) iterable, an array included.
 * `fileName` is the Chinese name without extension (`诉求工单-2026-11-23`).
 */
export async function writeTable(
  target: DownloadTarget,
  format: ExportFormat,
  fileName: string,
  columns: ExportColumn[],
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  options: WriteTableOptions,
): Promise<void> {
  const res = 'raw' in target ? target.raw : target;
  const gone = whenClientLeaves(res);
  const it = iterate(rows);
  let next = await it.next();
  if ('raw' in target) {
    for (const [name, value] of Object.entries(target.getHeaders())) if (value !== undefined) res.setHeader(name, value as string | string[]);
    target.hijack();
  }
  setDownloadHeaders(res, format, fileName, options.asciiName);

  const cols: SinkColumn[] = columns.map((c) => ({ key: c.key, header: c.header, type: c.type ?? 'text', width: c.width ?? defaultWidth(c.type ?? 'text', c.header) }));
  const opts = {
    timeZone: options.timeZone,
    sheetName: (options.sheetName ?? fileName.split('-')[0]).replace(/[*?:\\/[\]]/g, ' ').trim().slice(0, 31) || 'Sheet1',
    maxRowsPerSheet: Math.min(options.maxRowsPerSheet ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1),
  };
  let sink: TableSink | undefined;
  try {
    if (gone.aborted) return; // the client left while the first rows were on their way
    if (res.req?.method === 'HEAD') return void res.end(); // the headers are the whole answer: read no further
    sink = format === 'xlsx' ? new XlsxSink(res, cols, opts) : new CsvSink(res, cols, opts);
    let turn = Date.now();
    while (!next.done && !gone.aborted) {
      const full = !sink.write(next.value);
      if (full || Date.now() - turn > YIELD_EVERY_MS) {
        await (full ? sink.room(gone) : new Promise((resolve) => setImmediate(resolve)));
        turn = Date.now();
      }
      if (!gone.aborted) next = await it.next();
    }
    if (gone.aborted) return sink.abort();
    await sink.end();
  } catch (err) {
    if (gone.aborted) return sink?.abort(); // the client left while we waited: nothing to report
    res.destroy(err as Error);
    throw err; // logged by the exception filter; the response is already gone
  } finally {
    if (!next.done) await it.return?.().catch(() => undefined);
  }
}
