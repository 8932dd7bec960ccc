import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_STATUSES } from '../cases/case.constants.js';
import { ACTIONS } from '../workflow/transitions.js';
import { georeportStatus, updateStatus, UPDATE_STATUS } from './open311-status.js';

describe('Open311 statuses', () => {
  it('reports closed for closed, merged and rejected requests, open for the rest', () => {
    assert.deepEqual(
      CASE_STATUSES.filter((s) => georeportStatus(s) === 'closed'),
      ['closed', 'merged', 'rejected'],
    );
  });

  it('names every lifecycle action as an update status, a reopening follow-up as reopened', () => {
    for (const a of ACTIONS) assert.ok(UPDATE_STATUS[a], a);
    assert.equal(updateStatus('accept', 'in_progress'), 'signed_for');
    assert.equal(updateStatus('follow_up', 'closed'), 'closed');
    assert.equal(updateStatus('follow_up', 'in_progress'), 'reopened');
  });
});
