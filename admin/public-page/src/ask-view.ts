import { ApiError, type Entry, type PublicApi } from './api';
import { askBody, type AskBody, type FieldProblems } from './ask-form';
import { askedPanel } from './asked-panel';
import { categoryPicker } from './category-picker';
import { DESCRIPTION_MAX } from './checks';
import { field, h } from './dom';
import { photoPicker } from './photo-picker';
import { placePicker } from './place-picker';
import { prover } from './prover';
import { remember, type Asked } from './saved';
import { problemText } from './problems';
import type { PageWords } from './words';

/** 我要反映: the form, then the number and the code to keep. */
export function askView(t: PageWords, api: PublicApi, entry: Entry, onFollow: (asked: Asked) => void) {
  const proof = prover(api);
  const category = categoryPicker(t);
  const description = field(t.ask.description, h('textarea', { rows: 5, maxLength: DESCRIPTION_MAX }), t.ask.descriptionHint);
  const place = placePicker(t);
  const photos = photoPicker(t);
  const name = field(t.ask.name, h('input', { type: 'text', maxLength: 50, autocomplete: 'name' }));
  const phone = field(t.ask.phone, h('input', { type: 'tel', inputMode: 'numeric', maxLength: 13, autocomplete: 'tel' }));
  const company = field(t.ask.company, h('input', { type: 'text', maxLength: 100, autocomplete: 'organization' }));
  const creditCode = field(t.ask.creditCode, h('input', { type: 'text', maxLength: 18, autocapitalize: 'characters', autocomplete: 'off', spellcheck: false }));
  const submit = h('button', { type: 'submit', class: 'primary' }, t.ask.submit);
  const formProblem = h('p', { class: 'problem form-problem', role: 'alert' });
  const progress = h('p', { class: 'hint', 'aria-live': 'polite' });
  const enterpriseFields = entry.enterprise ? [company.wrap, creditCode.wrap] : [];
  const form = h('form', { noValidate: true, class: 'ask' }, category.wrap, description.wrap, place.wrap, photos.wrap, ...enterpriseFields, name.wrap, phone.wrap, formProblem, submit, progress);
  const view = h('section', { class: 'view', 'aria-label': t.tabs.ask }, form);

  form.addEventListener('input', () => (formProblem.textContent = ''));
  // 统一社会信用代码 is written in capitals: typed small, shown as it will be sent.
  creditCode.control.addEventListener('input', () => ((creditCode.control as HTMLInputElement).value = (creditCode.control as HTMLInputElement).value.toUpperCase()));
  const input = (f: { control: HTMLElement }) => (f.control as HTMLInputElement).value;
  const shown: Record<string, { setProblem(text: string | null): void; focus?(): void; control?: HTMLElement }> = {
    categoryId: category,
    description,
    gridUnitId: place,
    address: place,
    lat: place,
    lng: place,
    photos,
    name,
    phone,
    company,
    creditCode,
  };
  const showProblems = (problems: Record<string, string>) => {
    for (const p of new Set(Object.values(shown))) p.setProblem(null);
    const first = Object.keys(shown).find((k) => problems[k]);
    for (const [key, text] of Object.entries(problems)) shown[key]?.setProblem(text);
    if (first) (shown[first].control ?? shown[first]).focus?.();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submit.disabled || photos.busy()) return;
    formProblem.textContent = '';
    const { communityId, compoundId, address, location } = place.value();
    const checked = askBody({
      entry: entry.code,
      enterprise: entry.enterprise,
      categoryId: category.value(),
      description: input(description),
      communityId,
      compoundId,
      address,
      location,
      name: input(name),
      phone: input(phone),
      company: input(company),
      creditCode: input(creditCode),
      photos: photos.value(),
    });
    if ('problems' in checked) {
      showProblems(Object.fromEntries(Object.entries(checked.problems as FieldProblems).map(([k, why]) => [k, t.check[why]])));
      formProblem.textContent = t.error.form;
      return;
    }
    showProblems({});
    submit.disabled = true;
    try {
      const asked = await send(checked.body);
      remember(asked);
      view.replaceChildren(askedPanel(t, asked, () => onFollow(asked), again));
      view.querySelector('h2')?.focus();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) showProblems(err.fields);
      formProblem.textContent = problemText(t, err);
    } finally {
      submit.disabled = false;
      progress.textContent = '';
    }
  });

  /** Sends with a fresh proof of work; a refused proof (expired while the form was open) is solved again once. */
  async function send(body: AskBody) {
    for (let attempt = 1; ; attempt++) {
      progress.textContent = t.ask.proving;
      const solved = await proof.take();
      progress.textContent = t.ask.sending;
      try {
        return await api.ask({ ...body, ...solved });
      } catch (err) {
        const onlyTheProof = err instanceof ApiError && err.status === 400 && Object.keys(err.fields).join() === 'challenge';
        if (!onlyTheProof || attempt > 1) throw err;
      } finally {
        proof.warmUp();
      }
    }
  }

  function again() {
    category.reset();
    (description.control as HTMLTextAreaElement).value = '';
    place.reset();
    photos.reset();
    view.replaceChildren(form);
    category.focus();
  }

  return {
    view,
    shown: () => proof.warmUp(),
    load(data: Parameters<typeof category.load>[0], places: Parameters<typeof place.load>[0], unit: number | null) {
      category.load(data);
      place.load(places, unit);
    },
  };
}
