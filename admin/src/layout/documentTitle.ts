/** What a page is called in the browser's tab, from its address; null where the app name alone fits. */
export type PagePart = { key: string; args?: Record<string, unknown> } | null;

const CUSTOM_PAGES: Record<string, string> = { todo: 'app.todo.title', reports: 'app.reports.title', 'daily-report': 'app.daily.title' };

/**
 * `#/cases` → 诉求工单, `#/cases/12/show` → 诉求工单 12, `#/cases/create` → 新建诉求工单, `#/` → 工作台: the words as
 * translation keys, so the tab speaks the console's language. `resources` are the names the console has.
 */
export function pageTitleOf(pathname: string, resources: readonly string[]): PagePart {
  const [first = '', second, third] = pathname.split('/').filter(Boolean);
  if (!first) return { key: 'ra.page.dashboard' };
  if (CUSTOM_PAGES[first]) return { key: CUSTOM_PAGES[first] };
  if (!resources.includes(first)) return null;
  const name = `resources.${first}.name`;
  if (second === 'create') return { key: 'ra.page.create', args: { name } };
  if (second && (third === 'show' || third === undefined)) return { key: name, args: { id: second } };
  return { key: name };
}

/** `诉求工单 · 有诉必应`: the page first (the tab is narrow), then the app. */
export const documentTitle = (page: string | null, app: string) => (page ? `${page} · ${app}` : app);
