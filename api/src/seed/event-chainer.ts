import { eventHash } from '../timeline/event-chain.js';
import type { RowBatch } from './case-rows.js';

/**
 * Hashes the generator's event rows as the bulk writer stores them (values already in SQLite's forms: data
 * as JSON text, times as `YYYY-MM-DD HH:MM:SS.SSS`, which is what the chain hashes), a case's rows one after
 * the other, and collects each case's head for `case_chains`.
 */
export class EventChainer {
  /** case id, head, length; case after case. */
  readonly heads: unknown[] = [];
  private readonly at: Record<'caseId' | 'action' | 'fromStatus' | 'toStatus' | 'actorId' | 'note' | 'data' | 'createdAt' | 'seq' | 'hash', number>;
  private caseId = -1;
  private prev = '';
  private seq = 0;

  constructor(properties: string[]) {
    const at = (p: string) => properties.indexOf(p);
    this.at = { caseId: at('caseId'), action: at('action'), fromStatus: at('fromStatus'), toStatus: at('toStatus'), actorId: at('actorId'), note: at('note'), data: at('data'), createdAt: at('createdAt'), seq: at('seq'), hash: at('hash') };
  }

  /** The row at offset `o` of `v`, of case `caseId`: sets its seq and hash. */
  add(v: unknown[], o: number, caseId: number) {
    if (caseId !== this.caseId) {
      this.caseId = caseId;
      this.prev = '';
      this.seq = 0;
      this.heads.push(caseId, '', 0);
    }
    const a = this.at;
    const get = (i: number) => (i < 0 ? null : (v[o + i] ?? null)) as never;
    const seq = ++this.seq;
    this.prev = eventHash(this.prev, { caseId, seq, action: get(a.action), fromStatus: get(a.fromStatus), toStatus: get(a.toStatus), actorId: get(a.actorId), note: get(a.note), data: get(a.data), createdAt: get(a.createdAt) });
    v[o + a.seq] = seq;
    v[o + a.hash] = this.prev;
    this.heads[this.heads.length - 2] = this.prev;
    this.heads[this.heads.length - 1] = seq;
  }
}

/** A `create` event's data as the simulation leaves it: the case's number is the writer's to fill in. */
const CREATE_DATA = '{"number":""';

/**
 * Fills a batch's rows of one table (events, …) with what only the writer knows, in place: each row's case
 * id, the case's number in its `create` event, the parent's id in a `merge` event; and, when the table has
 * hashes, chains each case's events (a case's events are consecutive rows, in timeline order). Answers the
 * chainer, whose `heads` go to `case_chains`, or null.
 */
export function fillCaseRows(t: RowBatch['tables'][number], ids: number[], numbers: string[], idOfParent: (i: number) => number): EventChainer | null {
  const w = t.columns.length;
  const caseAt = t.properties.indexOf('caseId');
  const actionAt = t.properties.indexOf('action');
  const dataAt = t.properties.indexOf('data');
  const chained = t.properties.includes('hash') ? new EventChainer(t.properties) : null;
  const v = t.values;
  for (let r = 0, o = 0; r < t.cases.length; r++, o += w) {
    const i = t.cases[r];
    v[o + caseAt] = ids[i];
    if (actionAt < 0 || dataAt < 0) continue;
    if (v[o + actionAt] === 'create') v[o + dataAt] = `{"number":${JSON.stringify(numbers[i])}${(v[o + dataAt] as string).slice(CREATE_DATA.length)}`;
    else if (v[o + actionAt] === 'merge') v[o + dataAt] = JSON.stringify({ ...(JSON.parse(v[o + dataAt] as string) as object), parentCaseId: idOfParent(i) });
    chained?.add(v, o, ids[i]);
  }
  return chained;
}
