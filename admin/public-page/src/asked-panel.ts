import { h } from './dom';
import type { Asked } from './saved';
import type { PageWords } from './words';

/** After 提交: the number and the code, large, each with 复制, and the note to keep them. */
export function askedPanel(t: PageWords, asked: Asked, follow: () => void, again: () => void): HTMLElement {
  const line = (label: string, value: string, testId: string) => {
    const status = h('span', { class: 'copied', 'aria-live': 'polite' });
    const copy = h('button', { type: 'button', class: 'secondary', 'aria-label': `${t.ask.copy}${label}`, onclick: async () => (status.textContent = (await copyText(value)) ? t.ask.copied : t.ask.copyFailed) }, t.ask.copy);
    return h('div', { class: 'keep' }, h('span', { class: 'keep-label' }, label), h('strong', { class: 'keep-value', 'data-testid': testId }, value), copy, status);
  };
  return h(
    'div',
    { class: 'asked' },
    h('h2', { tabIndex: -1 }, t.ask.done),
    line(t.ask.number, asked.number, 'asked-number'),
    line(t.ask.secret, asked.secret, 'asked-secret'),
    h('p', { class: 'note' }, t.ask.doneNote),
    h('button', { type: 'button', class: 'primary', onclick: follow }, t.ask.followIt),
    h('button', { type: 'button', class: 'secondary', onclick: again }, t.ask.askAgain),
  );
}

/** The clipboard API needs a secure context (HTTPS); on plain HTTP the old selection copy still works. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}
