import type { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../common/errors.js';
import { text } from '../common/localize.js';
import { xmlDocument, type JsonValue } from './open311-xml.js';

export type Open311Format = 'json' | 'xml';

const CONTENT_TYPES: Record<Open311Format, string> = { json: 'application/json; charset=utf-8', xml: 'application/xml; charset=utf-8' };

/** The format a path ends in (`requests.xml`); any other is a 404, as a path nothing answers. */
export function formatOf(format: string): Open311Format {
  if (format === 'json' || format === 'xml') return format;
  throw new AppError(ErrorCode.NotFound, text('open311Format', { format }));
}

/** The format an error is answered in: the path's, JSON when it names none. */
export const formatOfUrl = (url: string): Open311Format => (/\.xml$/i.test(url.split('?')[0]) ? 'xml' : 'json');

/** An answer in the path's format; `root` names the XML document's element (`services`, `service_requests`…). */
export function reply(res: FastifyReply, format: Open311Format, root: string, value: JsonValue): unknown {
  void res.header('Content-Type', CONTENT_TYPES[format]);
  return format === 'xml' ? xmlDocument(root, value) : value;
}

/** Sends a whole answer (an error, outside a route's return). */
export function sendNow(res: FastifyReply, format: Open311Format, status: number, root: string, value: JsonValue) {
  void res.status(status).header('Content-Type', CONTENT_TYPES[format]).send(format === 'xml' ? xmlDocument(root, value) : JSON.stringify(value));
}
