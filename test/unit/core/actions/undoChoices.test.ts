import { strict as assert } from 'node:assert';
import { undoChoices } from '../../../../src/core/actions/undoChoices';
import { aReplicaSet, aRollout, podTemplate } from './rolloutBuilder';

const NOW = Date.parse('2026-05-10T12:00:00Z');

function created(rs: Record<string, unknown>, iso: string): Record<string, unknown> {
  (rs['metadata'] as Record<string, unknown>)['creationTimestamp'] = iso;
  return rs;
}

// The rollout runs revision 3 (pod hash h3); revisions 1 and 2 are older.
const history = [
  created(aReplicaSet('1', podTemplate('shop/web:1', 'h1')), '2026-05-07T12:00:00Z'),
  created(aReplicaSet('3', podTemplate('shop/web:3', 'h3')), '2026-05-10T11:55:00Z'),
  created(aReplicaSet('2', podTemplate('shop/web:2', 'h2')), '2026-05-10T09:00:00Z'),
];

describe('the revisions Undo offers', () => {
  it('lists every revision but the current one, newest first, with images and age, the previous one marked', () => {
    const rollout = aRollout().withStatus({ currentPodHash: 'h3' }).build();
    assert.deepEqual(undoChoices(rollout, history, NOW), [
      { revision: 2, replicaSet: 'web-2', images: ['web=shop/web:2'], age: '3h', previous: true },
      { revision: 1, replicaSet: 'web-1', images: ['web=shop/web:1'], age: '3d', previous: false },
    ]);
  });

  it('when an older revision is current, offers the newer ones too and marks the newest older one as previous', () => {
    const rollout = aRollout().withStatus({ currentPodHash: 'h2' }).build();
    assert.deepEqual(undoChoices(rollout, history, NOW).map((c) => [c.revision, c.previous]), [[3, false], [1, true]]);
  });

  it('falls back to the newest revision as current when no ReplicaSet has the current pod hash, and skips ReplicaSets of other owners', () => {
    const foreign = aReplicaSet('9', podTemplate('other:1', 'h9'), { owner: 'someone-else' });
    const choices = undoChoices(aRollout().build(), [...history, foreign], NOW);
    assert.deepEqual(choices.map((c) => c.revision), [2, 1]);
    assert.equal(choices[0]?.previous, true);
  });

  it('offers nothing when there is only the current revision', () => {
    assert.deepEqual(undoChoices(aRollout().withStatus({ currentPodHash: 'h1' }).build(), [history[0]], NOW), []);
  });
});
