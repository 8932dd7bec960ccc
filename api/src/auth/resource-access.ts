import type { Role } from '../users/user.entity.js';

/** What react-admin asks of a resource: list and show (read), create, edit, delete. */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete';

interface ResourceRoles {
  read: Role[] | null;
  write: Role[];
  /** `false`: never deleted (records that history points to), by anyone. */
  remove: Role[] | false;
}

/**
 * Who may do what to each CRUD resource, as its controller declares it. The console asks this (through the
 * signed-in user's `permissions`) instead of keeping its own copy of the rules, so it shows no button the API
 * would refuse and requests nothing a role may not read.
 */
const resources = new Map<string, ResourceRoles>();

export function declareResource(resource: string, roles: ResourceRoles): void {
  resources.set(resource, roles);
}

/** The route guard's rule: administrators may do everything; `null` read roles mean every signed-in user. */
const allows = (role: Role, roles: Role[] | null) => role === 'admin' || roles === null || roles.includes(role);

/** `{cases: ['list', 'show', 'create', 'edit'], …}` for one role. */
export function resourceAccess(role: Role): Record<string, ResourceAction[]> {
  const out: Record<string, ResourceAction[]> = {};
  for (const [name, r] of [...resources].sort(([a], [b]) => a.localeCompare(b))) {
    const actions: ResourceAction[] = [];
    if (allows(role, r.read)) actions.push('list', 'show');
    if (allows(role, r.write)) actions.push('create', 'edit');
    if (r.remove && allows(role, r.remove)) actions.push('delete');
    out[name] = actions;
  }
  return out;
}
