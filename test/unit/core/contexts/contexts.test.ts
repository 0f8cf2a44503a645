import { strict as assert } from 'node:assert';
import { attentionBadge } from '../../../../src/core/contexts/attentionBadge';
import { contextsSetting } from '../../../../src/core/contexts/contextsSetting';

describe('the contexts setting', () => {
  it('keeps the single-context view when empty, missing or malformed', () => {
    for (const v of [[], undefined, 'prod', [''], [3, null], { a: 1 }]) assert.deepEqual(contextsSetting(v), [], JSON.stringify(v));
  });
  it('lists each named context once, trimmed, in the order the user wrote them', () => {
    assert.deepEqual(contextsSetting([' prod-us', 'staging', 'prod-us', 7, 'prod-eu ']), ['prod-us', 'staging', 'prod-eu']);
  });
});

describe('the view badge across contexts', () => {
  it('adds up the rollouts needing attention and says in which contexts they are', () => {
    assert.deepEqual(attentionBadge([{ context: 'staging', count: 2 }, { context: 'prod-eu', count: 0 }, { context: 'prod-us', count: 1 }]), {
      value: 3, tooltip: '3 rollouts need attention: 2 in staging, 1 in prod-us',
    });
  });
  it('speaks of one rollout in the singular', () => {
    assert.equal(attentionBadge([{ context: 'prod', count: 1 }])?.tooltip, '1 rollout needs attention: 1 in prod');
  });
  it('is not shown when nothing waits for a person', () => {
    assert.equal(attentionBadge([{ context: 'staging', count: 0 }, { context: 'prod', count: 0 }]), undefined);
    assert.equal(attentionBadge([]), undefined);
  });
});
