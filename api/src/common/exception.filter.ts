import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { AppError, HTTP_STATUS } from './errors.js';
import { MAX_JSON_DEPTH } from './json-body.js';
import { localeOf, render, text, words, type Locale, type Text } from './localize.js';
import type { MessageKey } from './messages.js';

interface Body {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  [k: string]: unknown;
}

/** Unique, foreign-key and not-null violations are the client's fault when they reach us; say which. */
function fromDatabase(err: QueryFailedError, locale: Locale): Body | undefined {
  const e = err as QueryFailedError & { code?: string; detail?: string; constraint?: string };
  const raw = `${e.message} ${e.detail ?? ''}`;
  if (e.code === '23505' || /UNIQUE constraint failed/i.test(raw)) {
    const field = /\((\w+)\)=/.exec(raw)?.[1] ?? /UNIQUE constraint failed: \w+\.(\w+)/.exec(raw)?.[1] ?? 'id';
    const why = text('alreadyTaken');
    return { statusCode: 409, code: 'CONFLICT', message: render(text('fieldWhy', { field: words('field', field), why }), locale), errors: { [field]: render(why, locale) } };
  }
  // A number past the column's range, or text PostgreSQL cannot read as the column's type: input the checks
  // before the database let through (SQLite stores such values as they come). Never a 500.
  if (e.code === '22003' || e.code === '22P02' || e.code === '22007' || e.code === '22008') {
    return { statusCode: 400, code: 'BAD_REQUEST', message: render(text('valueOutOfRange'), locale) };
  }
  if (e.code === '23503' || /FOREIGN KEY constraint failed/i.test(raw)) {
    return { statusCode: 409, code: 'CONFLICT', message: render(text('referenced'), locale) };
  }
  return undefined;
}

/**
 * Every error as one JSON shape: `{statusCode, code, message, errors?}`; never a stack trace; in the language
 * of the request's `Accept-Language` (Chinese unless English is preferred). Errors raised before a route runs
 * (a body that is not JSON, too large, of a type no parser takes) come from Fastify, through Nest's error
 * handler (as HttpExceptions caused by them), and are shaped the same way.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const body = errorBody(exception, localeOf(request?.headers?.['accept-language']), request);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // A download already under way (the reply taken over, the headers sent) can only be cut short.
    if (reply.sent || reply.raw.headersSent) return;
    if (exception instanceof AppError && exception.headers) void reply.headers(exception.headers);
    void reply.status(body.statusCode).send(body);
  }
}

/** Fastify's own codes for a request body it could not take. */
const BODY_ERRORS: Record<string, { message: MessageKey; field?: MessageKey }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { message: 'malformedJson', field: 'invalidJson' },
  JSON_TOO_DEEP: { message: 'jsonTooDeep', field: 'format' },
  JSON_PROTOTYPE_KEY: { message: 'prototypeKey', field: 'format' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { message: 'emptyJsonBody', field: 'isEmpty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { message: 'bodyTooLarge' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { message: 'unsupportedMediaType' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { message: 'contentLengthMismatch' },
};

/** The plain message of a status, where no more is known. */
const STATUS_MESSAGES: Record<number, MessageKey> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFoundPlain',
  405: 'methodNotAllowed',
  409: 'conflict',
  413: 'bodyTooLarge',
  415: 'unsupportedMediaType',
  429: 'tooManyRequests',
};

function renderFields(errors: Record<string, Text>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, why]) => [field, render(why, locale)]));
}

/** The JSON answer for an error, as every route gives it (also for hooks outside Nest's routes). */
export function errorBody(exception: unknown, locale: Locale, request?: FastifyRequest): Body {
  const cause = (exception instanceof HttpException ? exception.cause : exception) as { statusCode?: number; code?: string; message?: string } | undefined;
  const known = typeof cause?.code === 'string' ? BODY_ERRORS[cause.code] : undefined;
  if (known) {
    const status = cause!.statusCode ?? 400;
    return { statusCode: status, code: codeOf(status), message: render(text(known.message, { max: MAX_JSON_DEPTH }), locale), ...(known.field ? { errors: { body: render(text(known.field), locale) } } : {}) };
  }
  if (exception instanceof AppError) {
    const errors = exception.errors ? { errors: renderFields(exception.errors, locale) } : {};
    return { statusCode: HTTP_STATUS[exception.code], code: exception.code, message: render(exception.text, locale), ...errors, ...exception.details };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest's "Cannot GET /api/nowhere": no route.
    if (status === 404 && request && /^Cannot \w+ /.test(exception.message)) {
      return { statusCode: status, code: codeOf(status), message: render(text('routeNotFound', { method: request.method, path: request.url.split('?')[0] }), locale) };
    }
    return { statusCode: status, code: codeOf(status), message: plain(status, locale, exception.message) };
  }
  // Other errors that carry a client status of their own (a plugin's).
  const status = cause?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { statusCode: status, code: codeOf(status), message: plain(status, locale, cause?.message) };
  if (exception instanceof QueryFailedError) {
    const mapped = fromDatabase(exception, locale);
    if (mapped) return mapped;
  }
  return { statusCode: 500, code: 'INTERNAL', message: render(text('internal'), locale) };
}

/** A framework's or plugin's own message is English: kept for English, replaced by the status's words for Chinese. */
function plain(status: number, locale: Locale, own?: string): string {
  if (locale === 'en' && own) return own;
  return render(text(STATUS_MESSAGES[status] ?? (status >= 500 ? 'internal' : 'badRequest')), locale);
}

function codeOf(status: number): string {
  return ({ 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'TOO_MANY_REQUESTS' } as Record<number, string>)[status] ?? 'ERROR';
}
