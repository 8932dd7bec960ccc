import { describe, expect, it } from 'vitest';
import { badgeTotal, landingPath, orderBuckets, pickBucket, type TodoBucket } from './buckets';

const b = (key: string, count: number): TodoBucket => ({ key, count, filter: {} });

describe('to-do buckets', () => {
  it('orders every role the same way: act first, watch last, unknown keys at the end in server order', () => {
    const got = orderBuckets([b('overdue', 1), b('zeta', 0), b('to_reply', 2), b('alpha', 0), b('to_sign', 3), b('extension_pending', 1)]);
    expect(got.map((x) => x.key)).toEqual(['to_sign', 'to_reply', 'extension_pending', 'overdue', 'zeta', 'alpha']);
  });
  it('badge counts what waits on the user, not the overlapping or waiting-on-others buckets', () => {
    expect(badgeTotal([b('to_sign', 3), b('to_reply', 2), b('overdue', 4), b('extension_pending', 1)])).toBe(5);
    expect(badgeTotal([b('extensions', 2), b('returned', 1), b('overdue', 9), b('supervised', 3)])).toBe(3);
    expect(badgeTotal([])).toBe(0);
  });
  it('shows the bucket asked for, else the first with work, else the first', () => {
    const list = [b('to_sign', 0), b('to_reply', 2), b('overdue', 5)];
    expect(pickBucket(list, 'overdue')?.key).toBe('overdue');
    expect(pickBucket(list, 'nonsense')?.key).toBe('to_reply');
    expect(pickBucket(list)?.key).toBe('to_reply');
    expect(pickBucket([b('to_sign', 0), b('overdue', 3)])?.key).toBe('to_sign');
    expect(pickBucket([])).toBeUndefined();
  });
  it('sends the people who work cases to their to-do list after signing in', () => {
    expect(landingPath('handler')).toBe('/todo');
    expect(landingPath('grid_worker')).toBe('/todo');
    expect(landingPath('dispatcher')).toBe('/todo');
    expect(landingPath('supervisor')).toBe('/');
    expect(landingPath('admin')).toBe('/');
  });
});
