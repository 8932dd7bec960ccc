import type { CaseEvent } from '../cases/case-event.entity.js';
import { text, words, type Text } from '../common/localize.js';

/**
 * What a resident sees of a case's timeline: the steps they care about (registered, passed to which unit,
 * taken on, replied, closed, rated, handled again), never who acted nor staff's notes. Staff may mark any entry
 * public or internal afterwards (`visibility`); unmarked, an entry follows its action's default below.
 */
export const PUBLIC_BY_DEFAULT: ReadonlySet<string> = new Set(['create', 'dispatch', 'accept', 'handle_in_community', 'reply', 'close_directly', 'follow_up', 'reopen', 'reject', 'merge', 'approve_pause', 'resume']);

export type TimelineEntry = Pick<CaseEvent, 'action' | 'visibility' | 'note' | 'data' | 'createdAt'> & { id?: number };

export const isPublicEntry = (e: Pick<CaseEvent, 'action' | 'visibility'>) => (e.visibility ? e.visibility === 'public' : PUBLIC_BY_DEFAULT.has(e.action));

/** `isPublicEntry` as a condition on `case_events` rows aliased `alias`, for lists that page through public entries in SQL. */
export const publicEntrySql = (alias: string) =>
  `(${alias}."visibility" = 'public' OR (${alias}."visibility" IS NULL AND ${alias}."action" IN (${[...PUBLIC_BY_DEFAULT].map((a) => `'${a}'`).join(', ')})))`;

export interface PublicStep {
  /** The timeline entry's id, when the entries given carried theirs. */
  id?: number;
  at: Date;
  action: string;
  text: Text;
}

/**
 * The public steps of a timeline (oldest first), each as a sentence; `unitName` names a responsible unit by
 * id. The unit in charge is followed through the timeline, so "签收" names the unit the case was passed to.
 */
export function publicSteps(events: readonly TimelineEntry[], unitName: (id: number) => string | undefined): PublicStep[] {
  let unit: Text | string = text('publicUnit');
  const steps: PublicStep[] = [];
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.action === 'dispatch' && typeof data.departmentId === 'number') unit = unitName(data.departmentId) ?? text('publicUnit');
    if (e.action === 'handle_in_community') unit = text('publicCommunity');
    if (!isPublicEntry(e)) continue;
    steps.push({ id: e.id, at: e.createdAt, action: e.action, text: sentence(e, data, unit) });
  }
  return steps;
}

function sentence(e: TimelineEntry, data: Record<string, unknown>, unit: Text | string): Text {
  const said = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  switch (e.action) {
    case 'create':
      return text('publicCreate');
    case 'dispatch':
      return text('publicDispatch', { unit });
    case 'accept':
      return text('publicAccept', { unit });
    case 'handle_in_community':
      return text('publicInCommunity');
    case 'reply':
      return text('publicReply', { unit, result: said('result') });
    case 'close_directly':
      return text('publicCloseDirectly', { result: said('result') });
    case 'follow_up': {
      const rating = { resolved: text(data.resolved ? 'publicResolved' : 'publicUnresolved'), satisfaction: words('satisfaction', said('satisfaction')) };
      if (data.reopened) return text('publicReopened');
      return text(data.by === 'resident' ? 'publicRated' : 'publicFollowUp', rating);
    }
    case 'reopen':
      return text('publicReopen');
    case 'reject':
      return text('publicReject', { reason: said('reason') || e.note || '' });
    case 'merge':
      return text('publicMerge');
    case 'approve_pause':
      return text('publicPaused', { unit, until: said('resumeOn') ? text('publicPausedUntil', { date: said('resumeOn') }) : '' });
    case 'resume':
      return text('publicResumed', { unit });
    default:
      // An entry staff chose to show: its action in words and its note as written.
      return text('publicNote', { action: words('any', e.action), note: e.note ?? '' });
  }
}
