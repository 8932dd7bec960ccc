import type { FastifyInstance } from 'fastify';

/**
 * Deeper than any body the API reads (a case with its fields is two levels; a settings object three): a bound
 * that answers a hostile `[[[[…]]]]` with a 400 before anything walks it. Validation and class-transformer recurse
 * once per level: 1,500 levels overflowed the stack (a 500), 100,000 held the event loop for 380 ms a request.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * How deeply a JSON text nests, stopping as soon as it passes `max`: one pass over the characters, strings
 * skipped, no allocation. Malformed text is left to the parser to refuse.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const bodyError = (code: string, message: string) => Object.assign(new Error(message), { statusCode: 400, code });

/**
 * JSON bodies parsed by Fastify's own parser (which refuses `__proto__` and `constructor.prototype` keys with a
 * 400, so a body cannot reach an object's prototype) after the depth check above. The size is bounded before
 * any of it by Fastify's `bodyLimit`.
 */
export function boundJsonBodies(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(bodyError('JSON_TOO_DEEP', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    parse(req, text, (err, value) => {
      // secure-json-parse's own errors name the forbidden key: say it in the API's words.
      if (err && /prototype/i.test(err.message)) return done(bodyError('JSON_PROTOTYPE_KEY', err.message), undefined);
      done(err, value);
    });
  });
}
