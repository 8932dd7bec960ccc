import { fetchUtils, HttpError, type DataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { getToken } from './authProvider';
import { requestLanguage } from './i18n';

export const API_URL = '/api';

/**
 * The bearer token and the console's language as headers, for requests that are not JSON (uploads, file
 * downloads). Never put the token in a URL.
 */
export const authHeaders = (): Record<string, string> => {
  const token = getToken();
  return { 'Accept-Language': requestLanguage(), ...(token ? { Authorization: `Bearer ${token}` } : {}) };
};

/**
 * Every request carries the bearer token and the console's language; server errors `{message, errors}`, in
 * that language, reach forms as field errors.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  headers.set('Accept-Language', requestLanguage());
  return fetchUtils.fetchJson(url, { ...options, headers });
};

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * A save refused because someone else saved the record first (409 with the record as it is now, `current`)
 * reads as one plain sentence, in the console's words: the form's notification, never a silent overwrite.
 * Its field errors, if any (a form that sent no version), are dropped so that the notification shows.
 */
export function explainStaleSave(error: unknown): unknown {
  const e = error as { status?: number; body?: { current?: unknown } } | undefined;
  if (e?.status !== 409 || !e.body?.current) return error;
  return new HttpError('app.records.stale', 409, { ...e.body, errors: undefined });
}

export const dataProvider: DataProvider = {
  ...restProvider,
  update: (resource, params) =>
    restProvider.update(resource, params).catch((error: unknown) => {
      throw explainStaleSave(error);
    }),
};
