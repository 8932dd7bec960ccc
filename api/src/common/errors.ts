/**
 * Typed application errors. Services throw these; one exception filter maps them to HTTP
 * (`{message, code, errors?}`), so no service knows about status codes.
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
};

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const validationError = (errors: FieldErrors, message = 'Validation failed') =>
  new AppError(ErrorCode.Validation, `${message}: ${Object.entries(errors).map(([f, why]) => `${f} ${why}`).join('; ')}`, errors);

export const fieldError = (field: string, why: string) => validationError({ [field]: why });

export const notFound = (what: string, id: unknown) => new AppError(ErrorCode.NotFound, `${what} ${String(id)} not found`);

export const forbidden = (message = 'You are not allowed to do this') => new AppError(ErrorCode.Forbidden, message);

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.Conflict, message, undefined, details);
