import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useResourceDefinitions, useTranslate } from 'react-admin';
import { documentTitle, pageTitleOf } from './documentTitle';

/** The app's short name in every tab title. */
const APP = 'app.short_title';

/** Keeps the browser tab's title on the page shown (`诉求工单 12 · 有诉必应`), so a row of tabs can be told apart. */
export const DocumentTitle = () => {
  const t = useTranslate();
  const { pathname } = useLocation();
  const resources = Object.keys(useResourceDefinitions());
  useEffect(() => {
    const part = pageTitleOf(pathname, resources);
    let page: string | null = null;
    if (part) {
      const args = part.args ?? {};
      const name = typeof args.name === 'string' ? t(args.name, { smart_count: 1, _: args.name }) : undefined;
      const plural = t(part.key, { smart_count: 2, ...args, ...(name ? { name } : {}) });
      page = part.args?.id ? `${plural} ${part.args.id}` : plural;
    }
    document.title = documentTitle(page, t(APP));
  }, [pathname, resources.join(), t]);
  return null;
};
