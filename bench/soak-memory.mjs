// The API's memory through hostile input and a login flood, each for a given number of seconds (default 40),
// on a copy of the bench's cached database: `node bench/soak-memory.mjs [--cases N] [--seconds S] [--db file]`. The same
// phases as `npm run bench` (bench/hostile.mjs) run longer, since their memory grows with what they send,
// which a loaded machine lowers in a 5-second figure.
import { parseArgs } from 'node:util';
import { ensureDatabase, workingCopy } from './database.mjs';
import { hostileFigures } from './hostile.mjs';
import { parseOptions } from './options.mjs';
import { login, memoryOf, startApi } from './server.mjs';
import { root } from '../scripts/lib.mjs';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '40' }, db: { type: 'string' } } });
const log = (m) => process.stderr.write(`${m}\n`);
const opts = parseOptions(['--cases', values.cases, '--no-console']);
// --db: a database file built before (the cache's key changes with the generator's code).
const copy = workingCopy(values.db ?? (await ensureDatabase(root, opts, log)).path);
const api = await startApi(root, `sqlite:${copy.path}`);
try {
  const as = {};
  for (const role of ['admin', 'supervisor', 'dispatcher', 'handler']) as[role] = await login(api.baseUrl, role);
  const start = memoryOf(api.pid);
  const f = await hostileFigures(root, api, as, Number(values.seconds));
  const end = memoryOf(api.pid);
  console.log(JSON.stringify({ cases: Number(values.cases), seconds: Number(values.seconds), startMB: start.rssMB, hostile: { sent: f.hostile.sent, fiveXX: f.hostile.fiveXX, rssMaxMB: f.hostile.rssMaxMB, atMax: f.hostile.atMax }, login: { sent: f.login.sent, statuses: f.login.statuses, fiveXX: f.login.fiveXX, rssMaxMB: f.login.rssMaxMB, atMax: f.login.atMax }, endMB: end.rssMB, endAnonMB: end.anonMB, endFileMB: end.fileMB, peakMB: end.peakMB }, null, 1));
} finally {
  await api.stop();
  copy.remove();
}
