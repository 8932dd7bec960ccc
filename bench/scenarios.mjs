// What is measured: the console's typical requests, with filters picked from the generated data.
// Lists are sent as react-admin sends them (sort, range=[0,24], filter) so Content-Range's count is included.

const enc = encodeURIComponent;
export const listPath = (resource, filter, sort = ['receivedAt', 'DESC'], range = [0, 24]) =>
  `/api/${resource}?sort=${enc(JSON.stringify(sort))}&range=${enc(JSON.stringify(range))}&filter=${enc(JSON.stringify(filter))}`;

/** Today and 29 days before, as the console's date pickers send them (local dates in Asia/Shanghai). */
function lastDays(n, timeZone = 'Asia/Shanghai') {
  const day = (d) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return { from: day(new Date(Date.now() - (n - 1) * 86_400_000)), to: day(new Date()) };
}
const last30Days = () => lastDays(30);

async function getJson(baseUrl, session, path) {
  const res = await fetch(baseUrl + path, { headers: session.headers });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

const one = async (baseUrl, session, resource, filter) => {
  const [row] = await getJson(baseUrl, session, listPath(resource, filter, ['id', 'ASC'], [0, 0]));
  if (!row) throw new Error(`no ${resource} matching ${JSON.stringify(filter)} in the benchmark database`);
  return row;
};

/** Budgets of issue 5 (p95 in ms, or a rate). */
export const BUDGETS = {
  list: { p95: 10 },
  search: { p95: 50 },
  report: { p95: 300 },
  daily: { p95: 50 },
  intakeRps: 3000,
  intakeVsNoop: 0.5,
  /** On PostgreSQL (issue 16): intake at least half the bare node:http + pg insert's rate. */
  intakeVsBarePg: 0.5,
  rssMB: 300,
  initialJsKB: 450,
  firstListMs: 2000,
  // a new user: `/` with no session to the login form, and 登录 to the first row of 我的待办 (issue 14)
  loginFormMs: 1000,
  signInToTodoMs: 2000,
  generatorSeconds: 60,
  /** On PostgreSQL (issue 16): a million cases through `COPY` in ≤ 3 minutes. */
  generatorSecondsPg: 180,
};

/** Keyword searches: words present in generated titles (api/src/seed/case-texts.ts). */
const WORDS = { 2: ['电梯', '噪音'], 4: ['污水外溢', '路灯不亮'] };

/**
 * Looks up the filters' ids in the database and returns every read figure plus the intake body.
 * `as` holds signed-in sessions: admin, dispatcher, handler, supervisor.
 */
export async function scenarios(baseUrl, as) {
  const community = await one(baseUrl, as.admin, 'grid-units', { code: 'HCZ-HHL' });
  const compound = await one(baseUrl, as.admin, 'grid-units', { code: 'HCZ-HHL-Z1-G1-C1' });
  const category = await one(baseUrl, as.admin, 'categories', { code: 'elevator_fault' });
  const channel = await one(baseUrl, as.admin, 'channels', { code: 'hotline_12345' });
  const [last] = await getJson(baseUrl, as.admin, listPath('cases', {}, ['id', 'DESC'], [0, 0]));
  const { from, to } = last30Days();

  // Cases to read, spread over the whole table so that no one row stays hot.
  const ids = Array.from({ length: 500 }, (_, i) => 1 + Math.floor((i * (last.id - 1)) / 499));
  // Cases the handler may contact (a repeatable action that keeps the status): their unit's open ones.
  const open = await getJson(baseUrl, as.handler, listPath('cases', { mine: true, status: ['dispatched', 'in_progress'] }, ['id', 'ASC'], [0, 499]));

  const search = (word) => ({ key: `search-${word.length}-${word}`, label: `search "${word}" (${word.length} chars)`, kind: 'search', user: 'admin', budget: BUDGETS.search, request: { path: listPath('cases', { q: word }) } });
  const report = (name, budget = BUDGETS.report, query = '') => ({ key: `report-${name}`, label: `report ${name}`, kind: 'report', user: 'supervisor', budget, request: { path: `/api/reports/${name}${query}` } });
  // A year's reports (issue 16): the last 365 days, through today.
  const year = lastDays(365);
  const yearReport = (name) => ({ ...report(name, BUDGETS.report, `?from=${year.from}&to=${year.to}`), key: `report-${name}-365`, label: `report ${name} (365 d)` });

  const reads = [
    // The case lists: a seeded sample of every combination the console can send (list-sample.mjs).
    ...WORDS[2].map(search),
    ...WORDS[4].map(search),
    { key: 'case', label: 'case by id', kind: 'read', user: 'admin', budget: null, request: { paths: ids.map((id) => `/api/cases/${id}`) } },
    {
      key: 'timeline',
      label: 'case timeline',
      kind: 'read',
      user: 'admin',
      budget: null,
      request: { paths: ids.map((id) => listPath('case-events', { caseId: id }, ['id', 'ASC'], [0, 499])) },
    },
    report('closure-times'),
    report('rates'),
    report('trend'),
    report('hotspots'),
    report('intake'),
    // Today, named: without a date the API opens on yesterday until DAILY_REPORT_HOUR.
    report('daily', BUDGETS.daily, `?date=${last30Days().to}`),
    // 未诉先办: the last 30 days' repeats and compounds, and this month's issue per community with its six months.
    report('watch-list'),
    report('monthly-issues'),
    ...['closure-times', 'rates', 'trend', 'hotspots', 'intake'].map(yearReport),
  ];

  const intakeBody = {
    title: `${compound.name}电梯停运`,
    description: '电梯已停运两天，楼内老人上下楼十分困难，物业迟迟未修复。',
    type: 'help',
    channelId: channel.id,
    categoryId: category.id,
    gridUnitId: compound.id,
    reporterName: '张先生',
    reporterPhone: '13912345678',
    address: `${compound.name}3号楼2单元`,
  };
  return { reads, intakeBody, actionCases: open.map((c) => ({ id: c.id, version: c.version })), ids, picked: { communityId: community.id, compoundId: compound.id, categoryId: category.id, channelId: channel.id, from, to, maxCaseId: last.id, contactable: open.length } };
}

/**
 * The action figure: `contact` by the handler on their unit's open cases, each with the version from the
 * last answer (a 409 would be the bench's own bug). Falls back to `comment` by admin when the handler has
 * nothing open (tiny databases).
 */
export function actionRequest(as, actionCases, ids) {
  const contact = actionCases.length > 0;
  const targets = contact ? actionCases.map((c) => ({ ...c })) : ids.map((id) => ({ id, version: null }));
  const action = contact ? 'contact' : 'comment';
  let next = 0;
  return {
    figure: { key: 'action', label: `action (${action})`, kind: 'action', user: contact ? 'handler' : 'admin', budget: null },
    targets,
    request: {
      method: 'POST',
      headers: { ...(contact ? as.handler : as.admin).headers, 'Content-Type': 'application/json' },
      setupRequest: (r, ctx) => {
        const t = targets[next++ % targets.length];
        ctx.target = t;
        return { ...r, path: `/api/cases/${t.id}/actions/${action}`, body: JSON.stringify({ version: t.version, note: '已电话联系群众，约定上门时间' }) };
      },
      onResponse: (status, body, ctx) => {
        if (status < 300) ctx.target.version = JSON.parse(body).version;
      },
    },
  };
}
