import { ValidationError, ValidationPipe } from '@nestjs/common';
import { validationError } from './errors.js';

/** Flattens class-validator errors to `{ "field.sub": "why" }`, first constraint per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const err of errors) {
    const path = prefix ? `${prefix}.${err.property}` : err.property;
    if (err.constraints) {
      const messages = Object.values(err.constraints);
      // class-validator phrases "title must be ..."; the field is already the key.
      out[path] = messages[0].startsWith(`${err.property} `) ? messages[0].slice(err.property.length + 1) : messages[0];
    }
    if (err.children?.length) Object.assign(out, flattenValidationErrors(err.children, path));
  }
  return out;
}

/** The global pipe: transforms to DTO classes, strips unknown properties, answers `{message, errors}`. */
export function createValidationPipe(expectedType?: new (...args: any[]) => unknown) {
  return new ValidationPipe({
    expectedType,
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationError(flattenValidationErrors(errors)),
  });
}
