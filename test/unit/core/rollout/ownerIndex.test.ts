import { strict as assert } from 'node:assert';
import { OwnerIndex } from '../../../../src/core/rollout/ownerIndex';

const object = (name: string, uid: string, ...owners: string[]): unknown => ({
  metadata: { name, uid, ownerReferences: owners.map((o) => ({ uid: o, controller: true })) },
});
const names = (list: readonly unknown[] | undefined): string[] =>
  (list ?? []).map((o) => String((o as { metadata: { name: string } }).metadata.name)).sort();

describe('the owner index behind each rollout\'s related objects', () => {
  const all = {
    experiments: [object('exp', 'e1', 'r1'), object('other-exp', 'e2', 'r2')],
    replicaSets: [object('web-1', 'rs1', 'r1'), object('exp-baseline', 'rs2', 'e1'), object('api-1', 'rs3', 'r2'), object('orphan', 'rs4')],
    pods: [object('web-1-a', 'p1', 'rs1'), object('exp-baseline-a', 'p2', 'rs2'), object('api-1-a', 'p3', 'rs3')],
    analysisRuns: [object('web-bg', 'a1', 'r1'), object('exp-run', 'a2', 'e1'), object('api-bg', 'a3', 'r2'), object('twice', 'a4', 'r1', 'r1')],
  };
  const index = new OwnerIndex(all);

  it('gives a rollout its experiments, the ReplicaSets and runs of both, and the pods of those ReplicaSets', () => {
    const r1 = index.relatedTo('r1');
    assert.deepEqual(names(r1.experiments), ['exp']);
    assert.deepEqual(names(r1.replicaSets), ['exp-baseline', 'web-1']);
    assert.deepEqual(names(r1.pods), ['exp-baseline-a', 'web-1-a']);
    assert.deepEqual(names(r1.analysisRuns), ['exp-run', 'twice', 'web-bg'], 'an object naming its owner twice is listed once');
  });

  it('gives another rollout of the namespace none of the first one\'s objects', () => {
    const r2 = index.relatedTo('r2');
    assert.deepEqual([names(r2.experiments), names(r2.replicaSets), names(r2.pods), names(r2.analysisRuns)],
      [['other-exp'], ['api-1'], ['api-1-a'], ['api-bg']]);
  });

  it('gives nothing to an object without a UID (read from a file) or with a UID nobody names', () => {
    for (const uid of ['', 'nobody']) {
      const related = index.relatedTo(uid);
      assert.deepEqual([related.experiments, related.replicaSets, related.pods, related.analysisRuns].map((l) => l?.length), [0, 0, 0, 0]);
    }
  });

  it('skips malformed owner references instead of throwing', () => {
    const odd = new OwnerIndex({ replicaSets: [{ metadata: { ownerReferences: 'x' } }, { metadata: { ownerReferences: [null, { uid: 7 }] } }, null] });
    assert.deepEqual(odd.relatedTo('r1').replicaSets, []);
  });
});
