import { getToken, getUser } from './authProvider';
import { landingPath } from './todo/buckets';

/**
 * Mounts the console once there is a session. With none, index.html has already drawn its own sign-in form
 * (at once, before these scripts ran): the console waits for it to sign in, then opens where the user was
 * going. Left to react-admin, a failed `checkAuth` on `/` redirected to its login route hundreds of times over
 * 10–17 s before the form stayed on screen.
 */
export function startWhenSignedIn(mount: () => void, win: Window & { trackerSignedIn?: boolean } = window): void {
  if (getToken()) return mount();
  const start = () => {
    win.document.getElementById('sign-in')?.parentElement?.remove();
    placeAfterSignIn(win);
    mount();
  };
  if (win.trackerSignedIn) start();
  else win.addEventListener('tracker:signed-in', start, { once: true });
}

/**
 * A link into the console opened signed out (a colleague's case link) is kept; otherwise each role lands on its
 * own page: 我的待办 for those who work cases, 工作台 for those who oversee them.
 */
function placeAfterSignIn(win: Window): void {
  const asked = win.location.hash.replace(/^#/, '');
  if (asked && asked !== '/' && !asked.startsWith('/login')) return;
  win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}#${landingPath(getUser()?.role)}`);
}
