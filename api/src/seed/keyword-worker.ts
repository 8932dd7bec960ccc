/**
 * The second worker of a PostgreSQL bulk load: the cases' keyword index entries (case_search's COPY
 * lines), made while the first worker (seed-worker.ts) simulates the next cases. Cutting the texts into
 * tokens and writing them as tsvector literals was a third of that worker's time, and that worker is what
 * the load waits for; here it runs on the other core. It receives each batch's searchable texts straight
 * from the first worker (a MessagePort) and answers this thread, batch after batch, in their order.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { searchDocumentOf, type SearchParts } from './case-rows.js';
import { copyField, type CopyPiece } from './pg-copy-format.js';
import { ownUnit, tsvectorOfDocument } from '../search/postgres-keyword-index.js';
import { threadCpuMs } from './thread-cpu.js';

/** A batch's cases as the first worker sends them: ids from `firstId` on, in order. */
export interface KeywordRequest {
  firstId: number;
  parts: SearchParts[];
}

export type KeywordMessage = { piece: CopyPiece } | { done: true; cpuMs: number | null };

export const KEYWORD_COLUMNS = ['case_id', 'doc', 'unit_id'];

/** One batch's case_search rows as COPY text. */
export function keywordPiece({ firstId, parts }: KeywordRequest): CopyPiece {
  let text = '';
  for (let i = 0; i < parts.length; i++) text += `${firstId + i}\t${copyField(tsvectorOfDocument(searchDocumentOf(parts[i])))}\t${ownUnit(parts[i].unitPath)}\n`;
  return { table: 'case_search', columns: KEYWORD_COLUMNS, text };
}

if (parentPort && (workerData as { keywords?: MessagePort } | null)?.keywords) {
  const port = (workerData as { keywords: MessagePort }).keywords;
  port.on('message', (m: KeywordRequest | { done: true }) => {
    if ('done' in m) {
      // The port stays open: this thread ends when the load terminates it, never before its last answer is read.
      parentPort!.postMessage({ done: true, cpuMs: threadCpuMs() } satisfies KeywordMessage);
      return;
    }
    parentPort!.postMessage({ piece: keywordPiece(m) } satisfies KeywordMessage);
  });
}
