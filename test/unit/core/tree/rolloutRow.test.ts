import { strict as assert } from 'node:assert';
import { rolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { rolloutRow } from '../../../../src/core/tree/rolloutRow';
import { NOW, canaryRollout, replicaSet } from '../rollout/builders';

const steps = [{ setWeight: 10 }, { pause: {} }, { setWeight: 30 }, { pause: {} }];

function row(status: Record<string, unknown>, options = {}) {
  const rollout = canaryRollout({ steps, status });
  const related = { replicaSets: [replicaSet('s', { hash: 's', revision: 1 }), replicaSet('c', { hash: 'c', revision: 2 })] };
  return rolloutRow(rolloutInfo(rollout, related, NOW), rollout, options);
}

describe('the row of a rollout in the tree', () => {
  it('shows a paused canary with a yellow pause icon, its step and weight, and promote among its actions', () => {
    const r = row({ phase: 'Paused', currentStepIndex: 1, stableRS: 's', currentPodHash: 'c', pauseConditions: [{ reason: 'CanaryPauseStep' }] });
    assert.equal(r.label, 'demo');
    assert.equal(r.description, 'Paused · step 1/4 · 10%');
    assert.deepEqual(r.icon, { id: 'debug-pause', color: 'charts.yellow' });
    assert.equal(r.contextValue, 'rollout:promote,promoteFull,abort,restart,setImage,undo,createAnalysisRun');
    assert.match(r.tooltip, /^demo \(ns\)\n॥ Paused/);
  });

  it('shows a healthy rollout green and offers no promote or abort', () => {
    const r = row({ phase: 'Healthy', currentStepIndex: 4, stableRS: 'c', currentPodHash: 'c' });
    assert.deepEqual(r.icon, { id: 'pass', color: 'charts.green' });
    assert.ok(!/\b(promote|abort)\b/.test(r.contextValue), r.contextValue);
    assert.match(r.contextValue, /\bpause\b/);
  });

  it('shows a degraded (aborted) rollout red with retry', () => {
    const r = row({ phase: 'Degraded', abort: true, currentStepIndex: 0, stableRS: 's', currentPodHash: 'c' });
    assert.deepEqual(r.icon, { id: 'error', color: 'charts.red' });
    assert.match(r.contextValue, /^rollout:.*\bretry\b/);
  });

  it('shows a progressing rollout as a blue spinning sync icon', () => {
    assert.deepEqual(row({ phase: 'Progressing', currentStepIndex: 2, stableRS: 's', currentPodHash: 'c' }).icon, { id: 'sync~spin', color: 'charts.blue' });
  });

  it('offers no cluster-changing action when read-only, and marks a pinned rollout', () => {
    const r = row({ phase: 'Paused', currentStepIndex: 1, stableRS: 's', currentPodHash: 'c', pauseConditions: [{}] }, { readOnly: true, pinned: true });
    assert.equal(r.contextValue, 'rollout:pinned');
  });
});
