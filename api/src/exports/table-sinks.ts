import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { csvCell, NUMBER_FORMAT, xlsxCell, type ColumnType } from './cell-values.js';

export interface SinkColumn {
  key: string;
  header: string;
  width: number;
  type: ColumnType;
}

export interface SinkOptions {
  timeZone: string;
  sheetName: string;
  maxRowsPerSheet: number;
}

/** One file format: rows in, bytes out to the response, with back-pressure. */
export interface TableSink {
  /** Writes one row; false when the caller should wait for `room()` before the next. */
  write(row: Record<string, unknown>): boolean;
  room(signal: AbortSignal): Promise<void>;
  /** Completes the file and waits until the response has been handed to the network. */
  end(): Promise<void>;
  /** The client left: drop what is buffered. */
  abort(): void;
}

/** CSV as Excel opens Chinese text correctly: UTF-8 with a BOM, CRLF, RFC 4180 quoting by csv-stringify. */
export class CsvSink implements TableSink {
  private readonly out = stringify({ bom: true, record_delimiter: 'windows' });
  private ready: boolean;

  constructor(
    private readonly res: Writable,
    private readonly columns: SinkColumn[],
    private readonly opts: SinkOptions,
  ) {
    this.out.pipe(res);
    this.ready = this.out.write(columns.map((c) => c.header));
  }

  write(row: Record<string, unknown>) {
    this.ready = this.out.write(this.columns.map((c) => csvCell(row[c.key], c.type, this.opts.timeZone)));
    return this.ready;
  }

  async room(signal: AbortSignal) {
    if (!this.ready) await once(this.out, 'drain', { signal });
    this.ready = true;
  }

  async end() {
    this.out.end();
    await finished(this.res);
  }

  abort() {
    this.out.unpipe(this.res);
    this.out.destroy();
  }
}

/**
 * xlsx through exceljs's streaming writer: each row is committed (turned into XML and let go) as it is
 * written, so memory stays flat however many rows there are.
 */
export class XlsxSink implements TableSink {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet!: ExcelJS.Worksheet;
  private sheets = 0;
  private rowsInSheet = 0;

  constructor(
    private readonly res: Writable,
    private readonly columns: SinkColumn[],
    private readonly opts: SinkOptions,
  ) {
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
    this.book.creator = '有诉必应';
    this.startSheet();
  }

  /** A sheet holds at most 1,048,576 rows: a longer table continues on `诉求工单 (2)`, header and all. */
  private startSheet() {
    this.sheet?.commit();
    this.sheets += 1;
    const name = this.sheets === 1 ? this.opts.sheetName : `${this.opts.sheetName} (${this.sheets})`;
    this.sheet = this.book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    this.sheet.columns = this.columns.map((c) => ({ key: c.key, width: c.width, style: NUMBER_FORMAT[c.type] ? { numFmt: NUMBER_FORMAT[c.type] } : {} }));
    const header = this.sheet.addRow(this.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    this.rowsInSheet = 0;
  }

  write(row: Record<string, unknown>) {
    if (this.rowsInSheet >= this.opts.maxRowsPerSheet) this.startSheet();
    const values = this.columns.map((c) => {
      const v = xlsxCell(row[c.key], c.type, this.opts.timeZone);
      return v === null || v === '' ? undefined : v; // no cell at all for an empty value
    });
    this.sheet.addRow(values).commit();
    this.rowsInSheet += 1;
    return this.backedUp().length === 0;
  }

  /**
   * Streams that hold more than they should. exceljs hands each sheet's XML to the zip without waiting
   * (its buffer "never" says no), so besides the response we watch the zip's input for that sheet: a
   * `readable-stream` PassThrough, which keeps the flag in its state rather than in `writableNeedDrain`.
   */
  private backedUp(): Writable[] {
    const sheetStream = (this.sheet as unknown as { _stream?: { pipes?: Writable[] } })._stream;
    const needsDrain = (s: Writable | undefined) => !!s && (s.writableNeedDrain ?? (s as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain);
    return [sheetStream?.pipes?.[0], this.res].filter((s): s is Writable => needsDrain(s));
  }

  async room(signal: AbortSignal) {
    for (let full = this.backedUp()[0]; full; full = this.backedUp()[0]) await once(full, 'drain', { signal });
  }

  async end() {
    this.sheet.commit();
    await this.book.commit();
  }

  abort() {
    (this.book as unknown as { zip?: { abort?: () => void } }).zip?.abort?.();
  }
}
