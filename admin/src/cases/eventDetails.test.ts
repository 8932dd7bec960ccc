import { describe, expect, it } from 'vitest';
import { eventDetails, eventTitleKeys, type CaseEvent } from './eventDetails';

const ev = (action: string, data: Record<string, unknown> = {}): CaseEvent => ({ id: 1, action, data, createdAt: '2026-10-15T09:00:00+08:00' });

describe('timeline event wording', () => {
  it('names the clock an overdue event is about, and only the action otherwise', () => {
    expect(eventTitleKeys(ev('overdue', { clock: 'signFor' }))).toEqual(['enums.action.overdue', 'enums.clock.signFor']);
    expect(eventTitleKeys(ev('overdue', {}))).toEqual(['enums.action.overdue']);
    expect(eventTitleKeys(ev('reply', { clock: 'resolve' }))).toEqual(['enums.action.reply']);
  });
  it('shows the unit dispatched to and the sign-for limit', () => {
    expect(eventDetails(ev('dispatch', { departmentId: 4, signDueAt: '2026-10-15T10:00:00Z' }))).toEqual([
      { label: 'app.timeline.department', ref: 'departments', id: 4 },
      { label: 'app.timeline.sign_due', date: '2026-10-15T10:00:00Z' },
    ]);
  });
  it('translates the return reason and the rating', () => {
    expect(eventDetails(ev('return', { reason: 'wrong_area', departmentId: 2 }))).toEqual([
      { label: 'app.timeline.reason', key: 'enums.returnReason.wrong_area' },
      { label: 'app.timeline.from_department', ref: 'departments', id: 2 },
    ]);
    expect(eventDetails(ev('follow_up', { resolved: false, satisfaction: 'unsatisfied', reopened: true }))).toEqual([
      { label: 'app.timeline.resolved', key: 'ra.boolean.false' },
      { label: 'app.timeline.satisfaction', key: 'enums.satisfaction.unsatisfied' },
      { label: 'app.timeline.outcome', key: 'app.timeline.reopened' },
    ]);
  });
  it('shows extension days, supervise level, merge target and free-text reasons', () => {
    expect(eventDetails(ev('request_extension', { days: 3, reason: '需要采购配件' }))).toEqual([
      { label: 'app.timeline.days', key: 'app.timeline.days_value', params: { smart_count: 3 } },
      { label: 'app.timeline.reason', text: '需要采购配件' },
    ]);
    expect(eventDetails(ev('approve_extension', { days: 3, resolveDueAt: '2026-10-20T16:00:00Z' }))[1]).toEqual({ label: 'app.timeline.new_due', date: '2026-10-20T16:00:00Z' });
    expect(eventDetails(ev('supervise', { level: 'red' }))).toEqual([{ label: 'app.timeline.level', key: 'enums.superviseLevel.red' }]);
    expect(eventDetails(ev('merge', { parentCaseId: 12 }))).toEqual([{ label: 'app.timeline.merged_into', ref: 'cases', id: 12 }]);
    // The surviving case names the merged case and its reporter (the phone as the API stored it: masked).
    expect(eventDetails(ev('merged_in', { caseId: 13, number: '20261015-0013', reporterName: '张女士', reporterPhone: '138****2222' }))).toEqual([
      { label: 'app.timeline.merged_case', ref: 'cases', id: 13 },
      { label: 'app.timeline.reporter', text: '张女士 138****2222' },
    ]);
    expect(eventDetails(ev('reject', { reason: '非诉求' }))).toEqual([{ label: 'app.timeline.reason', text: '非诉求' }]);
  });
  it('labels an attachment by stage, and shows a result the server put in the data', () => {
    expect(eventDetails(ev('attach', { attachmentId: 5, fileName: 'a.png', stage: 'after', mimeType: 'image/png' }))).toEqual([{ label: 'app.timeline.stage', key: 'enums.stage.after' }]);
    expect(eventDetails(ev('reply', { result: '已修复' }))).toEqual([{ label: 'app.timeline.result', text: '已修复' }]);
  });
  it('copes with events without data', () => {
    expect(eventDetails({ ...ev('accept'), data: null })).toEqual([]);
  });
  it('says which entry a visibility mark turned, and to which side', () => {
    expect(eventDetails(ev('set_visibility', { eventId: 7, action: 'comment', from: 'internal', to: 'public' }))).toEqual([
      { label: 'app.timeline.entry', key: 'enums.action.comment' },
      { label: 'app.timeline.visibility', key: 'app.visibility.now_public' },
    ]);
  });
});
