import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_STATUSES } from '../cases/case.constants.js';
import { ACTIONS, actionsFrom, IllegalTransition, nextStatus, TRANSITIONS } from './transitions.js';

describe('the transition table', () => {
  it('every action from every status is either allowed with a defined result or refused naming the allowed ones', () => {
    for (const action of ACTIONS) {
      for (const status of CASE_STATUSES) {
        if (TRANSITIONS[action].from.includes(status)) {
          assert.ok(CASE_STATUSES.includes(nextStatus(action, status, { resolved: true, satisfaction: 'satisfied' })), `${action} from ${status}`);
        } else {
          assert.throws(() => nextStatus(action, status), (e: unknown) => e instanceof IllegalTransition && e.message.includes(status), `${action} from ${status} must be refused`);
        }
      }
    }
  });

  it('follows DOMAIN.md on the main path', () => {
    assert.equal(nextStatus('close_directly', 'received'), 'closed');
    assert.equal(nextStatus('dispatch', 'received'), 'dispatched');
    assert.equal(nextStatus('dispatch', 'returned'), 'dispatched');
    assert.equal(nextStatus('accept', 'dispatched'), 'in_progress');
    assert.equal(nextStatus('contact', 'in_progress'), 'in_progress');
    assert.equal(nextStatus('reply', 'in_progress'), 'replied');
    assert.equal(nextStatus('return', 'dispatched'), 'returned');
    assert.equal(nextStatus('reopen', 'closed'), 'in_progress');
    assert.equal(nextStatus('merge', 'returned'), 'merged');
    assert.equal(nextStatus('reject', 'received'), 'rejected');
  });

  it('a follow-up closes the case only when resolved and not unsatisfied (otherwise 重办)', () => {
    assert.equal(nextStatus('follow_up', 'replied', { resolved: true, satisfaction: 'satisfied' }), 'closed');
    assert.equal(nextStatus('follow_up', 'replied', { resolved: true, satisfaction: 'basically_satisfied' }), 'closed');
    assert.equal(nextStatus('follow_up', 'replied', { resolved: true, satisfaction: 'unsatisfied' }), 'in_progress');
    assert.equal(nextStatus('follow_up', 'replied', { resolved: false, satisfaction: 'satisfied' }), 'in_progress');
  });

  it('terminal statuses allow only a comment, except a closed case a supervisor may reopen and its rating be appealed', () => {
    assert.deepEqual(actionsFrom('merged'), ['comment']);
    assert.deepEqual(actionsFrom('rejected'), ['comment']);
    assert.deepEqual(actionsFrom('closed'), ['reopen', 'comment', 'appeal', 'uphold_appeal', 'reject_appeal']);
  });

  it('an overruled return goes back to where the unit had it', () => {
    assert.equal(nextStatus('overrule_return', 'returned', undefined, true), 'in_progress');
    assert.equal(nextStatus('overrule_return', 'returned', undefined, false), 'dispatched');
    assert.throws(() => nextStatus('overrule_return', 'in_progress'), /not allowed/);
  });
});
