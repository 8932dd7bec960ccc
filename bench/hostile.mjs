// Hostile input and a login flood against the running API, with its memory watched meanwhile (issue 15):
// the fuzz suite's generator (api/test/support/hostile.ts, built to api/dist) sends its requests over HTTP,
// then many addresses try unknown accounts, each attempt an argon2 hash, as fast as the server answers.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { memoryOf } from './server.mjs';

const CONNECTIONS = 4;
const LOGIN_CONNECTIONS = 20;
const REQUEST_TIMEOUT_MS = 2000;

/** The highest RSS seen while `work` runs, sampled every 100 ms, with that sample's anonymous and file-backed parts. */
async function watchMemory(pid, work) {
  let max = memoryOf(pid);
  const timer = setInterval(() => {
    const now = memoryOf(pid);
    if (now.rssMB > max.rssMB) max = now;
  }, 100);
  try {
    const result = await work();
    return { result, maxMB: max.rssMB, atMax: { anonMB: max.anonMB, fileMB: max.fileMB } };
  } finally {
    clearInterval(timer);
  }
}

const firstId = async (baseUrl, headers, resource, filter = {}) => {
  const res = await fetch(`${baseUrl}/api/${resource}?range=[0,0]&filter=${encodeURIComponent(JSON.stringify(filter))}`, { headers });
  return (await res.json())[0]?.id ?? 1;
};

/** Sends `requests` over `CONNECTIONS` connections until done or `seconds` pass; counts the answers by status. */
async function send(baseUrl, requests, tokens, seconds) {
  const until = Date.now() + seconds * 1000;
  const statuses = {};
  let next = 0;
  const worker = async () => {
    while (next < requests.length && Date.now() < until) {
      const r = requests[next++];
      const headers = {};
      if (tokens[r.as]) headers.authorization = tokens[r.as];
      if (r.payload !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
      // A generated request may be a valid export of a million rows: cut short (the server stops when the client goes).
      const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      let status;
      try {
        const res = await fetch(baseUrl + r.url, { method: r.method, headers, body: r.payload, signal });
        status = res.status;
        await res.arrayBuffer();
      } catch (err) {
        status = err.name === 'TimeoutError' ? 'cut short' : status ?? 'refused';
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const start = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return { statuses, sent: next, seconds: (Date.now() - start) / 1000 };
}

/** Unknown accounts from ever-new addresses (the API is started with TRUST_PROXY, as behind a proxy). */
async function loginFlood(baseUrl, seconds) {
  const until = Date.now() + seconds * 1000;
  const statuses = {};
  let n = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const i = n++;
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({ username: `nobody${i}`, password: 'wrong-password' }),
      }).catch(() => null);
      const status = res ? res.status : 'refused';
      if (res) await res.arrayBuffer();
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONNECTIONS }, worker));
  return { statuses, sent: n, seconds };
}

export async function hostileFigures(root, api, as, seconds) {
  const support = (f) => import(pathToFileURL(join(root, 'api/dist/test/support', f)).href);
  const { hostileRequests } = await support('hostile.js');
  const { learnTargets } = await support('hostile-targets.js');
  const admin = as.admin.headers;
  const get = async (path) => {
    const res = await fetch(api.baseUrl + path, { headers: { ...admin, 'accept-language': 'en' } });
    return { status: res.status, body: await res.json() };
  };
  const ids = {
    channel: await firstId(api.baseUrl, admin, 'channels'),
    category: await firstId(api.baseUrl, admin, 'categories'),
    subCategoryParent: await firstId(api.baseUrl, admin, 'categories'),
    compound: await firstId(api.baseUrl, admin, 'grid-units', { level: 'compound' }),
    zone: await firstId(api.baseUrl, admin, 'grid-units', { level: 'grid' }),
    department: await firstId(api.baseUrl, admin, 'departments'),
    handler: await firstId(api.baseUrl, admin, 'users', { role: 'handler' }),
  };
  const targets = await learnTargets(get, ids);
  const tokens = { forged: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOjF9.' };
  for (const role of ['admin', 'supervisor', 'dispatcher', 'handler']) tokens[role] = as[role].headers.Authorization;
  tokens.worker = tokens.dispatcher;
  const requests = fc.sample(hostileRequests(targets), { seed: 20261202, numRuns: 20_000 });
  const hostile = await watchMemory(api.pid, () => send(api.baseUrl, requests, tokens, seconds));
  api.assertAlive();
  const login = await watchMemory(api.pid, () => loginFlood(api.baseUrl, seconds));
  api.assertAlive();
  const fiveXX = (s) => Object.entries(s).filter(([k]) => Number(k) >= 500 || k === 'refused').reduce((a, [, v]) => a + v, 0);
  return {
    hostile: { ...hostile.result, rssMaxMB: hostile.maxMB, atMax: hostile.atMax, fiveXX: fiveXX(hostile.result.statuses) },
    login: { ...login.result, rssMaxMB: login.maxMB, atMax: login.atMax, fiveXX: fiveXX(login.result.statuses) },
  };
}
