import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Not the console's page: the API's paths (an unknown one is a JSON 404), and files that are not there
 * (a script of an older build is a 404, not a page the browser would try to run).
 */
const NOT_A_PAGE = /^\/(api|open311)(\/|\?|$)|^[^?]*\/[^/?]*\.[a-z0-9]+(\?|$)/i;

/**
 * The built console at `/`, from the same process, when it exists: its files as they are, and its page
 * for every other GET outside the API, so that a link into the console (`/cases/12/show`) opens it.
 * Files are listed once at start (the console is built before the server starts).
 */
export async function serveConsole(fastify: FastifyInstance, dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await fastify.register(fastifyStatic, { root: dir, wildcard: false });
  fastify.get('/*', (req, reply) => (NOT_A_PAGE.test(req.url) ? reply.callNotFound() : reply.sendFile('index.html')));
}
