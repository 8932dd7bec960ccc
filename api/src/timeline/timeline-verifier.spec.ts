import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chainEvents, storedJson } from './event-chain.js';
import { checkChain } from './timeline-verifier.js';

const at = (min: number) => new Date(Date.UTC(2026, 10, 1, 8, min));

/** Three events of case 7 as the database returns them (SQLite's text forms), with the chain's anchor. */
function chained() {
  const base = [
    { action: 'create', fromStatus: null, toStatus: 'received', actorId: 3, note: null, data: { number: '20261101001' }, createdAt: at(0) },
    { action: 'dispatch', fromStatus: 'received', toStatus: 'dispatched', actorId: 3, note: '请尽快处理', data: { departmentId: 2 }, createdAt: at(5) },
    { action: 'accept', fromStatus: 'dispatched', toStatus: 'accepted', actorId: 9, note: null, data: null, createdAt: at(9) },
  ];
  const chain = chainEvents(7, '', 0, base);
  const rows = chain.rows.map((e, i) => ({
    id: 100 + i * 10,
    case_id: 7,
    action: e.action!,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus!,
    actor_id: e.actorId ?? null,
    note: e.note ?? null,
    data: storedJson(e.data),
    created_at: e.createdAt!.toISOString().replace('T', ' ').slice(0, 23),
    seq: e.seq,
    hash: e.hash,
  }));
  return { rows, anchor: { head: chain.head, length: chain.length } };
}

describe('checkChain: what a case timeline’s hash chain tells', () => {
  it('an untouched chain, read back from either engine (times as text or as Date), has nothing to say', () => {
    const { rows, anchor } = chained();
    assert.deepEqual(checkChain(7, rows, anchor), []);
    assert.deepEqual(checkChain(7, rows.map((r) => ({ ...r, created_at: new Date(`${r.created_at.replace(' ', 'T')}Z`) })), anchor), []);
  });

  it('names an edited note, a changed actor, a moved time, and an event moved to another case', () => {
    const { rows, anchor } = chained();
    assert.deepEqual(checkChain(7, rows.map((r, i) => (i === 1 ? { ...r, note: '已处理' } : r)), anchor), [{ caseId: 7, eventId: 110, kind: 'edited' }]);
    assert.deepEqual(checkChain(7, rows.map((r, i) => (i === 0 ? { ...r, actor_id: 4 } : r)), anchor), [{ caseId: 7, eventId: 100, kind: 'edited' }]);
    assert.deepEqual(checkChain(7, rows.map((r, i) => (i === 2 ? { ...r, created_at: '2026-11-01 08:10:00.000' } : r)), anchor), [{ caseId: 7, eventId: 120, kind: 'edited' }]);
    assert.deepEqual(checkChain(8, [], undefined), []);
  });

  it('names a gap before the event after it, and the chain’s lost end by count', () => {
    const { rows, anchor } = chained();
    assert.deepEqual(checkChain(7, [rows[0], rows[2]], anchor), [{ caseId: 7, eventId: 120, kind: 'removed', count: 1 }]);
    assert.deepEqual(checkChain(7, rows.slice(0, 1), anchor), [{ caseId: 7, eventId: null, kind: 'removed', count: 2 }]);
  });

  it('names an inserted event: without a hash, a copy of a place already taken, or past the recorded head', () => {
    const { rows, anchor } = chained();
    const plain = { ...rows[2], id: 130, seq: null, hash: null };
    assert.deepEqual(checkChain(7, [...rows, plain], anchor), [{ caseId: 7, eventId: 130, kind: 'inserted' }]);
    assert.deepEqual(checkChain(7, [...rows, { ...rows[1], id: 140 }], anchor), [{ caseId: 7, eventId: 140, kind: 'inserted' }]);
    const longer = chainEvents(7, anchor.head, 3, [{ action: 'comment', fromStatus: 'accepted', toStatus: 'accepted', actorId: 1, note: '补', data: null, createdAt: at(20) }]).rows[0];
    const forged = { ...rows[2], id: 150, action: 'comment', from_status: 'accepted', note: '补', actor_id: 1, data: null, created_at: '2026-11-01 08:20:00.000', seq: 4, hash: longer.hash };
    assert.deepEqual(checkChain(7, [...rows, forged], anchor), [{ caseId: 7, eventId: 150, kind: 'inserted' }]);
  });

  it('an edit whose hash was recomputed still ends the chain away from its recorded head; a missing head is named', () => {
    const { rows, anchor } = chained();
    const first = { action: 'create', fromStatus: null, toStatus: 'received', actorId: 3, note: '改', data: { number: '20261101001' }, createdAt: at(0) };
    const rehashed = chainEvents(7, '', 0, [first]).head;
    assert.deepEqual(checkChain(7, [{ ...rows[0], note: '改', hash: rehashed }], { head: rows[0].hash, length: 1 }), [{ caseId: 7, eventId: 100, kind: 'edited' }]);
    assert.deepEqual(checkChain(7, rows, undefined), [{ caseId: 7, eventId: 120, kind: 'anchor' }]);
  });
});
