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

/** 红黄绿: green more than 24 h left, yellow within 24 h, red overdue; paused (已挂起) while the clocks stand still. */
export type DueState = 'green' | 'yellow' | 'red' | 'paused';

/** Why a handler asks to stop the clocks (挂起, DOMAIN.md "Pauses, returns, appeals"). */
export const PAUSE_REASONS = ['waiting_resident', 'third_party', 'weather_season', 'legal_procedure'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
/** A pause asked for and waiting for a supervisor, or approved and running. */
export type PauseState = 'requested' | 'paused';

/** Why a unit contests an unsatisfied or unresolved rating (申诉). */
export const APPEAL_REASONS = ['outside_duties', 'unreasonable_demand', 'malicious_caller', 'unreachable'] as const;
export type AppealReason = (typeof APPEAL_REASONS)[number];
export type AppealState = 'pending' | 'upheld' | 'rejected';
/** Working days after an unsatisfied or unresolved follow-up (or a first-level rejection) within which a unit may appeal. */
export const APPEAL_WORKDAYS = 3;
/** A case sent back more often than this is flagged for the supervisor (多次退单). */
export const BOUNCE_FLAG_AFTER = 2;
