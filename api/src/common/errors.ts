import { render, text, words, type Params, type Text } from './localize.js';
import type { MessageKey } from './messages.js';

/**
 * Typed application errors. Services throw these; one exception filter maps them to HTTP
 * (`{message, code, errors?}`), so no service knows about status codes. Messages are catalogue codes with
 * parameters (common/messages.ts), rendered in the request's language by the filter.
 */
export enum ErrorCode {
  BadRequest = 'BAD_REQUEST',
  Validation = 'VALIDATION_FAILED',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  StaleVersion = 'STALE_VERSION',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  Unavailable = 'SERVICE_UNAVAILABLE',
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.Validation]: 400,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.IllegalTransition]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
};

/** Why each field was refused, as messages to render: `{gridUnitId: text('wholeNumber')}`. */
export type FieldErrors = Record<string, Text>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    readonly errors?: FieldErrors,
    readonly details?: Record<string, unknown>,
    /** Response headers the answer carries (`Retry-After` on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    // In English for logs and for code that reads `message`; answers are rendered per request.
    super(render(text, 'en'));
  }
}

/** One message naming every refused field: "Validation failed: title must not be empty; …". */
export const validationError = (errors: FieldErrors) =>
  new AppError(
    ErrorCode.Validation,
    text('validationFailed', { details: Object.entries(errors).map(([field, why]) => text('fieldWhy', { field: words('field', field), why })) }),
    errors,
  );

export const fieldError = (field: string, key: MessageKey, params?: Params) => validationError({ [field]: text(key, params) });

/** `what` is the record's English label (a service's `label`); Chinese answers name it in Chinese. */
export const notFound = (what: string, id: unknown) => new AppError(ErrorCode.NotFound, text('notFound', { what: words('record', what), id: String(id) }));

export const forbidden = (key: MessageKey = 'forbidden', params?: Params) => new AppError(ErrorCode.Forbidden, text(key, params));

export const conflict = (key: MessageKey, params?: Params, details?: Record<string, unknown>) => new AppError(ErrorCode.Conflict, text(key, params), undefined, details);

/** An answer that tells the client when to try again: `Retry-After` in whole seconds (at least 1), the same figure the message may name. */
const retryLater = (code: ErrorCode, key: MessageKey, retryAfterSeconds: number, params?: Params) =>
  new AppError(code, text(key, params), undefined, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/** 429 with `Retry-After`: too many attempts (the login throttle). */
export const tooManyRequests = (key: MessageKey, retryAfterSeconds: number, params?: Params) => retryLater(ErrorCode.TooManyRequests, key, retryAfterSeconds, params);

/** 503 with `Retry-After`: the server could not answer in time now (a report past its time limit). */
export const unavailable = (key: MessageKey, retryAfterSeconds: number, params?: Params) => retryLater(ErrorCode.Unavailable, key, retryAfterSeconds, params);
