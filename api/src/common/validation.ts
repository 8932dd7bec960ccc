import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidateIf } from 'class-validator';
import { validationError, type FieldErrors } from './errors.js';
import { text, words, type Text } from './localize.js';
import type { MessageKey } from './messages.js';

/**
 * A decorator's own message, by catalogue code, where the constraint's name alone says too little
 * (`@Matches(PHONE, explain('phoneFormat'))`: which format). Carried in class-validator's `context`.
 */
export const explain = (key: MessageKey) => ({ context: { message: key } });

/** The bounds and values a decorator was given (`@MaxLength(200)` → [200]), from class-validator's metadata. */
function decoratorOf(err: ValidationError, name: string): { constraints: unknown[]; each: boolean } {
  const target = err.target?.constructor;
  const meta = target
    ? getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .find((m) => m.propertyName === err.property && (m.name === name || m.type === name))
    : undefined;
  return { constraints: meta?.constraints ?? [], each: meta?.each ?? false };
}

/** One refused constraint as a catalogue message, by class-validator's constraint name. */
export function whyOf(err: ValidationError, name: string): Text {
  const own = (err.contexts?.[name] as { message?: MessageKey } | undefined)?.message;
  if (own) return text(own);
  const { constraints, each } = decoratorOf(err, name);
  const [first] = constraints;
  switch (name) {
    case 'isNotEmpty':
      return text('required');
    case 'isInt':
      return text('wholeNumber');
    case 'isNumber':
      return text('number');
    case 'isString':
      return text('text');
    case 'isBoolean':
      return text('boolean');
    case 'isArray':
      return text('list');
    case 'isObject':
      return text('object');
    case 'arrayUnique':
      return text('uniqueItems');
    case 'isLatitude':
      return text('latitude');
    case 'isLongitude':
      return text('longitude');
    case 'minLength':
      // A required text left empty is "required", not "at least 1 character".
      return first === 1 ? text('notEmpty') : text('minLength', { min: first as number });
    case 'maxLength':
      return text('maxLength', { max: first as number });
    case 'min':
      return text('min', { min: first as number });
    case 'max':
      return text('max', { max: first as number });
    case 'isIn': {
      const values = words('any', ((first as readonly unknown[] | undefined) ?? []).map(String));
      return text(each ? 'eachOneOf' : 'oneOf', { values });
    }
    default:
      return text('format');
  }
}

/** Flattens class-validator errors to `{ "field.sub": why }`, the first refused constraint per field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const err of errors) {
    const path = prefix ? `${prefix}.${err.property}` : err.property;
    const [name] = Object.keys(err.constraints ?? {});
    if (name) out[path] = whyOf(err, name);
    if (err.children?.length) Object.assign(out, flattenValidationErrors(err.children, path));
  }
  return out;
}

/**
 * Nest's pipe would turn a path parameter typed `number` into one by `+value` before the parameter's own pipe
 * sees it, so `+1`, `0x10`, `1e2` and ` 1` all reached record 1 (or 16, or 100). Path parameters are left as
 * written, for their own pipe (`IdPipe`) to accept only the canonical form.
 */
class BodyValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata) {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** The global pipe: transforms to DTO classes, strips unknown properties, answers `{message, errors}`. */
export function createValidationPipe(expectedType?: new (...args: any[]) => unknown) {
  return new BodyValidationPipe({
    expectedType,
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    // The target (the DTO) names the decorators' bounds; neither it nor the value is ever sent back.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationError(flattenValidationErrors(errors)),
  });
}

/**
 * A field that may be left out but, when sent, must be valid: unlike `@IsOptional()`, `null` is not "left out"
 * (it went on to a NOT NULL column or a `.length` as a 500). For fields that may be cleared, `@IsOptional()`.
 */
export const OmitOrSet = () => ValidateIf((_object, value) => value !== undefined);
