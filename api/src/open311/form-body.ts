import type { FastifyInstance } from 'fastify';

/** A form as large as an Open311 request may be (a 2,000-character description, names, an address). */
const FORM_LIMIT = 64 * 1024;

/**
 * GeoReport v2 clients post forms (application/x-www-form-urlencoded), read here as flat text fields; only
 * under `/open311/`: the rest of the API takes JSON alone, and a form there stays a 415.
 */
export function open311FormBodies(fastify: FastifyInstance) {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (req, body, done) => {
    if (!req.url.startsWith('/open311/')) {
      return done(Object.assign(new Error('Unsupported Content-Type: send JSON (application/json)'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
    }
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
}
