// One measured figure: autocannon against a running server, latencies taken from every response (autocannon's
// own histogram has no p95), statuses counted; any non-2xx or socket error fails the bench.
import autocannon from 'autocannon';

export function percentile(sorted, q) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(latencies) {
  const sorted = Float64Array.from(latencies).sort();
  return { samples: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.length ? sorted[sorted.length - 1] : null };
}

/** Of several runs of one figure, the run with the median rate, with every run's rate beside it. */
export function medianRound(runs) {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], rounds: runs.map((r) => r.rps) };
}

/**
 * `request`: {method, path, headers, body} or, to rotate, `paths` (cycled in order) / `setupRequest`
 * and `onResponse` as autocannon takes them. Resolves with {rps, p50, p95, samples, ...}.
 */
export function load(baseUrl, request, { connections = 1, duration = 5 } = {}) {
  const { paths, ...base } = request;
  let next = 0;
  const req = {
    method: 'GET',
    ...base,
    headers: { ...(request.body ? { 'Content-Type': 'application/json' } : {}), ...request.headers },
    ...(paths ? { setupRequest: (r) => ({ ...r, path: paths[next++ % paths.length] }) } : {}),
  };
  const latencies = [];
  const statuses = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url: baseUrl, connections, duration, requests: [req], timeout: 30 }, (err, result) => {
      if (err) return reject(err);
      const bad = Object.entries(statuses).filter(([s]) => s < 200 || s >= 300);
      const failed = bad.length > 0 || result.errors > 0 || result.timeouts > 0;
      resolve({
        ...summarize(latencies),
        rps: result.requests.total / (result.duration || duration),
        requests: result.requests.total,
        connections,
        duration: result.duration,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        failed: failed ? `non-2xx ${JSON.stringify(Object.fromEntries(bad))}, errors ${result.errors}, timeouts ${result.timeouts}` : null,
      });
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      latencies.push(ms);
    });
  });
}

/**
 * A read slower than the load's window (a year-long report on a slow machine): `n` requests one after another,
 * each timed to its end, in the shape `load` answers, so the table still prints its figure (over budget)
 * instead of the run stopping. Fails as `load` does on a status other than 2xx.
 */
export async function timedOneByOne(baseUrl, request, n = 3) {
  const latencies = [];
  const statuses = {};
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(baseUrl + (request.path ?? request.paths[0]), { method: request.method ?? 'GET', headers: request.headers, signal: AbortSignal.timeout(120_000) });
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  const bad = Object.entries(statuses).filter(([s]) => s < 200 || s >= 300);
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies), rps: n / seconds, requests: n, connections: 1, duration: seconds, statuses, errors: 0, timeouts: 0, failed: bad.length ? `non-2xx ${JSON.stringify(Object.fromEntries(bad))}` : null, oneByOne: true };
}
