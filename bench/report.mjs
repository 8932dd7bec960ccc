// The one table on stdout, and bench/results.json.
import { writeFileSync } from 'node:fs';

const ms = (v) => (v === null || v === undefined ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const num = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en'));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×` : '—');
const pct = (a, b) => (a && b ? `${((a / b) * 100).toFixed(0)} %` : '—');
const verdict = (ok, empty) => (empty ? 'EMPTY' : ok === null || ok === undefined ? '' : ok ? 'ok' : 'MISS');

/** Table rows from the results: every figure with its budget, its baseline and the verdict. */
export function tableRows(r) {
  const rows = [];
  for (const f of r.figures) {
    rows.push({
      figure: f.label,
      matched: f.matched === null || f.matched === undefined ? '' : num(f.matched),
      p50: ms(f.http.p50),
      p95: ms(f.http.p95),
      rate: `${num(f.http.rps)}/s`,
      budget: f.budget ? `p95 ≤ ${f.budget.p95} ms` : '',
      baseline: f.sql ? `SQL ${ms(f.sql.p50)} / ${ms(f.sql.p95)}` : '',
      ratio: f.sql ? ratio(f.http.p50, f.sql.p50) : '',
      ok: f.ok,
      empty: f.matched === 0,
    });
  }
  const { intake, noop, bare, intakeTwo } = r;
  const pgRun = r.engine === 'PostgreSQL';
  if (noop) rows.push({ figure: 'no-op route (10 conn.)', p50: ms(noop.p50), p95: ms(noop.p95), rate: `${num(noop.rps)}/s`, budget: '', baseline: bare ? `bare ${num(bare.rps)}/s` : '', ratio: bare ? pct(noop.rps, bare.rps) : '', ok: null });
  if (intake)
    rows.push({
      figure: 'intake POST /cases (10 conn.)',
      p50: ms(intake.p50),
      p95: ms(intake.p95),
      rate: `${num(intake.rps)}/s`,
      budget: pgRun ? `≥ ${r.budgets.intakeVsBarePg * 100} % bare` : `≥ ${num(r.budgets.intakeRps)}/s, ≥ ${r.budgets.intakeVsNoop * 100} % no-op`,
      baseline: noop ? `no-op ${num(noop.rps)}/s` : '',
      ratio: `${pct(intake.rps, noop?.rps)} no-op, ${pct(intake.rps, bare?.rps)} bare`,
      ok: intake.ok,
    });
  if (intakeTwo)
    rows.push({
      figure: 'intake, 2 instances (2 × 10 conn.)',
      p50: ms(intakeTwo.p50),
      p95: ms(intakeTwo.p95),
      rate: `${num(intakeTwo.rps)}/s`,
      budget: '≥ 1 instance',
      baseline: `${intakeTwo.each.map(num).join(' + ')}/s; 1 instance ${num(intake?.rps)}/s`,
      ratio: pct(intakeTwo.rps, intake?.rps),
      ok: intakeTwo.ok,
    });
  if (bare) rows.push({ figure: `bare node:http + ${pgRun ? 'pg' : 'SQLite'} insert`, p50: ms(bare.p50), p95: ms(bare.p95), rate: `${num(bare.rps)}/s`, budget: '', baseline: '', ratio: '', ok: null });
  for (const [label, h] of [['hostile requests (fuzz generator, 4 conn.)', r.hostile], ['login flood, unknown users (20 conn.)', r.loginFlood]]) {
    if (!h) continue;
    const answers = Object.entries(h.statuses).map(([k, v]) => `${k}: ${num(v)}`).join(', ');
    rows.push({ figure: label, p50: '', p95: '', rate: `${num(h.sent / h.seconds)}/s`, budget: `no 5xx, RSS ≤ ${r.budgets.rssMB} MB`, baseline: `${answers}; RSS max ${h.rssMaxMB.toFixed(0)} MB`, ratio: '', ok: h.ok });
  }
  if (r.rss) rows.push({ figure: 'API RSS at the end', p50: '', p95: '', rate: `${r.rss.rssMB.toFixed(0)} MB`, budget: `≤ ${r.budgets.rssMB} MB`, baseline: `at start ${r.rss.atStartMB?.toFixed(0)} MB, peak ${r.rss.peakMB.toFixed(0)} MB`, ratio: '', ok: r.rss.ok });
  if (r.console?.initialJs) rows.push({ figure: 'console initial JS (gzip)', p50: '', p95: '', rate: `${r.console.initialJs.kB.toFixed(1)} kB`, budget: `≤ ${r.budgets.initialJsKB} kB`, baseline: '', ratio: '', ok: r.console.initialJs.ok });
  const cs = r.console?.coldStart;
  if (cs && !cs.skipped) {
    const each = `${cs.runs} new users`;
    rows.push({ figure: `open / to the login form (${each})`, p50: ms(cs.toLogin.p50), p95: ms(cs.toLogin.p95), rate: '', budget: `≤ ${r.budgets.loginFormMs} ms`, baseline: cs.afterLoad.p95 > 0 ? `after the load event: ${ms(cs.afterLoad.p50)} / ${ms(cs.afterLoad.p95)}` : 'on screen before the load event', ratio: '', ok: cs.toLogin.p95 <= r.budgets.loginFormMs });
    rows.push({ figure: `sign in to 我的待办's first row`, p50: ms(cs.toTodo.p50), p95: ms(cs.toTodo.p95), rate: '', budget: `≤ ${r.budgets.signInToTodoMs} ms`, baseline: cs.username, ratio: '', ok: cs.toTodo.p95 <= r.budgets.signInToTodoMs });
  } else if (cs?.skipped) rows.push({ figure: 'new user: login form, sign in', p50: '', p95: '', rate: 'skipped', budget: `≤ ${r.budgets.loginFormMs} / ${r.budgets.signInToTodoMs} ms`, baseline: cs.skipped, ratio: '', ok: null });
  const fl = r.console?.firstList;
  if (fl && !fl.skipped) rows.push({ figure: `first case list (${fl.runs} cold loads)`, p50: ms(fl.p50), p95: ms(fl.max), rate: '', budget: `≤ ${r.budgets.firstListMs} ms`, baseline: '', ratio: '', ok: fl.ok });
  else if (fl?.skipped) rows.push({ figure: 'first case list', p50: '', p95: '', rate: 'skipped', budget: `≤ ${r.budgets.firstListMs} ms`, baseline: fl.skipped, ratio: '', ok: null });
  const g = r.generator;
  if (g)
    rows.push({
      figure: `generator (${num(g.cases)} cases${g.cached ? ', cached' : ''})`,
      p50: '',
      p95: '',
      rate: g.seconds ? `${g.seconds.toFixed(1)} s, ${num(g.casesPerSecond)}/s` : 'cached, never timed',
      budget: `1M ≤ ${r.budgets.generatorSeconds} s`,
      baseline: g.measuredAt ? `measured ${g.measuredAt.slice(0, 10)}` : '',
      ratio: g.millionSeconds ? `1M ${g.projected ? '≈' : '='} ${g.millionSeconds.toFixed(0)} s${g.projected ? ' (projected)' : ''}` : '',
      ok: g.ok,
    });
  return rows;
}

/** Display width: CJK characters take two columns in a terminal. */
const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (s, n, right = false) => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

export function formatTable(rows) {
  const cols = [
    ['figure', 'figure'],
    ['matched', 'matched', true],
    ['p50', 'p50 ms', true],
    ['p95', 'p95 ms', true],
    ['rate', 'rate', true],
    ['budget', 'budget'],
    ['baseline', 'baseline (p50 / p95 ms)'],
    ['ratio', 'vs baseline'],
    ['verdict', ''],
  ];
  const cells = rows.map((r) => ({ ...r, verdict: verdict(r.ok, r.empty) }));
  const widths = cols.map(([k, h]) => Math.max(width(h), ...cells.map((c) => width(String(c[k] ?? '')))));
  const line = (get) => cols.map(([k, , right], i) => pad(get(k, i), widths[i], right)).join('  ').trimEnd();
  return [line((k, i) => cols[i][1]), line((_, i) => '-'.repeat(widths[i])), ...cells.map((c) => line((k) => String(c[k] ?? '')))].join('\n');
}

/** The same table in Markdown, for the README. */
export function markdownTable(rows) {
  const head = '| figure | matched | p50 ms | p95 ms | rate | budget | baseline (p50 / p95 ms) | vs baseline | |\n|---|--:|--:|--:|--:|---|---|---|---|';
  const mark = (r) => {
    const v = verdict(r.ok, r.empty);
    return v === 'MISS' || v === 'EMPTY' ? `**${v}**` : v;
  };
  return [head, ...rows.map((r) => `| ${[r.figure, r.matched ?? '', r.p50, r.p95, r.rate, r.budget, r.baseline, r.ratio, mark(r)].join(' | ')} |`)].join('\n');
}

export function writeResults(path, results) {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
