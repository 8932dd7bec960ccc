import fc from 'fast-check';
import { hostileId, jsonText, key, mutated, PROTOTYPE_NAMES, scalar, value } from './hostile-values.js';

/**
 * Hostile requests over every route family of the API, as an attacker or a careless script sends them. Each is
 * built from what a valid request looks like (the resource's own filters and sort fields, a valid body) with a
 * hostile change, so that it gets past the first check and reaches the code behind it. The suite asserts only
 * what must hold for all of them (no 5xx, nothing internal in the answer), so valid requests are fine too.
 */
export interface HostileRequest {
  family: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** A raw body (already serialised) or none. */
  payload?: string;
  contentType?: string;
  /** Which of the suite's tokens signs it: a role, nobody, or a forged one. */
  as: string;
  /** Replace the body's `version` with the record's current one (so that an edit or an action gets past the version check). */
  freshVersion?: boolean;
}

/** What the suite learnt about the API before it starts: each list's filters and sort fields, valid bodies. */
export interface FuzzTargets {
  lists: Record<string, { filters: string[]; sorts: string[] }>;
  /** A valid body per writable resource (`name`, `code`, `username` made unique per request). */
  bodies: Record<string, Record<string, unknown>>;
  /** Valid bodies of the residents' public API (the proof of work aside, which no fuzzer solves). */
  publicBodies: { ask: Record<string, unknown>; rating: Record<string, unknown> };
  /** A valid body per workflow action. */
  actions: Record<string, Record<string, unknown>>;
  roles: string[];
}

const SUFFIXES = ['', '', '', '_gte', '_lte', '_gt', '_lt', '_neq', '_in'];
const qs = (params: Record<string, string | undefined>) =>
  Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&');
const json = (v: unknown) => JSON.stringify(v) ?? '';

/** `filter`, `sort` and `range` as react-admin sends them for this list, one or two of them hostile. */
function listQuery(filters: string[], sorts: string[]) {
  const filterKey = fc.oneof({ weight: 5, arbitrary: fc.tuple(fc.constantFrom(...filters), fc.constantFrom(...SUFFIXES)).map(([f, s]) => f + s) }, { weight: 1, arbitrary: key });
  return fc.record({
    filter: fc.oneof(
      { weight: 8, arbitrary: fc.dictionary(filterKey, value, { minKeys: 1, maxKeys: 3 }).map(json) },
      { weight: 1, arbitrary: value.map(json) },
      { weight: 1, arbitrary: fc.constantFrom('{', '%ZZ', '{"__proto__":{"x":1}}', '{"unitId":null}', '{"q":{"a":1}}', '{"id":[]}', '{"id":[1,"x",null]}') },
    ),
    sort: fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...sorts), fc.constantFrom('ASC', 'DESC')).map(json) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(key, value), fc.oneof(fc.constantFrom('ASC', 'asc', 'sideways', ''), value)).map(json) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    range: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('[0,24]', '[0,9]', '[25,49]', '[1000,1024]') },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -5, max: 5000 }), value), fc.oneof(fc.integer({ min: -5, max: 5000 }), value)).map(json) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  }).map(qs);
}

/** Raw query strings a parser meets: bracket syntax, repeats, prototype names. */
const rawQueryJunk = fc.constantFrom('filter[__proto__][x]=1', 'filter[constructor][prototype][x]=1', 'sort=a&sort=b', 'filter=%', 'range[]=1&range[]=2',
  'filter[status][]=received', '__proto__[x]=1', 'from[$gt]=1', 'unitId[]=1&unitId[]=2', 'filter=' + encodeURIComponent('{"id":1}') + '&filter=x');

/** Names made unique, so that a valid body is not refused only because the last one took its code. */
const unique = (body: Record<string, unknown>) => fc.nat().map((n) => {
  const out = { ...body };
  for (const f of ['name', 'code', 'username']) if (typeof out[f] === 'string') out[f] = `${out[f]}${n}`;
  return out;
});

