import { createHmac } from 'node:crypto';
import { ACTIONS } from '../workflow/transitions.js';

/** Every timeline action a webhook may hear: the workflow's, intake's and the system's own. */
export const WEBHOOK_EVENTS = ['create', ...ACTIONS, 'attach', 'edit', 'overdue', 'merged_in', 'set_visibility'] as const;

export interface TimelineRow {
  id: number;
  caseId: number;
  action: string;
  toStatus: string;
  data: Record<string, unknown> | null;
  createdAt: Date;
  number: string;
}

/** Data a receiver may have: never a resident's name, phone or address (an edit says which fields changed, not to what). */
function safeData(action: string, data: Record<string, unknown> | null): Record<string, unknown> {
  if (!data) return {};
  if (action === 'edit') return { changed: Object.keys((data.changes as object | undefined) ?? {}) };
  const { reporterName: _n, reporterPhone: _p, address: _a, ...rest } = data;
  return rest;
}

/** The body CONTRACT.md promises: `{id, event, caseId, number, status, at, data}`; `id` is the timeline event's (receivers dedupe by it). */
export function webhookBody(e: TimelineRow): string {
  return JSON.stringify({ id: e.id, event: e.action, caseId: e.caseId, number: e.number, status: e.toStatus, at: e.createdAt.toISOString(), data: safeData(e.action, e.data) });
}

/** The headers that let a receiver check the body came from us and is fresh: HMAC-SHA256 of `timestamp.body`. */
export function webhookHeaders(event: string, body: string, secret: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-tracker-event': event, 'x-tracker-timestamp': timestamp, 'x-tracker-signature': `sha256=${signature}` };
}

/** When a delivery that failed `attempts` times is tried again: `firstMs` (10 s), twice that, … at most an hour apart. */
export const retryDelayMs = (attempts: number, firstMs: number) => Math.min(firstMs * 2 ** Math.min(20, Math.max(0, attempts - 1)), 3_600_000);

/** After this many attempts (about three days at the hourly ceiling) a delivery is given up: `failed`, retried by hand. */
export const MAX_ATTEMPTS = 80;
