import type { ActionSpec } from './ActionDialog';

/** A message key and its arguments, as react-admin's translate takes them. */
export type Problem = [key: string, args?: Record<string, unknown>];

/** The extension days the API accepts (DOMAIN.md: 1 to 60 working days). */
export const EXTENSION_DAYS = { min: 1, max: 60 };

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/**
 * What is wrong with an action dialog's values, by field, before anything is sent: required fields left
 * empty (text of spaces is empty), days outside 1–60, a comment without its note. Empty when all is well.
 */
export function actionProblems(spec: ActionSpec, values: Record<string, unknown>): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const f of spec.fields) {
    const v = values[f.name];
    if (f.required && isEmpty(v)) problems[f.name] = ['ra.validation.required'];
    else if (f.type === 'days' && !isEmpty(v) && !(Number.isInteger(v) && (v as number) >= EXTENSION_DAYS.min && (v as number) <= EXTENSION_DAYS.max)) {
      problems[f.name] = ['app.validation.days_range', EXTENSION_DAYS];
    }
  }
  if (spec.action === 'comment' && isEmpty(values.note)) problems.note = ['ra.validation.required'];
  return problems;
}
