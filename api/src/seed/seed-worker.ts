/**
 * The generator's worker: simulates the cases and formats their rows while the main thread writes the
 * previous batches, so the two cores each do half the work. At most AHEAD batches wait unwritten, which
 * keeps memory bounded; the main thread counts written batches in the shared `control` word.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { toRows, type RowBatch, type SearchForm, type TableSpec } from './case-rows.js';
import { caseBatches, type StreamOptions } from './case-stream.js';
import { MeasureBits } from './measure-bits.js';
import { CopyFormatter, MemoryNumbering, type CopyBatch, type NumberingStart } from './pg-copy-format.js';
import type { KeywordRequest } from './keyword-worker.js';
import type { Reference } from './reference.js';
import { threadCpuMs } from './thread-cpu.js';

export interface WorkerInput {
  reference: Omit<Reference, 'calendar'>;
  options: StreamOptions;
  tables: TableSpec[];
  /** The keyword index entries' form, or null when the database has no `case_search`. */
  search: SearchForm | null;
  /** Int32Array over it: [0] = batches written so far. */
  control: SharedArrayBuffer;
  /** A bulk load on PostgreSQL: where its numbering starts, so that batches are sent as COPY text (pg-copy-format.ts). */
  copy?: NumberingStart;
  /** With `copy`: the keyword worker's port (keyword-worker.ts), which makes the keyword entries instead of this one. */
  keywords?: MessagePort;
}

export type WorkerMessage = { rows: RowBatch | CopyBatch } | { done: true; cpuMs: number | null; waitMs: number };

export const AHEAD = 8;

const input = workerData as WorkerInput;
const written = new Int32Array(input.control);
const ref: Reference = { ...input.reference, calendar: new WorkCalendar(input.reference.corrections) };
const measureBits = new MeasureBits();
const copy = input.copy ? { formatter: new CopyFormatter(input.tables), numbering: new MemoryNumbering(input.copy) } : null;
const keywords = input.copy ? (input.keywords ?? null) : null;
let sent = 0;
let waitMs = 0;
for (const batch of caseBatches(ref, input.options)) {
  const formed = toRows(batch, input.tables, keywords ? null : input.search, measureBits);
  const numbered = copy?.numbering.reserve(formed.day, formed.count);
  if (keywords && numbered) {
    const parts = batch.sims.map(({ fields: f }) => ({ title: f.title, description: f.description, address: f.address, reporterName: f.reporterName, unitPath: f.unitPath }));
    keywords.postMessage({ firstId: numbered.ids[0], parts } satisfies KeywordRequest);
  }
  const rows = copy && numbered ? copy.formatter.format(formed, numbered.first, numbered.ids) : formed;
  for (let w = Atomics.load(written, 0); sent - w >= AHEAD; w = Atomics.load(written, 0)) {
    const t = performance.now();
    Atomics.wait(written, 0, w);
    waitMs += performance.now() - t;
  }
  parentPort!.postMessage({ rows } satisfies WorkerMessage);
  sent++;
}
measureBits.close();
keywords?.postMessage({ done: true });
parentPort!.postMessage({ done: true, cpuMs: threadCpuMs(), waitMs } satisfies WorkerMessage);
