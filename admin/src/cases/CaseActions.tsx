/**
 * Where the workflow's action buttons go (the allowed actions from GET /api/cases/:id/actions).
 * Empty until the workflow endpoints exist.
 */
export const CaseActions = () => null;
