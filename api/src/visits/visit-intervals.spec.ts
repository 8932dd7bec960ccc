import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { intervalOf, visitDaysOf } from './visit-intervals.js';

describe('visit intervals', () => {
  it('a household follows the shortest interval among its tracked tags', () => {
    const days = visitDaysOf(undefined);
    assert.equal(intervalOf(['veteran', 'elderly_alone'], days), 7);
    assert.equal(intervalOf(['party_member'], days), null, 'not tracked by default');
    assert.equal(intervalOf([], days), null);
  });

  it('VISIT_DAYS overrides tags and refuses what it cannot read', () => {
    const days = visitDaysOf(' elderly_alone=3, veteran=0 ');
    assert.equal(intervalOf(['elderly_alone'], days), 3);
    assert.equal(intervalOf(['veteran'], days), null);
    for (const bad of ['elderly_alone=-1', 'nobody=3', 'elderly_alone=two', 'elderly_alone']) assert.throws(() => visitDaysOf(bad), /VISIT_DAYS/);
  });
});
