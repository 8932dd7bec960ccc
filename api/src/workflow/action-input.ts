import { validationError, type FieldErrors } from '../common/errors.js';
import { text } from '../common/localize.js';

/** The ids an action's body may name; only an assignee may be cleared with `null`. */
const ID_FIELDS = ['departmentId', 'assigneeId', 'intoCaseId', 'articleId'] as const;
const TEXT_FIELDS = ['note', 'result', 'reason'] as const;

/**
 * The JSON types of an action's body, before anything reads it: an object where a note belongs, a list where an
 * id belongs, `1e400` for a number are a 400 naming the field (they reached `String()` and the database as a
 * 500). Which fields an action requires, and their values, are checked by its effect (effects.ts).
 */
export function checkActionInput(body: Record<string, unknown>): void {
  const errors: FieldErrors = {};
  for (const f of TEXT_FIELDS) {
    if (body[f] != null && typeof body[f] !== 'string') errors[f] = text('text');
  }
  for (const f of ID_FIELDS) {
    const v = body[f];
    if (v === undefined || (v === null && f === 'assigneeId')) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) errors[f] = text('wholeNumber');
  }
  if (body.resolved != null && typeof body.resolved !== 'boolean') errors.resolved = text('boolean');
  if (body.resumeOn != null && typeof body.resumeOn !== 'string') errors.resumeOn = text('date');
  if (body.days != null && (typeof body.days !== 'number' || !Number.isSafeInteger(body.days))) errors.days = text('wholeNumber');
  for (const f of ['satisfaction', 'level'] as const) {
    if (body[f] != null && typeof body[f] !== 'string' && typeof body[f] !== 'number') errors[f] = text('text');
  }
  if (Object.keys(errors).length) throw validationError(errors);
}
