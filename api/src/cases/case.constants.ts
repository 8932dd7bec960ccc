/** The words of a case, as in DOMAIN.md. The lifecycle itself lives in workflow/. */
export const CASE_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CASE_STATUSES = ['received', 'dispatched', 'in_progress', 'returned', 'replied', 'closed', 'merged', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which work remains to be done. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'dispatched', 'in_progress', 'returned', 'replied'];
/** `('received', 'dispatched', …)`: the condition of the partial index idx_cases_open, as its migration writes it. */
export const OPEN_STATUSES_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'merged', 'rejected'];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const SUPERVISE_LEVELS = ['yellow', 'red'] as const;
export type SuperviseLevel = (typeof SUPERVISE_LEVELS)[number];

/** 红黄绿: green more than 24 h left, yellow within 24 h, red overdue. */
export type DueState = 'green' | 'yellow' | 'red';
