// `npm run bench`: the whole run, in order. Reads first (lists, search, one case, timeline, reports, each
// with its SQL replayed straight on better-sqlite3), then an action, then the no-op route and intake at 10
// connections, the console, the API's memory, and last the bare node:http baseline on the same file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { coldStart, firstList, initialJs } from './console.mjs';
import { benchEngine } from './engines.mjs';
import { load, medianRound, timedOneByOne } from './load.mjs';
import { parseOptions } from './options.mjs';
import { formatTable, tableRows, writeResults } from './report.mjs';
import { actionRequest, BUDGETS, scenarios } from './scenarios.mjs';
import { hostileFigures } from './hostile.mjs';
import { ROLE_ACCOUNTS } from './list-combinations.mjs';
import { measureListSample } from './list-sample.mjs';
import { login, memoryOf, startApi, startBare } from './server.mjs';
import { recordSql } from './sql-baseline.mjs';

const log = (msg) => process.stderr.write(`${msg}\n`);
/** Alternating rounds of the no-op route and intake (medians reported). */
const WRITE_ROUNDS = 3;

class BenchFailure extends Error {}

function ensureBuilt(root) {
  const api = ['api/dist/src/main.js', 'api/dist/src/seed/seed-cli.js', 'api/dist/src/bench/bench.module.js'];
  if (api.some((f) => !existsSync(join(root, f)))) {
    log('building the API (npm run build -w api)');
    execFileSync('npm', ['run', 'build', '-w', 'api'], { cwd: root, stdio: ['ignore', 2, 2] });
  }
  if (!existsSync(join(root, 'admin/dist/index.html'))) {
    log('building the console (npm run build -w admin)');
    execFileSync('npm', ['run', 'build', '-w', 'admin'], { cwd: root, stdio: ['ignore', 2, 2] });
  }
}

/**
 * One request before the load: it must succeed, or the figure would measure an error page. Answers how
 * many records a list matched (its Content-Range total), so a list that finds nothing is seen.
 */
