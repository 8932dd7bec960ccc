import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getUser } from '../authProvider';
import { GROUP_BYS, type GroupBy } from './api';
import { isDate, last30Days, type Period } from './period';

export const REPORT_TABS = ['closure', 'rates', 'hotspots', 'trend'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

export interface ReportParamsState {
  period: Period;
  /** The unit asked for; undefined means the user's own scope (the API's default). */
  unitId?: number;
  groupBy: GroupBy;
  tab: ReportTab;
}

/**
 * The report's choices live in the address (`#/reports?from=…&to=…&unitId=…&groupBy=…&tab=…`), so coming back
 * from a drill-down returns to the same report, and a report can be sent as a link.
 */
export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const state = useMemo<ReportParamsState>(() => {
    const fallback = last30Days();
    const from = params.get('from');
    const to = params.get('to');
    const unit = Number(params.get('unitId'));
    const groupBy = params.get('groupBy') as GroupBy;
    const tab = params.get('tab') as ReportTab;
    return {
      period: isDate(from) && isDate(to) ? { from, to } : fallback,
      unitId: Number.isInteger(unit) && unit > 0 ? unit : undefined,
      groupBy: GROUP_BYS.includes(groupBy) ? groupBy : 'community',
      tab: REPORT_TABS.includes(tab) ? tab : 'closure',
    };
  }, [params]);
  const update = useCallback(
    (patch: Partial<ReportParamsState>) => {
      const next = { ...state, ...patch };
      const q: Record<string, string> = { from: next.period.from, to: next.period.to, groupBy: next.groupBy, tab: next.tab };
      if (next.unitId) q.unitId = String(next.unitId);
      setParams(q, { replace: true });
    },
    [state, setParams],
  );
  return { ...state, update, userScopeId: getUser()?.scopeUnitId ?? null };
}
