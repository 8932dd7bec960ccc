/** Enumerated values, as choices whose names are i18n keys (react-admin translates them). */
export const STATUSES = ['received', 'dispatched', 'in_progress', 'returned', 'replied', 'closed', 'merged', 'rejected'] as const;
export const OPEN_STATUSES = ['received', 'dispatched', 'in_progress', 'returned', 'replied'] as const;
export const TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export const PRIORITIES = ['normal', 'urgent'] as const;
export const GROUPS = ['hotline', 'online', 'community', 'linkage', 'enterprise'] as const;
export const LEVELS = ['subdistrict', 'community', 'zone', 'grid', 'compound', 'building'] as const;
export const ROLES = ['admin', 'supervisor', 'dispatcher', 'grid_worker', 'handler'] as const;
export const TAGS = ['elderly_alone', 'elderly_advanced', 'disabled', 'low_income', 'chronic_illness', 'children_in_difficulty', 'left_behind', 'veteran', 'party_member'] as const;
export const KINDS = ['government', 'enterprise', 'property', 'police', 'fire', 'utility', 'other'] as const;
export const RESOLVE_UNITS = ['hours', 'workdays'] as const;
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const SUPERVISE_LEVELS = ['yellow', 'red'] as const;

export const choices = (namespace: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `enums.${namespace}.${id}` }));
