import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
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

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): Body {
    if (exception instanceof AppError) {
      return { statusCode: HTTP_STATUS[exception.code], code: exception.code, message: exception.message, ...(exception.errors ? { errors: exception.errors } : {}), ...exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const r = exception.getResponse();
      const message = typeof r === 'string' ? r : Array.isArray((r as any).message) ? (r as any).message.join('; ') : ((r as any).message ?? exception.message);
      // Express's JSON body parser failing surfaces here as a 400 caused by a SyntaxError.
      if (status === 400 && (exception.cause instanceof SyntaxError || /JSON/.test(message))) {
        return { statusCode: 400, code: 'BAD_REQUEST', message: `Malformed JSON in request body: ${message}`, errors: { body: 'is not valid JSON' } };
      }
      return { statusCode: status, code: codeOf(status), message };
    }
    // body-parser errors (malformed JSON, too large) carry a status and a type.
    const e = exception as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = e.type === 'entity.parse.failed' ? 'Malformed JSON in request body' : e.type === 'entity.too.large' ? 'Request body is too large' : (e.message ?? 'Bad request');
      return { statusCode: status, code: codeOf(status), message, ...(e.type === 'entity.parse.failed' ? { errors: { body: 'is not valid JSON' } } : {}) };
    }
    if (exception instanceof QueryFailedError) {
      const mapped = fromDatabase(exception);
      if (mapped) return mapped;
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error' };
  }
}

function codeOf(status: number): string {
  return ({ 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' } as Record<number, string>)[status] ?? 'ERROR';
}
