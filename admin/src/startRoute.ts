import { getToken } from './authProvider';

/**
 * Opening the console with no session goes straight to the login route, before react-admin mounts.
 * Left to react-admin, a failed `checkAuth` on `/` redirected to the login route hundreds of times over
 * 10–17 s (each redirect re-rendered the routes, which checked again) before the form stayed on screen.
 * The page asked for is kept where react-admin's login looks for it (react-router's `usr` state), so a
 * signed-out user who opens a case link lands on that case after signing in.
 */
export function startAtLoginWithoutSession(win: Window = window): void {
  if (getToken()) return;
  const asked = win.location.hash.replace(/^#/, '') || '/';
  const [pathname, search = ''] = asked.split('?');
  if (pathname === '/login') return;
  const next = pathname === '/' ? {} : { nextPathname: pathname, nextSearch: search ? `?${search}` : '' };
  win.history.replaceState({ usr: next, key: 'default', idx: 0 }, '', `${win.location.pathname}${win.location.search}#/login`);
}
