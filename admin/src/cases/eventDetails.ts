/** What a timeline event says beyond its action, actor and time: pure, so each action's wording is tested once. */
export interface CaseEvent {
  id: number | string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  actorId?: number | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  createdAt: string;
  /** Whether residents see it on the public page: its own mark (`visibility`) or its action's default. */
  public?: boolean;
  visibility?: 'public' | 'internal' | null;
}

/** One line of an event: a label (i18n key) and a value that is plain text, a translated key, a record, or a time. */
export type Detail =
  | { label: string; text: string }
  | { label: string; key: string; params?: Record<string, unknown> }
  | { label: string; ref: 'departments' | 'cases' | 'users'; id: number }
  | { label: string; date: string };

const L = (name: string) => `app.timeline.${name}`;

/** The heading's i18n keys: the action, and for the server's overdue scan which clock ran out (超期 · 签收超时). */
export function eventTitleKeys(e: CaseEvent): string[] {
  const clock = e.action === 'overdue' ? e.data?.clock : undefined;
  return typeof clock === 'string' ? [`enums.action.${e.action}`, `enums.clock.${clock}`] : [`enums.action.${e.action}`];
}

export function eventDetails(e: CaseEvent): Detail[] {
  const d = e.data ?? {};
  const out: Detail[] = [];
  const str = (k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : undefined);
  const ref = (label: string, reference: 'departments' | 'cases' | 'users', k: string) => num(k) !== undefined && out.push({ label: L(label), ref: reference, id: num(k)! });
  const date = (label: string, k: string) => str(k) && out.push({ label: L(label), date: str(k)! });
  const days = () => num('days') !== undefined && out.push({ label: L('days'), key: L('days_value'), params: { smart_count: num('days') } });
  const reasonText = () => str('reason') && out.push({ label: L('reason'), text: str('reason')! });
  switch (e.action) {
    case 'dispatch':
      ref('department', 'departments', 'departmentId');
      ref('assignee', 'users', 'assigneeId');
      date('sign_due', 'signDueAt');
      break;
    case 'return':
      if (str('reason')) out.push({ label: L('reason'), key: `enums.returnReason.${str('reason')}` });
      ref('from_department', 'departments', 'departmentId');
      break;
    case 'follow_up':
      if (typeof d.resolved === 'boolean') out.push({ label: L('resolved'), key: d.resolved ? 'ra.boolean.true' : 'ra.boolean.false' });
      if (str('satisfaction')) out.push({ label: L('satisfaction'), key: `enums.satisfaction.${str('satisfaction')}` });
      if (d.reopened) out.push({ label: L('outcome'), key: L('reopened') });
      break;
    case 'request_extension':
      days();
      reasonText();
      break;
    case 'approve_extension':
      days();
      date('new_due', 'resolveDueAt');
      break;
    case 'reject_extension':
      days();
      break;
    case 'supervise':
      if (str('level')) out.push({ label: L('level'), key: `enums.superviseLevel.${str('level')}` });
      break;
    case 'merge':
      ref('merged_into', 'cases', 'parentCaseId');
      break;
    case 'merged_in':
      ref('merged_case', 'cases', 'caseId');
      if (str('reporterName') || str('reporterPhone')) out.push({ label: L('reporter'), text: [str('reporterName'), str('reporterPhone')].filter(Boolean).join(' ') });
      break;
    case 'reopen':
    case 'reject':
      reasonText();
      break;
    case 'request_pause':
      if (str('reason')) out.push({ label: L('reason'), key: `enums.pauseReason.${str('reason')}` });
      if (str('resumeOn')) out.push({ label: 'app.actions.fields.resumeOn', text: str('resumeOn')! });
      break;
    case 'resume': {
      // The due times the pause moved on (the system resumes on the date: by 'system').
      const shifted = (d.shifted ?? {}) as Record<string, { to?: string }>;
      if (shifted.response?.to) out.push({ label: 'app.fair.ledger.response', date: shifted.response.to });
      if (shifted.resolve?.to) out.push({ label: 'app.fair.ledger.resolve', date: shifted.resolve.to });
      break;
    }
    case 'appeal':
      if (str('reason')) out.push({ label: L('reason'), key: `enums.appealReason.${str('reason')}` });
      if (num('level') !== undefined) out.push({ label: L('level'), text: String(num('level')) });
      break;
    case 'overrule_return':
      ref('department', 'departments', 'departmentId');
      break;
    case 'attach':
      if (str('stage')) out.push({ label: L('stage'), key: `enums.stage.${str('stage')}` });
      break;
    case 'overdue':
      date('due', 'dueAt');
      break;
    case 'set_visibility':
      if (str('action')) out.push({ label: L('entry'), key: `enums.action.${str('action')}` });
      if (str('to') === 'public' || str('to') === 'internal') out.push({ label: L('visibility'), key: `app.visibility.now_${str('to')}` });
      break;
  }
  if (str('result')) out.push({ label: L('result'), text: str('result')! });
  return out;
}
