import type { PublicApi, Satisfaction } from './api';
import { choices, field, h } from './dom';
import { problemText } from './problems';
import { lastAsked, type Asked } from './saved';
import type { PageWords } from './words';

/** 评价: after the unit's reply, the resident's own follow-up (resolved, satisfaction, a comment), once. */
export function rateView(t: PageWords, api: PublicApi, onRated: (asked: Asked) => void) {
  let asked: Asked | null = null;
  const about = h('p', { class: 'about' });
  const resolved = choices<'yes' | 'no'>(t.rate.resolved, 'resolved', [
    ['yes', t.rate.yes],
    ['no', t.rate.no],
  ]);
  const satisfaction = choices<Satisfaction>(t.rate.satisfaction, 'satisfaction', [
    ['satisfied', t.rate.satisfied],
    ['basically_satisfied', t.rate.basically_satisfied],
    ['unsatisfied', t.rate.unsatisfied],
  ]);
  const comment = field(t.rate.comment, h('textarea', { rows: 3, maxLength: 500 }));
  const problem = h('p', { class: 'problem form-problem', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t.rate.submit);
  const form = h('form', { noValidate: true, hidden: true }, h('p', {}, t.rate.intro), resolved.wrap, satisfaction.wrap, comment.wrap, problem, submit);
  const notice = h('p', { class: 'notice', 'aria-live': 'polite' });
  const view = h('section', { class: 'view', 'aria-label': t.tabs.rate }, about, notice, form);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!asked) return;
    const r = resolved.value();
    const s = satisfaction.value();
    resolved.setProblem(r ? null : t.check.choose);
    satisfaction.setProblem(s ? null : t.check.choose);
    problem.textContent = '';
    if (!r || !s) return;
    submit.disabled = true;
    try {
      const text = (comment.control as HTMLTextAreaElement).value.trim();
      const done = await api.rate(asked.number, { secret: asked.secret, resolved: r === 'yes', satisfaction: s, comment: text || undefined });
      form.hidden = true;
      // Not served (unresolved or unsatisfied) reopens the case, as a staff follow-up call would.
      notice.textContent = done.status === 'closed' ? t.rate.thanks : `${t.rate.thanks}${t.rate.reopened}`;
      onRated(asked);
    } catch (err) {
      problem.textContent = problemText(t, err);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    view,
    /** Shown for a request (the one just followed, else the last asked): its form when it may be rated now. */
    async shown(which?: Asked) {
      asked = which ?? asked ?? lastAsked();
      form.hidden = true;
      notice.textContent = '';
      about.textContent = asked?.number ?? '';
      if (!asked) return void (notice.textContent = t.rate.pickCase);
      try {
        const c = await api.follow(asked.number, asked.secret);
        about.textContent = `${c.number} · ${c.statusText}`;
        resolved.reset();
        satisfaction.reset();
        (comment.control as HTMLTextAreaElement).value = '';
        form.hidden = !c.canRate;
        if (!c.canRate) notice.textContent = t.rate.notYet;
      } catch (err) {
        notice.textContent = problemText(t, err);
      }
    },
  };
}
