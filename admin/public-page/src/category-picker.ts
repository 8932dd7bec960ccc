import { matchCategories, type PublicCategory } from './categories';
import { field, h } from './dom';
import { fill } from './words';
import type { PageWords } from './words';

/**
 * 诉求分类: a search box over the public categories and the matches as large choices; once one is chosen the list
 * folds to that one line with 重新选择, so the rest of the form comes into view on a phone.
 */
export function categoryPicker(t: PageWords) {
  let all: PublicCategory[] = [];
  let chosen: PublicCategory | null = null;
  const search = h('input', { type: 'search', placeholder: t.ask.categorySearch, autocomplete: 'off', enterKeyHint: 'search' });
  const f = field(t.ask.category, search);
  const list = h('div', { class: 'category-list', role: 'radiogroup', 'aria-label': t.ask.categoryMatches });
  const chosenLine = h('div', { class: 'chosen', hidden: true });
  f.wrap.insertBefore(list, f.wrap.querySelector('.problem'));
  f.wrap.insertBefore(chosenLine, list);

  const choose = (c: PublicCategory | null) => {
    chosen = c;
    search.hidden = list.hidden = c !== null;
    chosenLine.hidden = c === null;
    chosenLine.replaceChildren();
    if (c) {
      f.setProblem(null);
      const again = h('button', { type: 'button', class: 'link', onclick: () => (choose(null), search.focus()) }, t.ask.categoryChange);
      chosenLine.append(h('span', {}, fill(t.ask.categoryChosen, { name: c.fullName })), again);
    }
  };

  const draw = () => {
    const found = matchCategories(all, search.value);
    list.replaceChildren(
      ...found.map((c) =>
        h('label', { class: 'option category' }, h('input', { type: 'radio', name: 'category', value: String(c.id), onchange: () => choose(c) }), h('span', {}, c.name), h('small', {}, c.group === c.name ? '' : c.group)),
      ),
    );
    if (found.length === 0) list.append(h('p', { class: 'hint' }, t.ask.categoryNone));
  };
  search.addEventListener('input', draw);

  return {
    wrap: f.wrap,
    setProblem: f.setProblem,
    focus: () => (chosen ? chosenLine.querySelector('button')?.focus() : search.focus()),
    load(categories: PublicCategory[]) {
      all = categories;
      draw();
    },
    value: () => chosen?.id ?? null,
    reset() {
      search.value = '';
      choose(null);
      draw();
    },
  };
}
