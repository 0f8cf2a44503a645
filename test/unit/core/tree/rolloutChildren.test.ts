import { strict as assert } from 'node:assert';
import { rolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { rolloutChildren } from '../../../../src/core/tree/rolloutChildren';
import type { TreeNode } from '../../../../src/core/tree/treeNode';
import { NOW, analysisRun, canaryRollout, experiment, pod, replicaSet, runningPod } from '../rollout/builders';

const steps = [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }];

function shape(nodes: readonly TreeNode[]): unknown[] {
  return nodes.map((n) => (n.children.length > 0 ? [`${n.label} — ${n.description}`, shape(n.children)] : `${n.label} — ${n.description}`));
}

describe('the children of a rollout in the tree', () => {
  const rollout = canaryRollout({ steps, status: { phase: 'Paused', currentStepIndex: 1, stableRS: 'aaa', currentPodHash: 'bbb', pauseConditions: [{ reason: 'CanaryPauseStep' }] } });
  const run = analysisRun('demo-bbb-2', {
    revision: 2,
    phase: 'Running',
    metricResults: [{ name: 'success-rate', phase: 'Running', count: 3, successful: 2, failed: 1, message: 'one bad sample' }],
  });
  const related = {
    replicaSets: [
      replicaSet('demo-aaa', { hash: 'aaa', revision: 1, replicas: 1 }),
      replicaSet('demo-bbb', { hash: 'bbb', revision: 2, replicas: 1 }),
      replicaSet('demo-old', { hash: 'old', revision: 0, replicas: 0, annotations: { 'scale-down-deadline': '2026-01-15T12:30:00Z' } }),
    ],
    pods: [
      runningPod('demo-aaa-1', 'demo-aaa-uid'),
      pod('demo-bbb-1', 'demo-bbb-uid', { phase: 'Running', containerStatuses: [{ name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
    ],
    analysisRuns: [run],
    experiments: [experiment('demo-exp', { revision: 2, phase: 'Successful' })],
  };
  const children = rolloutChildren(rolloutInfo(rollout, related, NOW), related.analysisRuns, 'ctx/ns/demo');

  it('lists revisions newest first, with their ReplicaSets, pods, AnalysisRuns, metrics and Experiments', () => {
    assert.deepEqual(shape(children), [
      ['revision:2 — canary', [
        ['demo-bbb — Healthy · canary', ['demo-bbb-1 — CrashLoopBackOff · ready:0/1,restarts:4']],
        ['demo-bbb-2 — Running · ✔ 2,✖ 1', ['success-rate — Running · ✔ 2,✖ 1']],
        'demo-exp — Successful',
      ]],
      ['revision:1 — stable', [['demo-aaa — Healthy · stable', ['demo-aaa-1 — Running · ready:1/1']]]],
      ['revision:0 — ', ['demo-old — ScaledDown · delay:30m']],
    ]);
  });

  it('colours a crash-looping pod red and a ready one green', () => {
    const canaryPod = children[0]?.children[0]?.children[0];
    const stablePod = children[1]?.children[0]?.children[0];
    assert.deepEqual(canaryPod?.icon, { id: 'error', color: 'charts.red' });
    assert.deepEqual(stablePod?.icon, { id: 'circle-filled', color: 'charts.green' });
  });

  it('puts the metric\'s measurement count and message in its tooltip', () => {
    const metric = children[0]?.children[1]?.children[0];
    assert.match(metric?.tooltip ?? '', /measurements 3 · successful 2 · failed 1 · inconclusive 0 · error 0\none bad sample/);
  });

  it('gives every row an id unique in the tree', () => {
    const ids: string[] = [];
    const walk = (ns: readonly TreeNode[]): void => ns.forEach((n) => (ids.push(n.id), walk(n.children)));
    walk(children);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.every((id) => id.startsWith('ctx/ns/demo/')));
  });

  it('shows metrics not measured yet as Pending, from the run\'s spec', () => {
    const fresh = analysisRun('demo-bbb-3', { revision: 2, phase: '' });
    const nodes = rolloutChildren(rolloutInfo(rollout, { analysisRuns: [fresh] }, NOW), [fresh], 'x');
    assert.deepEqual(shape(nodes), [['revision:2 — ', [['demo-bbb-3 — Pending', ['success-rate — Pending']]]]]);
  });

  it('never throws on objects with fields of the wrong type', () => {
    const junk = { metadata: { uid: 'ro-uid', name: 7 }, status: { metricResults: 'no', phase: {} } };
    const weird = { ...analysisRun('x'), status: { metricResults: [null, { name: 3, successful: 'many' }] } };
    assert.doesNotThrow(() => rolloutChildren(rolloutInfo(junk, { analysisRuns: [weird, null], replicaSets: [42] }, NOW), [weird, null], 'x'));
  });
});