const REPORTS = ['closure-times', 'rates', 'trend', 'hotspots', 'intake', 'daily', 'watch-list', 'monthly-issues'];
const REPORT_PARAMS = ['from', 'to', 'unitId', 'groupBy', 'date', 'limit', 'days', 'categoryId', 'month', 'min'];
const reportQuery = fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REPORT_PARAMS) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) }),
  fc.oneof(fc.constantFrom('2026-11-01', '2026-12-31', '2026-11', '2026-00', 'community', 'grid', 'department', 'category', 'channel', 'worker', '1', '3'), scalar.map((v) => (typeof v === 'string' ? v : json(v)))), { maxKeys: 5 });

export function hostileRequests(t: FuzzTargets): fc.Arbitrary<HostileRequest> {
  // Mostly signed in (a refusal at the door reaches nothing behind it), sometimes not, sometimes forged.
  const as = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...t.roles) }, { weight: 1, arbitrary: fc.constantFrom('none', 'forged') });
  const resources = Object.keys(t.lists);
  const writable = Object.keys(t.bodies);
  const caseId = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 14 }).map(String) }, { weight: 1, arbitrary: hostileId });
  const contentType = fc.oneof({ weight: 10, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml') });
  const send = (family: string, method: 'POST' | 'PUT', url: fc.Arbitrary<string>, body: fc.Arbitrary<unknown>, freshVersion = false) =>
    fc.record({ url, payload: jsonText(body), as, contentType, fresh: fc.boolean() })
      .map(({ fresh, ...r }): HostileRequest => ({ family, method, ...r, freshVersion: freshVersion && fresh }));
  const bodyOf = (r: string) => unique(t.bodies[r]).chain(mutated);

  return fc.oneof(
    fc.constantFrom(...resources).chain((r) => fc.record({ q: fc.oneof({ weight: 8, arbitrary: listQuery(t.lists[r].filters, t.lists[r].sorts) }, { weight: 1, arbitrary: rawQueryJunk }), as })
      .map(({ q, as }): HostileRequest => ({ family: 'list', method: 'GET', url: `/api/${r}?${q}`, as }))),
    fc.record({ r: fc.constantFrom(...resources), id: hostileId, as }).map(({ r, id, as }): HostileRequest => ({ family: 'one', method: 'GET', url: `/api/${r}/${id}`, as })),
    fc.constantFrom(...writable).chain((r) => send('create', 'POST', fc.constant(`/api/${r}`), bodyOf(r))),
    fc.constantFrom(...writable).chain((r) => send('update', 'PUT', caseId.map((id) => `/api/${r}/${id}`), bodyOf(r), true)),
    // Deletes only by ids written wrongly: the suite must keep its people and records.
    fc.record({ r: fc.constantFrom(...resources), id: hostileId.filter((id) => !/^[1-9]\d*$/.test(id)), as }).map(({ r, id, as }): HostileRequest => ({ family: 'delete', method: 'DELETE', url: `/api/${r}/${id}`, as })),
    fc.constantFrom(...Object.keys(t.actions)).chain((a) => send('action', 'POST', caseId.map((id) => `/api/cases/${id}/actions/${a}`), mutated(t.actions[a]), true)),
    send('action', 'POST', fc.tuple(caseId, fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 8 }).map(encodeURIComponent))).map(([id, a]) => `/api/cases/${id}/actions/${a}`), value),
    fc.record({ id: caseId, as }).map(({ id, as }): HostileRequest => ({ family: 'actions', method: 'GET', url: `/api/cases/${id}/actions`, as })),
    fc.record({ r: fc.constantFrom(...REPORTS), fmt: fc.constantFrom('', '', '.csv', '.xlsx', '.pdf', '.__proto__'), q: reportQuery, as })
      .map(({ r, fmt, q, as }): HostileRequest => ({ family: 'report', method: 'GET', url: `/api/reports/${r}${fmt}?${qs(q)}`, as })),
    fc.record({ fmt: fc.constantFrom('csv', 'xlsx'), q: fc.oneof(listQuery(t.lists.cases.filters, t.lists.cases.sorts), rawQueryJunk), as })
      .map(({ fmt, q, as }): HostileRequest => ({ family: 'export', method: 'GET', url: `/api/cases.${fmt}?${q}`, as })),
    fc.record({ path: fc.constantFrom('by-phone', 'duplicates', 'dispatch-units', 'todo'), q: fc.dictionary(fc.constantFrom('phone', 'caseId', 'categoryId', 'gridUnitId', 'title', 'residentId', 'tab', 'q', ...PROTOTYPE_NAMES), fc.oneof(fc.constantFrom('13812345601', '1', '2', '楼道灯', 'mine'), scalar.map(String)), { maxKeys: 3 }), as })
      .map(({ path, q, as }): HostileRequest => ({ family: 'desk', method: 'GET', url: `/api/cases/${path}?${qs(q)}`, as })),
    send('merge-intake', 'POST', fc.constant('/api/cases/merge-intake'), unique(t.bodies.cases).chain((b) => mutated({ ...b, mergeIntoCaseId: 2 }))),
    send('login', 'POST', fc.constant('/api/auth/login'), mutated({ username: 'nobody', password: 'wrong-password' })),
    send('settings', 'PUT', fc.constant('/api/auth/me/settings'), mutated({ defaultChannelId: 1 })),
    fc.record({ path: fc.oneof(hostileId.map((y) => `years/${y}`), fc.constantFrom('years/2026', 'years/1899', 'years/99999', 'status')), q: reportQuery, as })
      .map(({ path, q, as }): HostileRequest => ({ family: 'calendar', method: 'GET', url: `/api/calendar/${path}?${qs(q)}`, as })),
    fc.record({ id: hostileId, as }).map(({ id, as }): HostileRequest => ({ family: 'attachment', method: 'GET', url: `/api/attachments/${id}/content`, as })),
    fc.record({ q: reportQuery, as }).map(({ q, as }): HostileRequest => ({ family: 'limits', method: 'GET', url: `/api/category-limits?${qs(q)}`, as })),
    // The residents' door: no token needed, every field a stranger controls.
    send('public-ask', 'POST', fc.constant('/api/public/requests'), mutated(t.publicBodies.ask)),
    fc.record({ n: fc.oneof(fc.constantFrom('20261203-0001', '1'), hostileId), secret: fc.oneof(fc.constant('ABCDEF'), scalar.map(String)), as })
      .map(({ n, secret, as }): HostileRequest => ({ family: 'public-follow', method: 'GET', url: `/api/public/requests/${encodeURIComponent(n)}?${qs({ secret })}`, as })),
    send('public-rate', 'POST', fc.oneof(fc.constantFrom('20261203-0001'), hostileId).map((n) => `/api/public/requests/${encodeURIComponent(n)}/rating`), mutated(t.publicBodies.rating)),
    fc.record({ path: fc.constantFrom('entries', 'categories', 'grid-units', 'challenge', '__proto__', 'requests'), as }).map(({ path, as }): HostileRequest => ({ family: 'public-read', method: 'GET', url: `/api/public/${path}`, as })),
    send('visibility', 'PUT', hostileId.map((id) => `/api/case-events/${id}/visibility`), mutated({ visibility: 'public' })),
    fc.record({ id: caseId, as }).map(({ id, as }): HostileRequest => ({ family: 'source', method: 'GET', url: `/api/cases/${id}/source`, as })),
    fc.record({ id: fc.oneof(caseId, hostileId), as }).map(({ id, as }): HostileRequest => ({ family: 'clocks', method: 'GET', url: `/api/cases/${id}/clocks`, as })),
    fc.record({ id: hostileId, as }).map(({ id, as }): HostileRequest => ({ family: 'deliveries', method: 'GET', url: `/api/webhooks/${id}/deliveries`, as })),
    send('retry', 'POST', hostileId.map((id) => `/api/webhook-deliveries/${id}/retry`), value),
  );
}
