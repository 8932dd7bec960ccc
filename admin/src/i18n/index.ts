import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { appEn } from './app-en';
import { appZh } from './app-zh';
import { raChinese } from './ra-zh';

export const messages = {
  zh: { ...raChinese, ...appZh },
  en: { ...englishMessages, ...appEn },
};

export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
];

/** Chinese first; the choice is remembered by react-admin's store. */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.zh), 'zh', LOCALES, { allowMissing: false });

/** The `Accept-Language` of every API request: the API answers its errors in the console's language. */
export const requestLanguage = () => (i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN');
