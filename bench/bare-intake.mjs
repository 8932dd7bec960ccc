// What the two bare intake servers (bare-server.mjs on SQLite, bare-server-pg.mjs on PostgreSQL) share: the
// node:http shell that takes a case as JSON and answers 201 with it, and the case row made from the request
// as the API makes it (the unit's path and the community and grid in it, the response and resolve times).
// Only the writes differ, in each server.
import { createServer } from 'node:http';

const HOUR_MS = 3_600_000;

/** The day's number prefix, `YYYYMMDD` (UTC). */
export const dayOf = (at) => at.toISOString().slice(0, 10).replaceAll('-', '');

/** The case row of a request, logged at `at` in the unit at `path`; times through `time` (the engine's way of binding them). */
export function caseRow(body, path, at, time) {
  const ids = path.split('/').filter(Boolean).map(Number);
  return {
    title: body.title,
    description: body.description ?? '',
    type: body.type,
    channelId: body.channelId,
    categoryId: body.categoryId,
    gridUnitId: body.gridUnitId,
    unitPath: path,
    communityId: ids[1] ?? null,
    gridId: ids[3] ?? null,
    priority: body.priority ?? 'normal',
    reporterName: body.reporterName ?? null,
    reporterPhone: body.reporterPhone ?? null,
    address: body.address ?? null,
    receivedAt: time(at),
    responseDueAt: time(new Date(at.getTime() + 24 * HOUR_MS)),
    resolveDueAt: time(new Date(at.getTime() + 5 * 24 * HOUR_MS)),
  };
}

/** Serves `intake(body)` (a case, or a promise of one) on PORT, with a health route for bench/server.mjs to wait on. */
export function serveIntake(intake) {
  createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') return res.end('ok');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const out = JSON.stringify(await intake(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.writeHead(201, { 'Content-Type': 'application/json; charset=utf-8' }).end(out);
      } catch (err) {
        res.writeHead(500).end(String(err));
      }
    });
  }).listen(Number(process.env.PORT), '127.0.0.1');
}
