import { useQuery } from '@tanstack/react-query';
import { API_URL, authHeaders, httpClient } from '../dataProvider';
import type { CaseFilter } from './drill';
import { reportQuery } from './drill';
import { fileNameOf } from './fileName';

/** The shapes `GET /api/reports/*` answers (see CONTRACT.md, Reports). */
export const GROUP_BYS = ['community', 'grid', 'department', 'category', 'channel', 'worker'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

interface GroupRow {
  key: string | number | null;
  /** null for the cases with no such group (no unit, no handler) and for the total. */
  name: string | null;
  /** The name as the API gave it, when the console shortened `name` (see `shortenNames`). */
  fullName?: string | null;
  filter: CaseFilter;
}

export interface ClosureRow extends GroupRow {
  closed: number;
  onTime: number;
  onTimeRate: number | null;
  meanHours: number | null;
  medianHours: number | null;
  p90Hours: number | null;
  maxHours: number | null;
  meanWorkdays: number | null;
  medianWorkdays: number | null;
  p90Workdays: number | null;
  maxWorkdays: number | null;
  /** Hours the group's cases spent paused (closure hours are ledger time, without them). */
  pausedHours?: number | null;
}

export interface RateRow extends GroupRow {
  cases: number;
  valid: number;
  responseDue: number;
  respondedOnTime: number;
  responseRate: number | null;
  /** Cases followed up at least once. */
  followedUp: number;
  /** Follow-up calls, and those answered resolved / satisfied (or basically satisfied): the rates' samples. */
  followUps: number;
  followUpsResolved: number;
  followUpsSatisfied: number;
  unresolved: number;
  unsatisfied: number;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  direct: number;
  directRate: number | null;
  dispatched: number;
  returned: number;
  returnRate: number | null;
  reopenBase: number;
  reopened: number;
  reopenRate: number | null;
  repeat: number;
  repeatRate: number | null;
  score: number | null;
  /** Issue 18: the rates without the ratings upheld appeals excused, bounces, time in flight and paused. */
  followUpsExcused?: number;
  resolutionRateAdjusted?: number | null;
  satisfactionRateAdjusted?: number | null;
  scoreAdjusted?: number | null;
  bounces?: number;
  flightHours?: number | null;
  pausedHours?: number;
}

export interface Grouped<R> {
  from: string;
  to: string;
  unitId: number | null;
  groupBy: GroupBy;
  rows: R[];
  total: R;
}

export type RatesReport = Grouped<RateRow> & { weights: { response: number; resolution: number; satisfaction: number } };
/** `hoursRelativeError`: the largest relative error of the hours' percentiles and maximum over a long period; null when exact. */
export type ClosureReport = Grouped<ClosureRow> & { hoursRelativeError?: number | null };

export interface ChannelCount {
  channelId: number;
  name: string;
  group?: string;
  count: number;
}

export interface Intake {
  total: number;
  byChannel: ChannelCount[];
}

export interface TrendWeek {
  weekStart: string;
  /** The days of the week inside the period asked for (the first and last week may be cut). */
  from: string;
  to: string;
  cases: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export interface HotSpot {
  unitId: number;
  unitName: string | null;
  categoryId: number;
  categoryName: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
  caseIds: number[];
  /** The case-list filter that lists exactly its cases (its unit, category and time range, or its ids). */
  filter: CaseFilter;
}

/** The biggest hot spots answered (at most the API's `limit`, 200 by default) and how many the period holds. */
export interface HotSpots {
  spots: HotSpot[];
  total: number;
}

export interface HotTopic {
  /** A top-level category; its count covers its whole subtree. */
  categoryId: number;
  categoryName: string;
  count: number;
  concentrated: boolean;
  /** The hot spots that make it concentrated. */
  spots: { unitName: string; categoryName: string; count: number; caseIds: number[]; filter?: CaseFilter }[];
}

export interface DailyReport {
  date: string;
  calls: number;
  online: { total: number; byChannel: ChannelCount[] };
  handledDirectly: number;
  transferred: number;
  hotTopics: HotTopic[];
  safety: { total: number; byChannel: ChannelCount[] };
  text: string;
  filters: { calls: CaseFilter; online: CaseFilter; handledDirectly: CaseFilter; transferred: CaseFilter; safety: CaseFilter };
}

export type ReportParams = Record<string, string | number | null | undefined>;

/** One report as JSON, cached by react-query under its path and parameters. */
export function useReport<T>(path: string, params: ReportParams, options: { enabled?: boolean; refetchInterval?: number } = {}) {
  const query = reportQuery(params);
  return useQuery({
    queryKey: ['report', path, query],
    queryFn: async () => (await httpClient(`${API_URL}/reports/${path}${query ? `?${query}` : ''}`)).json as T,
    placeholderData: (previous) => previous,
    ...options,
  });
}

/** Hot spots with their full number, which the API gives in `X-Total-Count` (the answer holds the biggest). */
export function useHotSpots(params: ReportParams, options: { enabled?: boolean } = {}) {
  const query = reportQuery(params);
  return useQuery({
    queryKey: ['report', 'hotspots', query],
    queryFn: async (): Promise<HotSpots> => {
      const { json, headers } = await httpClient(`${API_URL}/reports/hotspots${query ? `?${query}` : ''}`);
      const total = Number(headers.get('X-Total-Count'));
      return { spots: json as HotSpot[], total: Number.isFinite(total) && headers.has('X-Total-Count') ? total : (json as HotSpot[]).length };
    },
    placeholderData: (previous) => previous,
    ...options,
  });
}

export class DownloadError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Downloads `<API>/<path>?<query>` with the bearer token in a header (never in the URL), then saves the bytes
 * under the server's file name through a temporary object URL.
 */
export async function downloadFile(path: string, query: string, fallbackName: string): Promise<string> {
  const res = await fetch(`${API_URL}/${path}${query ? `?${query}` : ''}`, { headers: authHeaders() });
  if (!res.ok) {
    const json = await res.json().catch(() => null);
    throw new DownloadError(res.status, json?.message ?? res.statusText);
  }
  const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the bytes are released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
