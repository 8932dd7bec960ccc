import type { AuthProvider } from 'react-admin';
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
  /** The channel intake presets (the user's own setting). */
  defaultChannelId?: number | null;
}

export const getToken = () => localStorage.getItem(TOKEN);
export const getUser = (): SessionUser | null => JSON.parse(localStorage.getItem(USER) ?? 'null');
/** Keeps the stored session user in step with a setting the user just changed. */
export const updateSessionUser = (patch: Partial<SessionUser>) => {
  const user = getUser();
  if (user) localStorage.setItem(USER, JSON.stringify({ ...user, ...patch }));
};

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!res.ok) throw new Error(res.status === 401 ? 'ra.auth.sign_in_error' : 'ra.notification.http_error');
    const { token, user } = await res.json();
    localStorage.setItem(TOKEN, token);
    localStorage.setItem(USER, JSON.stringify(user));
    // A page the user was sent away from (an expired session on a case link) wins; otherwise land by role.
    // react-admin keeps that page in the login route's history state (react-router stores it under `usr`).
    const next = (window.history.state as { usr?: { nextPathname?: string } } | null)?.usr?.nextPathname;
    return next ? undefined : { redirectTo: landingPath(user.role) };
  },
  async logout() {
    localStorage.removeItem(TOKEN);
    localStorage.removeItem(USER);
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
};