async function check(baseUrl, request) {
  const path = request.path ?? request.paths[0];
  const res = await fetch(baseUrl + path, { method: request.method ?? 'GET', headers: { 'Content-Type': 'application/json', ...request.headers }, body: request.body });
  const text = await res.text();
  if (!res.ok) throw new BenchFailure(`${request.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
  return total === undefined ? null : Number(total);
}

function mustSucceed(label, result) {
  if (result.failed) throw new BenchFailure(`${label}: ${result.failed}`);
  if (result.requests === 0) throw new BenchFailure(`${label}: no request completed`);
  return result;
}

/**
 * The generator's figure: timed now, or the last one measured for this database (results.json). Below a
 * million cases the budget is not judged: from 100,000 up the million is projected from the start-up
 * (migrations, reference data) plus the generator's own rate.
 */
function generatorFigure(opts, db, previous, budgetSeconds) {
  if (db.generator) {
    const { seconds, cases, events, generatorSeconds } = db.generator;
    const casesPerSecond = cases / (generatorSeconds || seconds);
    // Small runs are all start-up and warm-up: no projection under 100,000 cases.
    const millionSeconds = cases >= 1_000_000 ? seconds : cases >= 100_000 ? seconds - (generatorSeconds ?? 0) + 1_000_000 / casesPerSecond : null;
    return { cases, events, seconds, casesPerSecond, millionSeconds, projected: cases < 1_000_000, cached: false, measuredAt: new Date().toISOString(), ok: cases >= 1_000_000 ? seconds <= budgetSeconds : null };
  }
  const prev = previous?.generator;
  if (prev?.seconds && prev.cases === opts.cases && previous.database?.key === db.key) return { ...prev, cached: true };
  return { cases: opts.cases, seconds: null, cached: true, ok: null };
}

export async function runBench(root, argv) {
  const opts = parseOptions(argv);
  const out = opts.out ?? join(root, 'bench/results.json');
  const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  const started = Date.now();
  const loadBefore = loadavg();
  ensureBuilt(root);

  const engine = await benchEngine(root, opts, log);
  const { db } = engine;
  const budgets = engine.name === 'PostgreSQL' ? { ...BUDGETS, generatorSeconds: BUDGETS.generatorSecondsPg } : BUDGETS;
  const work = await engine.copy();
  // Ctrl-C: the servers die with the terminal's signal; the scratch copy (as big as the database) must go too.
  const interrupted = () => {
    void work.remove().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 1e9), node: process.version, loadAverageBefore: loadBefore.map((l) => +l.toFixed(2)) },
    options: { cases: opts.cases, durationSeconds: opts.duration, days: opts.days, seed: opts.seed, lists: opts.lists, listSeed: opts.listSeed, readConnections: 1, writeConnections: 10 },
    engine: engine.name,
    database: { file: db.file, key: db.key, cached: !db.generator },
    budgets,
    generator: generatorFigure(opts, db, previous, budgets.generatorSeconds),
    figures: [],
  };
  let api;
  let second;
  let bare;
  try {
    log(`starting the API on a copy of the database (${work.label})`);
    api = await startApi(root, work.url);
    const rssAtStart = memoryOf(api.pid).rssMB;
    const as = {};
    for (const u of Object.values(ROLE_ACCOUNTS)) as[u] = await login(api.baseUrl, u);
    const sc = await scenarios(api.baseUrl, as);
    results.picked = sc.picked;

    const lists = await measureListSample(api.baseUrl, as, opts, {
      check: (request) => check(api.baseUrl, request),
      measure: async (request, duration) => {
        const http = mustSucceed(request.path, await load(api.baseUrl, request, { connections: 1, duration }));
        api.assertAlive();
        return http;
      },
      sqlOf: async (path, account) => engine.replay(work, await recordSql(api.baseUrl, as.admin, as[account], path), Math.min(2, opts.duration)),
      log,
    });
    results.lists = lists.sample;
    results.figures.push(...lists.figures);

    for (const fig of sc.reads) {
      const request = { ...fig.request, headers: as[fig.user].headers };
      const matched = await check(api.baseUrl, request);
      const loaded = await load(api.baseUrl, request, { connections: 1, duration: opts.duration });
      // Slower than the window (a year's report on PostgreSQL): timed one request at a time rather than stopping the run.
      const http = mustSucceed(fig.label, loaded.requests === 0 && !loaded.failed ? await timedOneByOne(api.baseUrl, request) : loaded);
      api.assertAlive();
      const queries = await recordSql(api.baseUrl, as.admin, as[fig.user], request.path ?? request.paths[0]);
      const sql = await engine.replay(work, queries, Math.min(2, opts.duration));
      // A list that matches nothing measures nothing: marked, whatever its speed.
      const ok = matched === 0 ? false : fig.budget ? http.p95 <= fig.budget.p95 : null;
      results.figures.push({ key: fig.key, label: fig.label, kind: fig.kind, user: fig.user, budget: fig.budget, matched, http, sql, ok });
      if (matched === 0) log(`  WARNING: ${fig.label} matched no case: the figure measures an empty list`);
      log(`  ${fig.label.padEnd(32)} p50 ${http.p50.toFixed(2)} ms  p95 ${http.p95.toFixed(2)} ms  (${Math.round(http.rps)}/s; SQL p50 ${sql.p50.toFixed(2)} ms, ${sql.statements} statements)`);
    }

    const action = actionRequest(as, sc.actionCases, sc.ids);
    for (const t of action.targets) {
      const res = await fetch(`${api.baseUrl}/api/cases/${t.id}`, { headers: action.request.headers });
      if (!res.ok) throw new BenchFailure(`GET /api/cases/${t.id} answered ${res.status}`);
      t.version = (await res.json()).version;
    }
    const acted = mustSucceed(action.figure.label, await load(api.baseUrl, action.request, { connections: 1, duration: opts.duration }));
    results.figures.push({ ...action.figure, http: acted, sql: null, ok: null, cases: action.targets.length });
    log(`  ${action.figure.label.padEnd(32)} p50 ${acted.p50.toFixed(2)} ms  p95 ${acted.p95.toFixed(2)} ms  (${Math.round(acted.rps)}/s over ${action.targets.length} cases)`);

    const body = JSON.stringify(sc.intakeBody);
    const write = (path, session) => ({ method: 'POST', path, headers: session.headers, body });
    await check(api.baseUrl, write('/api/bench/noop', as.dispatcher));
    // The no-op route and intake in alternating rounds, each figure the round with the median rate: one
    // round of each moved by ±10 % here between runs, and the ratio of two such draws by twice that.
    const rounds = { noop: [], intake: [] };
    for (let i = 0; i < WRITE_ROUNDS; i++) {
      rounds.noop.push(mustSucceed('no-op route', await load(api.baseUrl, write('/api/bench/noop', as.dispatcher), { connections: 10, duration: opts.duration })));
      rounds.intake.push(mustSucceed('intake', await load(api.baseUrl, write('/api/cases', as.dispatcher), { connections: 10, duration: opts.duration })));
      api.assertAlive();
      log(`  round ${i + 1}: no-op route ${Math.round(rounds.noop[i].rps)}/s, intake ${Math.round(rounds.intake[i].rps)}/s`);
    }
    results.noop = medianRound(rounds.noop);
    results.intake = medianRound(rounds.intake);
    log(`  no-op route: ${Math.round(results.noop.rps)}/s, intake: ${Math.round(results.intake.rps)}/s (medians of ${WRITE_ROUNDS} rounds)`);

    // A second instance on the same database, 10 connections to each at once: together at least as fast as one.
    // PostgreSQL only: several instances are its use (issue 16); on SQLite they share one writer by design.
    if (engine.name === 'PostgreSQL') {
      log('starting a second API instance on the same database');
      second = await startApi(root, work.url);
      const asSecond = await login(second.baseUrl, 'dispatcher');
      const both = await Promise.all([load(api.baseUrl, write('/api/cases', as.dispatcher), { connections: 10, duration: opts.duration }), load(second.baseUrl, write('/api/cases', asSecond), { connections: 10, duration: opts.duration })]);
      both.forEach((r, i) => mustSucceed(`intake, instance ${i + 1} of 2`, r));
      results.intakeTwo = { rps: both[0].rps + both[1].rps, each: both.map((r) => r.rps), p50: Math.max(both[0].p50, both[1].p50), p95: Math.max(both[0].p95, both[1].p95) };
      results.intakeTwo.ok = results.intakeTwo.rps >= results.intake.rps;
      log(`  intake, 2 instances: ${Math.round(results.intakeTwo.rps)}/s in total (${both.map((r) => Math.round(r.rps)).join(' + ')})`);
      await second.stop();
      second = null;
    }

    results.console = { initialJs: await initialJs(root) };
    results.console.initialJs.ok = results.console.initialJs.kB <= BUDGETS.initialJsKB;
    if (opts.console) {
      log('  console: a new user opening / and signing in, in Chromium');
      const cs = await coldStart(api.baseUrl);
      results.console.coldStart = cs.skipped ? cs : { ...cs, ok: cs.toLogin.p95 <= BUDGETS.loginFormMs && cs.toTodo.p95 <= BUDGETS.signInToTodoMs };
      log('  console: first case list in Chromium');
      const fl = await firstList(api.baseUrl);
      results.console.firstList = fl.skipped ? fl : { ...fl, ok: fl.max <= BUDGETS.firstListMs };
    } else results.console.firstList = results.console.coldStart = { skipped: '--no-console' };

    log(`  hostile input (${opts.duration} s) and a login flood from many addresses (${opts.duration} s), memory watched`);
    const hostile = await hostileFigures(root, api, as, opts.duration);
    results.hostile = { ...hostile.hostile, ok: hostile.hostile.fiveXX === 0 && hostile.hostile.rssMaxMB <= BUDGETS.rssMB };
    results.loginFlood = { ...hostile.login, ok: hostile.login.fiveXX === 0 && hostile.login.rssMaxMB <= BUDGETS.rssMB };
    log(`  hostile: ${hostile.hostile.sent} requests ${JSON.stringify(hostile.hostile.statuses)}, RSS max ${hostile.hostile.rssMaxMB.toFixed(0)} MB; login flood: ${hostile.login.sent} ${JSON.stringify(hostile.login.statuses)}, RSS max ${hostile.login.rssMaxMB.toFixed(0)} MB`);

    api.assertAlive();
    results.rss = { ...memoryOf(api.pid), atStartMB: rssAtStart };
    results.rss.ok = results.rss.rssMB <= BUDGETS.rssMB;
    await api.stop();
    api = null;

    log(`starting the bare node:http + ${engine.name} server on the same database`);
    bare = await startBare(root, engine.bare(work));
    results.bare = mustSucceed('bare server', await load(bare.baseUrl, { method: 'POST', path: '/', body }, { connections: 10, duration: opts.duration }));
    log(`  bare: ${Math.round(results.bare.rps)}/s`);
    // SQLite: its absolute rate and half the framework's ceiling (issue 5); PostgreSQL: half the bare pg insert's rate (issue 16).
    results.intake.ok = engine.name === 'PostgreSQL' ? results.intake.rps >= BUDGETS.intakeVsBarePg * results.bare.rps : results.intake.rps >= BUDGETS.intakeRps && results.intake.rps >= BUDGETS.intakeVsNoop * results.noop.rps;
  } catch (err) {
    // A refused connection usually means the server died: say so, with the end of its log.
    for (const proc of [api, second, bare]) proc?.assertAlive();
    throw err;
  } finally {
    await api?.stop().catch(() => {});
    await second?.stop().catch(() => {});
    await bare?.stop().catch(() => {});
    await work.remove();
    process.off('SIGINT', interrupted);
  }

  results.machine.loadAverageAfter = loadavg().map((l) => +l.toFixed(2));
  results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  const rows = tableRows(results);
  results.misses = rows.filter((r) => r.ok === false).map((r) => (r.empty ? `${r.figure} (matched nothing)` : r.figure));
  writeResults(out, results);
  console.log(`\nnpm run bench: ${engine.name}, ${opts.cases.toLocaleString('en')} cases, ${opts.duration} s per figure, ${results.machine.cpus} CPUs, Node ${process.version}, ${results.elapsedSeconds} s in all\n`);
  console.log(formatTable(rows));
  const { over, measured } = results.lists;
  console.log(`\nlists sampled (seed ${results.lists.seed}, again with --list-seed ${results.lists.seed}): ${over.length} of ${measured.length} over p95 ${BUDGETS.list.p95} ms${over.length ? `: ${over.join('; ')}` : ''}`);
  console.log(`\n${results.misses.length ? `${results.misses.length} budget(s) missed: ${results.misses.join('; ')}` : 'every budget met'}. Written to ${relative(process.cwd(), out).startsWith('..') ? out : relative(process.cwd(), out)}.`);
}

export { BenchFailure };
