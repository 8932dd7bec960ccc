import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Not the console's page: the API's paths (an unknown one is a JSON 404), and files that are not there
 * (a script of an older build is a 404, not a page the browser would try to run).
 */
const NOT_A_PAGE = /^\/(api|open311)(\/|\?|$)|^[^?]*\/[^/?]*\.[a-z0-9]+(\?|$)/i;

/** The residents' page (admin/public-page, built into dist/m/): its own small page, for every link under `/m/`. */
const RESIDENTS_PAGE = 'm/index.html';

/**
 * The built console at `/`, from the same process, when it exists: its files as they are, and its page
 * for every other GET outside the API, so that a link into the console (`/cases/12/show`) opens it.
 * Files are listed once at start (the console is built before the server starts), compressed copies with them.
 */
export async function serveConsole(fastify: FastifyInstance, dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await fastify.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    // The build writes .br and .gz beside each script (admin/precompress.ts): sent as the browser accepts them.
    preCompressed: true,
    // Built assets carry their content's hash in the name: kept for a year, never asked for again. The page
    // itself (and the favicon) is checked every time, so a new build is seen at the next visit.
    setHeaders: (reply, path) => reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  fastify.get('/*', (req, reply) => (NOT_A_PAGE.test(req.url) ? reply.callNotFound() : reply.sendFile('index.html')));
  // The residents' page: `/m` (a QR code's link typed short) goes to `/m/` with its query, so the page's relative
  // asset paths resolve; every page path below it is the page.
  if (!existsSync(join(dir, RESIDENTS_PAGE))) return;
  fastify.get('/m', (req, reply) => reply.redirect(`/m/${req.url.slice(2)}`));
  fastify.get('/m/*', (req, reply) => (NOT_A_PAGE.test(req.url) ? reply.callNotFound() : reply.sendFile(RESIDENTS_PAGE)));
}
