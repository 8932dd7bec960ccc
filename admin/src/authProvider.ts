import type { AuthProvider } from 'react-admin';
import { requestLanguage } from './i18n';
import { landingPath } from './todo/buckets';

const TOKEN = 'tracker.token';
const USER = 'tracker.user';

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: 'admin' | 'supervisor' | 'dispatcher' | 'grid_worker' | 'handler';
  scopeUnitId: number | null;
  departmentId: number | null;
  /** What the role may do to each resource (`{cases: ['list', 'show', 'create', 'edit']}`), as the API enforces it. */
  permissions?: Record<string, string[]>;
  /** The channel intake presets (the user's own setting). */
  defaultChannelId?: number | null;
  /** May export full phones and addresses (granted by an admin; the API checks it on every export). */
  canExportPersonalData?: boolean;
}

export const getToken = () => localStorage.getItem(TOKEN);
export const getUser = (): SessionUser | null => JSON.parse(localStorage.getItem(USER) ?? 'null');
/** A new token for this tab after the user's own password change (which ended every earlier one). */
export const replaceSession = (token: string, user: SessionUser) => {
  localStorage.setItem(TOKEN, token);
  localStorage.setItem(USER, JSON.stringify(user));
};
/** Keeps the stored session user in step with a setting the user just changed. */
export const updateSessionUser = (patch: Partial<SessionUser>) => {
  const user = getUser();
  if (user) localStorage.setItem(USER, JSON.stringify({ ...user, ...patch }));
};

/** The signed-in user's permissions, fetched once if the stored session predates them. */
async function resourcePermissions(): Promise<Record<string, string[]>> {
  const user = getUser();
  if (user?.permissions) return user.permissions;
  const res = await fetch('/api/auth/me', { headers: { Authorization: `Bearer ${getToken()}` } });
  if (!res.ok) return {};
  const fresh = (await res.json()) as SessionUser;
  localStorage.setItem(USER, JSON.stringify(fresh));
  return fresh.permissions ?? {};
}

/**
 * react-admin asks before it shows a button, a menu entry or a page: the answer is the API's own rule, so no
 * role sees 编辑 or 删除 that the server would refuse. Actions the API does not name (export, clone) follow
 * reading or writing; custom pages (no resource in the map) decide for themselves.
 */
export async function canAccessResource(permissions: Record<string, string[]>, resource: string, action: string): Promise<boolean> {
  const allowed = permissions[resource];
  if (!allowed) return true;
  if (action === 'export') return allowed.includes('list');
  if (action === 'clone') return allowed.includes('create');
  return allowed.includes(action);
}

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': requestLanguage() }, body: JSON.stringify({ username, password }) });
    if (!res.ok) {
      // Too many attempts (429) comes with the API's own words saying when to try again; show those.
      const message = res.status === 429 ? ((await res.json().catch(() => null)) as { message?: string } | null)?.message : undefined;
      throw new Error(message ?? (res.status === 401 ? 'ra.auth.sign_in_error' : 'ra.notification.http_error'));
    }
    const { token, user } = await res.json();
    localStorage.setItem(TOKEN, token);
    localStorage.setItem(USER, JSON.stringify(user));
    // A page the user was sent away from (an expired session on a case link) wins; otherwise land by role.
    // react-admin keeps that page in the login route's history state (react-router stores it under `usr`).
    const next = (window.history.state as { usr?: { nextPathname?: string } } | null)?.usr?.nextPathname;
    return next ? undefined : { redirectTo: landingPath(user.role) };
  },
  async logout() {
    const token = getToken();
    const signingOut = !!token;
    // Revokes the token on the server (and the user's other sessions with it), so a copy of it is worth nothing.
    // Best effort: a server that cannot be reached does not keep the user signed in here.
    if (token) await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
    localStorage.removeItem(TOKEN);
    localStorage.removeItem(USER);
    // The sign-in form is the page's own (index.html), so a fresh load shows it. Signing out starts from `/`;
    // a session that ran out (a 401, token already gone) keeps the address to return to after signing in again.
    if (signingOut) window.location.replace(`${window.location.pathname}${window.location.search}`);
    else window.location.reload();
    return false;
  },
  async checkAuth() {
    if (!getToken()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error) {
    // 401: the session is over. 403 only means this one thing is not allowed.
    if (error?.status === 401) {
      localStorage.removeItem(TOKEN);
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.name };
  },
  async getPermissions() {
    return getUser()?.role;
  },
  async canAccess({ resource, action }) {
    if (!getToken()) return false;
    return canAccessResource(await resourcePermissions(), resource, action);
  },
};
