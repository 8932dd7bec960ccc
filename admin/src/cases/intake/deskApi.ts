import { API_URL, httpClient } from '../../dataProvider';

/** A past case as the intake desk shows it (phones masked by the API). */
export interface DeskCase {
  id: number;
  number: string;
  title: string;
  status: string;
  receivedAt: string;
  address: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
}

export interface Caller {
  id: number;
  name: string;
  phone: string | null;
  address: string | null;
  gridUnitId: number;
  tags: string[];
  lastCases: DeskCase[];
}

export interface Duplicate extends DeskCase {
  reason: 'same_place' | 'close_text';
  closeness: number;
}

const qs = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '') as [string, string][]).toString();

const getJson = async <T,>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;

/** Residents and past cases whose number starts with what was typed (3 digits or more). */
export const callersByPhone = (phone: string) => getJson<{ residents: Caller[]; cases: DeskCase[] }>(`/cases/by-phone?${qs({ phone })}`);

/** Open cases the request being logged may repeat. */
export const possibleDuplicates = (p: { categoryId?: number; gridUnitId?: number; title?: string; address?: string }) => getJson<Duplicate[]>(`/cases/duplicates?${qs(p)}`);

/** 并入此件: the request is logged and merged into `mergeIntoCaseId` in one go. */
export const mergeIntake = async (values: Record<string, unknown>, mergeIntoCaseId: number) =>
  (await httpClient(`${API_URL}/cases/merge-intake`, { method: 'POST', body: JSON.stringify({ ...values, mergeIntoCaseId }) })).json as { id: number; number: string };

/** The units for a dispatch of this category, its own first. */
export const dispatchUnits = (categoryId: number) => getJson<{ id: number; name: string; took: number; suggested: boolean }[]>(`/cases/dispatch-units?${qs({ categoryId })}`);

/** The signed-in user's own default channel. */
export const saveDefaultChannel = async (defaultChannelId: number | null) =>
  (await httpClient(`${API_URL}/auth/me/settings`, { method: 'PUT', body: JSON.stringify({ defaultChannelId }) })).json as { defaultChannelId: number | null };

/** A knowledge-base article offered at intake. */
export interface Suggestion {
  id: number;
  title: string;
  excerpt: string;
  categoryId: number | null;
  public: boolean;
  uses: number;
}

/** The articles in force for the category, or matching the words searched. */
export const articleSuggestions = (p: { categoryId?: number; q?: string }) => getJson<Suggestion[]>(`/article-suggestions?${qs(p)}`);

/** 用此答复: the consultation is logged and closed with the article in one go. */
export const answerIntake = async (values: Record<string, unknown>, articleId: number) =>
  (await httpClient(`${API_URL}/cases/answer-intake`, { method: 'POST', body: JSON.stringify({ ...values, articleId }) })).json as { id: number; number: string };
