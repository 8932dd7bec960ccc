import { fetchUtils } from 'react-admin';
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

export const dataProvider = simpleRestProvider(API_URL, httpClient);
