import './page.css';
import { publicApi, type Entry } from './api';
import { askView } from './ask-view';
import { h } from './dom';
import { followView } from './follow-view';
import { problemText } from './problems';
import { rateView } from './rate-view';
import type { Asked } from './saved';
import { langOf, wordsFor } from './words';

/**
 * The residents' page at `/m/` (its link: `/m/?entry=<channel code>&unit=<grid unit id>`): 我要反映, 查询进度 and
 * 评价 as three tabs of one page, the tab in the address's hash (#ask, #follow, #rate) so the back button works.
 */
type Tab = 'ask' | 'follow' | 'rate';
const TABS: Tab[] = ['ask', 'follow', 'rate'];

const params = new URLSearchParams(location.search);
const lang = langOf(location.search);
const t = wordsFor(lang);
const api = publicApi(lang, t.error);
document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';

async function start(root: HTMLElement) {
  const problem = h('p', { class: 'problem form-problem', role: 'alert' });
  root.replaceChildren(h('main', { class: 'loading' }, problem));
  let entries: Entry[];
  let categories, places;
  try {
    [entries, categories, places] = await Promise.all([api.entries(), api.categories(), api.places()]);
  } catch (err) {
    problem.textContent = problemText(t, err);
    root.firstElementChild?.append(h('button', { type: 'button', class: 'secondary', onclick: () => start(root) }, t.error.retry));
    return;
  }
  // The link's entry when it is open, else the first residents' one (the API does the same for a missing entry).
  const entry: Entry = entries.find((e) => e.code === params.get('entry')) ?? entries.find((e) => !e.enterprise) ?? entries[0] ?? { code: '', name: '', enterprise: false };
  const unit = Number(params.get('unit')) || null;

  let open: Tab = 'ask';
  const go = (tab: Tab, asked?: Asked, how: 'pushState' | 'replaceState' = 'pushState') => {
    open = tab;
    if (location.hash !== `#${tab}`) history[how](null, '', `#${tab}`);
    for (const x of TABS) {
      views[x].view.hidden = x !== tab;
      buttons[x].setAttribute('aria-current', x === tab ? 'page' : 'false');
    }
    void views[tab].shown(asked);
    scrollTo(0, 0);
  };
  const views = {
    ask: askView(t, api, entry, (asked) => go('follow', asked)),
    follow: followView(t, api, (asked) => go('rate', asked)),
    rate: rateView(t, api, (asked) => views.follow.shown(asked)),
  };
  views.ask.load(categories, places, unit);
  const buttons = Object.fromEntries(TABS.map((x) => [x, h('a', { href: `#${x}`, class: 'tab', onclick: (e: Event) => (e.preventDefault(), go(x)) }, t.tabs[x])])) as Record<Tab, HTMLAnchorElement>;

  root.replaceChildren(
    h('header', {}, h('h1', {}, entry.enterprise ? t.enterpriseTitle : t.title), entry.name && !entry.enterprise ? h('p', {}, entry.name) : null),
    h('nav', { 'aria-label': t.title }, ...TABS.map((x) => buttons[x])),
    h('main', {}, ...TABS.map((x) => views[x].view)),
  );
  addEventListener('popstate', () => {
    const tab = location.hash.slice(1) as Tab;
    if (TABS.includes(tab) && tab !== open) go(tab);
  });
  const first = location.hash.slice(1) as Tab;
  go(TABS.includes(first) ? first : 'ask', undefined, 'replaceState');
}

void start(document.getElementById('app')!);
