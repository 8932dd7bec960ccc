import { eventHash } from '../timeline/event-chain.js';

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
