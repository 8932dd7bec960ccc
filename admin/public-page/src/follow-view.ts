import type { Followed, PublicApi } from './api';
import { field, h } from './dom';
import { clock } from './format';
import { problemText } from './problems';
import { lastAsked, type Asked } from './saved';
import { fill, type PageWords } from './words';

/** 查询进度: number and code (the last asked ones a tap away), then the status and the public timeline. */
export function followView(t: PageWords, api: PublicApi, onRate: (asked: Asked) => void) {
  const number = field(t.follow.number, h('input', { type: 'text', autocomplete: 'off', spellcheck: false, maxLength: 20 }));
  const secret = field(t.follow.secret, h('input', { type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: false, maxLength: 20 }));
  const lastButton = h('button', { type: 'button', class: 'secondary last', hidden: true });
  const problem = h('p', { class: 'problem form-problem', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t.follow.submit);
  const result = h('div', { class: 'followed', 'aria-live': 'polite' });
  const form = h('form', { noValidate: true }, lastButton, number.wrap, secret.wrap, problem, submit);
  const view = h('section', { class: 'view', 'aria-label': t.tabs.follow }, form, result);
  const value = (f: typeof number) => (f.control as HTMLInputElement).value.trim();

  const look = async (asked: Asked) => {
    problem.textContent = '';
    number.setProblem(asked.number ? null : t.check.required);
    secret.setProblem(asked.secret ? null : t.check.required);
    if (!asked.number || !asked.secret) return;
    submit.disabled = true;
    result.replaceChildren(h('p', { class: 'hint' }, t.follow.loading));
    try {
      const followed = await api.follow(asked.number, asked.secret);
      result.replaceChildren(followedCase(t, followed, () => onRate(asked)));
    } catch (err) {
      result.replaceChildren();
      problem.textContent = problemText(t, err);
    } finally {
      submit.disabled = false;
    }
  };
  const fillIn = (asked: Asked) => {
    (number.control as HTMLInputElement).value = asked.number;
    (secret.control as HTMLInputElement).value = asked.secret;
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void look({ number: value(number), secret: value(secret) });
  });
  lastButton.addEventListener('click', () => {
    const last = lastAsked();
    if (last) fillIn(last), void look(last);
  });

  return {
    view,
    /** Shown: the last asked request offered; `asked` (from 提交成功's 查询进度) looked up at once. */
    shown(asked?: Asked) {
      const last = lastAsked();
      lastButton.hidden = !last;
      if (last) lastButton.textContent = fill(t.follow.last, { number: last.number });
      if (asked) fillIn(asked), void look(asked);
    },
  };
}

function followedCase(t: PageWords, c: Followed, rate: () => void): HTMLElement {
  const words = { true: t.rate.yes, false: t.rate.no };
  return h(
    'article',
    { class: 'case' },
    h('h2', {}, c.number),
    h('p', { class: `status status-${c.status}`, 'data-testid': 'status' }, c.statusText),
    h('dl', {}, h('dt', {}, t.follow.category), h('dd', {}, c.category), h('dt', {}, t.follow.receivedAt), h('dd', {}, clock(c.receivedAt))),
    h('h3', {}, t.follow.timeline),
    h('ol', { class: 'timeline' }, ...c.timeline.map((s) => h('li', { 'data-action': s.action }, h('time', { dateTime: s.at }, clock(s.at)), h('p', {}, s.text)))),
    c.rating ? h('p', { class: 'rated' }, fill(t.follow.rated, { resolved: words[`${c.rating.resolved}`], satisfaction: t.rate[c.rating.satisfaction] })) : null,
    c.canRate ? h('button', { type: 'button', class: 'primary', onclick: rate }, t.follow.rateIt) : null,
  );
}
