import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../common/errors.js';
import { dateWindow, paging, requestIds, statuses } from './open311-query.js';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
const refused = (fn: () => unknown, field: string) => assert.throws(fn, (e) => e instanceof AppError && Object.keys(e.errors ?? {}).includes(field));

describe('Open311 list parameters', () => {
  it('windows: the last 90 days by default, 90 days from one date alone, never more than 90 days, start first', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    assert.deepEqual(dateWindow({}, TZ, now), { start: new Date(now.getTime() - 90 * DAY), end: now });
    const fromStart = dateWindow({ start_date: '2026-10-01' }, TZ, now);
    assert.equal(fromStart.start.toISOString(), '2026-09-30T16:00:00.000Z', 'a date is its start in TIME_ZONE');
    assert.equal(fromStart.end.getTime() - fromStart.start.getTime(), 90 * DAY);
    assert.equal(dateWindow({ end_date: '2026-10-01T00:00:00Z' }, TZ, now).start.toISOString(), '2026-07-03T00:00:00.000Z');
    assert.ok(dateWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }, TZ, now), 'exactly 90 days');
    refused(() => dateWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' }, TZ, now), 'end_date');
    refused(() => dateWindow({ start_date: '2026-02-01', end_date: '2026-01-01' }, TZ, now), 'end_date');
    refused(() => dateWindow({ start_date: 'yesterday' }, TZ, now), 'start_date');
    refused(() => dateWindow({ start_date: { x: '1' } }, TZ, now), 'start_date');
  });

  it('pages from 1, 100 a page unless asked, at most 1000', () => {
    assert.deepEqual(paging({}), { limit: 100, offset: 0 });
    assert.deepEqual(paging({ page: '3', page_size: '20' }), { limit: 20, offset: 40 });
    for (const bad of [{ page: '0' }, { page_size: '1001' }, { page_size: '-5' }, { page: '1.5' }]) refused(() => paging(bad), Object.keys(bad)[0]);
  });

  it('reads statuses and id lists, comma-separated or repeated', () => {
    assert.deepEqual(statuses('closed'), ['closed', 'merged', 'rejected']);
    assert.deepEqual(statuses(['open', 'closed'])?.length, 8);
    refused(() => statuses('pending'), 'status');
    assert.deepEqual(requestIds('20261015-0001, 20261015-0002,,20261015-0001'), ['20261015-0001', '20261015-0002']);
    assert.deepEqual(requestIds(['a', 'b']), ['a', 'b']);
    refused(() => requestIds(Array.from({ length: 101 }, (_, i) => String(i)).join(',')), 'service_request_id');
  });
});
