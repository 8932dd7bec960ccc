import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedGate, GateFull } from './bounded-gate.js';

/** A job that runs until released, noting when it starts. */
function held(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { job: async () => (log.push(name), await done, name), release };
}

describe('bounded gate (the limit on concurrent password hashes)', () => {
  it('runs at most `concurrency` jobs at once, the waiting ones in the order they came', async () => {
    const gate = new BoundedGate(2, 5);
    const log: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => held(log, n));
    const runs = [a, b, c, d].map((h) => gate.run(h.job));
    await Promise.resolve();
    assert.deepEqual(log, ['a', 'b'], 'two run, two wait');
    b.release();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(log, ['a', 'b', 'c'], 'the first waiting takes the freed place');
    a.release();
    c.release();
    d.release();
    assert.deepEqual(await Promise.all(runs), ['a', 'b', 'c', 'd']);
  });

  it('refuses at once beyond the queue, and takes jobs again once it drains', async () => {
    const gate = new BoundedGate(1, 1);
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => held(log, n));
    const first = gate.run(a.job);
    const second = gate.run(b.job);
    await assert.rejects(gate.run(async () => 'c'), GateFull);
    a.release();
    b.release();
    await Promise.all([first, second]);
    assert.equal(await gate.run(async () => 'd'), 'd');
  });

  it('frees its place when a job fails', async () => {
    const gate = new BoundedGate(1, 0);
    await assert.rejects(gate.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await gate.run(async () => 'next'), 'next');
  });
});
