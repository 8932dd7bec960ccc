import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError, HTTP_STATUS } from './errors.js';

interface Body {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  [k: string]: unknown;
}

/** Unique, foreign-key and not-null violations are the client's fault when they reach us; say which. */
function fromDatabase(err: QueryFailedError): Body | undefined {
  const e = err as QueryFailedError & { code?: string; detail?: string; constraint?: string };
  const text = `${e.message} ${e.detail ?? ''}`;
  if (e.code === '23505' || /UNIQUE constraint failed/i.test(text)) {
    const field = /\((\w+)\)=/.exec(text)?.[1] ?? /UNIQUE constraint failed: \w+\.(\w+)/.exec(text)?.[1] ?? 'id';
    return { statusCode: 409, code: 'CONFLICT', message: `${field} is already taken`, errors: { [field]: 'is already taken' } };
  }
  if (e.code === '23503' || /FOREIGN KEY constraint failed/i.test(text)) {
    return { statusCode: 409, code: 'CONFLICT', message: 'The record is referenced by, or refers to, a record that does not allow it' };
  }
  return undefined;
}

/**
 * Every error as one JSON shape: `{statusCode, code, message, errors?}`; never a stack trace. Errors raised
 * before a route runs (a body that is not JSON, too large, of a type no parser takes) come from Fastify,
 * through Nest's error handler (as HttpExceptions caused by them), and are shaped the same way.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = errorBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // A download already under way (the reply taken over, the headers sent) can only be cut short.
    if (reply.sent || reply.raw.headersSent) return;
    void reply.status(body.statusCode).send(body);
  }
}

/** Fastify's own codes for a request body it could not take. */
const BODY_ERRORS: Record<string, { message: string; field?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { message: 'Malformed JSON in request body', field: 'is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { message: 'The request body is empty but its Content-Type says JSON', field: 'is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { message: 'Unsupported Content-Type: send JSON (application/json)' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { message: 'The Content-Length does not match the body' },
};

function errorBody(exception: unknown): Body {
  const cause = (exception instanceof HttpException ? exception.cause : exception) as { statusCode?: number; code?: string; message?: string } | undefined;
  const known = typeof cause?.code === 'string' ? BODY_ERRORS[cause.code] : undefined;
  if (known) {
    const status = cause!.statusCode ?? 400;
    const message = cause!.code === 'FST_ERR_CTP_INVALID_JSON_BODY' && cause!.message ? `${known.message}: ${cause!.message}` : known.message;
    return { statusCode: status, code: codeOf(status), message, ...(known.field ? { errors: { body: known.field } } : {}) };
  }
  if (exception instanceof AppError) {
    return { statusCode: HTTP_STATUS[exception.code], code: exception.code, message: exception.message, ...(exception.errors ? { errors: exception.errors } : {}), ...exception.details };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const r = exception.getResponse();
    const message = typeof r === 'string' ? r : Array.isArray((r as any).message) ? (r as any).message.join('; ') : ((r as any).message ?? exception.message);
    return { statusCode: status, code: codeOf(status), message };
  }
  // Other errors that carry a client status of their own (a plugin's).
  const status = cause?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { statusCode: status, code: codeOf(status), message: cause?.message ?? 'Bad request' };
  if (exception instanceof QueryFailedError) {
    const mapped = fromDatabase(exception);
    if (mapped) return mapped;
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' };
}

function codeOf(status: number): string {
  return ({ 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' } as Record<number, string>)[status] ?? 'ERROR';
}
