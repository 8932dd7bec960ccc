import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A flood of deeply nested JSON, no login needed, must not starve other clients: each such body is refused by
 * a single pass over its characters, before anything parses or walks it. Measured before the depth bound: four
 * connections sending 100,000 levels (195 KB) each held `/api/health` at 1.9 s (p95), a request of theirs cost
 * 380 ms of the event loop. Judged against a baseline in the same run (this machine is shared and noisy): the
 * same four connections sending bodies of the same size, but flat, which the server also refuses.
 */
const FLOOD_MS = 2500;

describe('A deep-JSON flood does not slow other clients', () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  after(async () => t?.close());

  /** /api/health's p95 while four connections post `body` to the login route, and what they were answered. */
  async function healthUnder(body: string) {
    const until = Date.now() + FLOOD_MS;
    const statuses = new Map<number, number>();
    const flood = async () => {
      while (Date.now() < until) {
        const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    const latencies: number[] = [];
    const probe = async () => {
      while (Date.now() < until) {
        const start = performance.now();
        const res = await fetch(`${base}/api/health`);
        await res.arrayBuffer();
        latencies.push(performance.now() - start);
        assert.equal(res.status, 200);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    await Promise.all([flood(), flood(), flood(), flood(), probe()]);
    latencies.sort((a, b) => a - b);
    return { p95: latencies[Math.floor(latencies.length * 0.95)], statuses };
  }

  it('keeps /api/health as quick under four connections of 100,000-level bodies as under flat bodies of that size', async () => {
    const levels = 100_000;
    const deep = `{"username":${'['.repeat(levels)}1${']'.repeat(levels)},"password":"x"}`;
    const flat = `{"username":"${'x'.repeat(2 * levels + 1)}","password":"x"}`;
    const baseline = await healthUnder(flat);
    const flood = await healthUnder(deep);
    assert.deepEqual([...flood.statuses.keys()], [400], `every deep body refused as bad input: ${JSON.stringify([...flood.statuses])}`);
    const answered = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    assert.ok(answered(flood.statuses) * 3 >= answered(baseline.statuses), `deep bodies answered about as fast as flat ones: ${answered(flood.statuses)} against ${answered(baseline.statuses)}`);
    assert.ok(flood.p95 <= 3 * baseline.p95 + 50, `health p95 ${flood.p95.toFixed(0)} ms under the deep flood, ${baseline.p95.toFixed(0)} ms under the flat one`);
  });
});
