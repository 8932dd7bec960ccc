// The case lists' figures: a seeded random sample of every list the console can send (list-combinations.mjs),
// each measured through HTTP as react-admin asks for it, summed up as the median and the worst of the sample,
// the worst named and replayed as SQL.
import { comboName, listCombinations, seededSample } from './list-combinations.mjs';
import { load } from './load.mjs';
import { BUDGETS, listPath } from './scenarios.mjs';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Measures `opts.lists` combinations drawn with `opts.listSeed`. `measure(request, duration)` loads one request
 * (failing the bench on an error), `check(request)` answers its Content-Range total, `sqlOf(path, account)` its
 * SQL replayed; `as` holds a session per demo account. Answers the figures for the table and the whole sample.
 */
export async function measureListSample(baseUrl, as, opts, { check, measure, sqlOf, log }) {
  const combos = await listCombinations(baseUrl, as);
  const picked = seededSample(combos, opts.lists, opts.listSeed);
  const duration = Math.max(1, opts.duration / 5);
  log(`  lists: ${picked.length} of ${combos.length} combinations (sortable column × to-do tab × role), seed ${opts.listSeed}, ${duration} s each`);
  const measured = [];
  for (const c of picked) {
    const request = { path: listPath('cases', c.filter, c.sort), headers: as[c.account].headers };
    const matched = await check(request);
    const http = await measure(request, duration);
    measured.push({ name: comboName(c), role: c.role, bucket: c.bucket, filter: c.filter, sort: c.sort, matched, http, path: request.path, account: c.account });
    log(`    ${comboName(c).padEnd(40)} p50 ${http.p50.toFixed(2)} ms  p95 ${http.p95.toFixed(2)} ms  (${matched ?? '?'} matched)`);
  }
  const worst = measured.reduce((a, b) => (b.http.p95 > a.http.p95 ? b : a));
  const sql = await sqlOf(worst.path, worst.account);
  const budget = BUDGETS.list;
  const sample = {
    seed: opts.listSeed,
    of: combos.length,
    measured: measured.map(({ path: _path, account: _account, ...m }) => m),
    p50Median: median(measured.map((m) => m.http.p50)),
    p95Median: median(measured.map((m) => m.http.p95)),
    over: measured.filter((m) => m.http.p95 > budget.p95).map((m) => m.name),
  };
  const figures = [
    {
      key: 'lists-median',
      label: `lists: median of ${measured.length} of ${combos.length} (seed ${opts.listSeed})`,
      kind: 'list',
      user: 'each role',
      budget,
      matched: null,
      http: { p50: sample.p50Median, p95: sample.p95Median, rps: median(measured.map((m) => m.http.rps)) },
      sql: null,
      ok: sample.p95Median <= budget.p95,
    },
    {
      key: 'lists-worst',
      label: `lists: worst, ${worst.name}`,
      kind: 'list',
      user: worst.account,
      budget,
      matched: worst.matched,
      http: worst.http,
      sql,
      // Every sampled list must hold the budget, so the worst does.
      ok: worst.http.p95 <= budget.p95,
    },
  ];
  return { figures, sample };
}
