import { describe, expect, it } from 'vitest';
import type { ActionSpec } from './ActionDialog';
import { actionProblems } from './actionChecks';

const extension: ActionSpec = { action: 'request_extension', label: '延期申请', fields: [{ name: 'days', type: 'days', required: true }, { name: 'reason', type: 'text', required: true }] };
const dispatch: ActionSpec = { action: 'dispatch', label: '派单', fields: [{ name: 'departmentId', type: 'department', required: true }, { name: 'assigneeId', type: 'user', required: false }] };
const followUp: ActionSpec = { action: 'follow_up', label: '回访', fields: [{ name: 'resolved', type: 'boolean', required: true }, { name: 'satisfaction', type: 'satisfaction', required: true }] };
const comment: ActionSpec = { action: 'comment', label: '备注', fields: [] };

describe('an action dialog checked before it is sent', () => {
  it('names each required field left empty, spaces counting as empty', () => {
    expect(actionProblems(extension, { reason: '   ' })).toEqual({ days: ['ra.validation.required'], reason: ['ra.validation.required'] });
    expect(actionProblems(dispatch, {})).toEqual({ departmentId: ['ra.validation.required'] });
    expect(actionProblems(dispatch, { departmentId: 3 })).toEqual({});
  });

  it('keeps the extension days from 1 to 60 whole days', () => {
    for (const days of [0, 61, 99, 2.5, -1]) expect(actionProblems(extension, { days, reason: '等配件' })).toEqual({ days: ['app.validation.days_range', { min: 1, max: 60 }] });
    for (const days of [1, 10, 60]) expect(actionProblems(extension, { days, reason: '等配件' })).toEqual({});
  });

  it('takes "no" for an answer, and asks a comment for its note', () => {
    expect(actionProblems(followUp, { resolved: false, satisfaction: 'unsatisfied' })).toEqual({});
    expect(actionProblems(comment, {})).toEqual({ note: ['ra.validation.required'] });
    expect(actionProblems(comment, { note: '已电话联系' })).toEqual({});
  });
});
