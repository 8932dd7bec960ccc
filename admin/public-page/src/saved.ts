/** The last request asked on this device, so that following it is one tap (the page's only stored data). */
const KEY = 'tracker.public.last';

export interface Asked {
  number: string;
  secret: string;
}

export function remember(asked: Asked): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ number: asked.number, secret: asked.secret }));
  } catch {
    // Private browsing may refuse storage: the resident still sees the number and the code on screen.
  }
}

export function lastAsked(): Asked | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return typeof v?.number === 'string' && typeof v?.secret === 'string' ? v : null;
  } catch {
    return null;
  }
}
