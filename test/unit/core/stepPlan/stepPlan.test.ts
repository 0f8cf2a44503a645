// The step plan a user reads before launching: per step, the traffic and the pods the controller will
// run there. The counts are the controller's (see canaryReplicaCounts.test.ts); these tests check what
// the plan makes of them for whole specs.
import { strict as assert } from 'node:assert';
import { planLines, stepPlan } from '../../../../src/core/stepPlan/stepPlan';
import type { PlanRow } from '../../../../src/shared/protocol';

function rollout(canary: Record<string, unknown>, replicas: number | 'unset' = 10): unknown {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', spec: { ...(replicas !== 'unset' ? { replicas } : {}), strategy: { canary } } };
}

/** [weight, canary, stable] per row, the last row being the full promotion. */
function pods(rows: readonly PlanRow[] | undefined): number[][] {
  return (rows ?? []).map((r) => [r.weight, r.canary, r.stable]);
}

describe('the step plan of a canary rollout', () => {
  it('runs 1 canary and 9 stable pods at setWeight 10 of 10 replicas without a router, and all 10 canary pods after the last step', () => {
    const plan = stepPlan(rollout({ steps: [{ setWeight: 10 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '1m' } }] }));
    assert.deepEqual(pods(plan?.rows), [[10, 1, 9], [10, 1, 9], [50, 5, 5], [50, 5, 5], [100, 10, 0]]);
    assert.equal(plan?.rows[1]?.pause, 'until promoted');
    assert.equal(plan?.rows[3]?.pause, '1m');
    assert.equal(plan?.rows[4]?.step, 'after the last step');
    assert.match(plan?.summary ?? '', /10 replicas · maxSurge 25% \(3\) · maxUnavailable 25% \(2\)/);
  });

  it('never runs more pods than replicas with maxSurge 0, where the pods approximate the weight (setWeight 20 of 4 pods is 25%)', () => {
    const plan = stepPlan(rollout({ maxSurge: 0, maxUnavailable: 1, steps: [{ setWeight: 20 }, { setWeight: 75 }] }, 4));
    assert.deepEqual(pods(plan?.rows), [[25, 1, 3], [75, 3, 1], [100, 4, 0]]);
    assert.ok(plan?.rows.every((r) => r.peakPods <= 4));
  });

  it('shows the surge while moving to a larger weight (up to replicas + maxSurge pods)', () => {
    const plan = stepPlan(rollout({ maxSurge: 2, maxUnavailable: 0, steps: [{ setWeight: 50 }] }));
    assert.equal(plan?.rows[0]?.peakPods, 12);
    assert.match(planLines(plan ?? { summary: '', rows: [] })[0] ?? '', /^1\. setWeight: 50 → 50% traffic, 5 canary \+ 5 stable pods \(up to 12 during the change\)$/);
  });

  it('keeps the stable at full size behind a traffic router, and rounds the canary up', () => {
    const plan = stepPlan(rollout({ trafficRouting: { nginx: { stableIngress: 'web' } }, steps: [{ setWeight: 5 }, { setWeight: 33 }] }));
    assert.deepEqual(pods(plan?.rows), [[5, 1, 10], [33, 4, 10], [100, 10, 10]]);
    assert.match(plan?.rows[2]?.note ?? '', /scaleDownDelaySeconds/);
  });

  it('shrinks the stable as the canary takes traffic with dynamicStableScale', () => {
    const plan = stepPlan(rollout({ trafficRouting: { nginx: {} }, dynamicStableScale: true, steps: [{ setWeight: 20 }, { setWeight: 60 }] }));
    assert.deepEqual(pods(plan?.rows), [[20, 2, 8], [60, 6, 4], [100, 10, 0]]);
  });

  it('gives each side at least minPodsPerReplicaSet pods behind a router', () => {
    const plan = stepPlan(rollout({ trafficRouting: { istio: {} }, minPodsPerReplicaSet: 2, steps: [{ setWeight: 5 }] }));
    assert.deepEqual(pods(plan?.rows)[0], [5, 2, 10]);
  });

  it('reads weights against maxTrafficWeight', () => {
    const plan = stepPlan(rollout({ trafficRouting: { maxTrafficWeight: 1000, nginx: {} }, steps: [{ setWeight: 100 }] }));
    assert.deepEqual(pods(plan?.rows)[0], [10, 1, 10]);
  });

  it('uses setCanaryScale replicas behind a router until a matchTrafficWeight step, and says it is ignored without one', () => {
    const routed = stepPlan(rollout({ trafficRouting: { nginx: {} }, steps: [{ setCanaryScale: { replicas: 3 } }, { setWeight: 20 }, { setCanaryScale: { matchTrafficWeight: true } }] }));
    assert.deepEqual(pods(routed?.rows), [[0, 3, 10], [20, 3, 10], [20, 2, 10], [100, 10, 10]]);
    const basic = stepPlan(rollout({ steps: [{ setCanaryScale: { replicas: 3 } }, { setWeight: 20 }] }));
    assert.equal(basic?.rows[0]?.note, 'setCanaryScale is ignored without trafficRouting');
    assert.deepEqual(pods(basic?.rows)[0], [0, 0, 10]);
  });

  it('marks where background analysis runs (from startingStep on), step analyses and experiments', () => {
    const plan = stepPlan(
      rollout({
        analysis: { templates: [{ templateName: 'success-rate' }], startingStep: 1 },
        steps: [
          { setWeight: 10 },
          { analysis: { templates: [{ templateName: 'smoke' }] } },
          { experiment: { duration: '5m', templates: [{ name: 'baseline', specRef: 'stable', replicas: 2 }], analyses: [{ name: 'cmp', templateName: 'compare' }] } },
        ],
      }),
    );
    assert.equal(plan?.rows[0]?.analysis, undefined);
    assert.equal(plan?.rows[1]?.analysis, 'smoke (step), success-rate (background)');
    assert.equal(plan?.rows[2]?.experiment, 'baseline (stable, 2 pods) for 5m, analysis compare');
  });

  it('has no plan for a blue-green rollout, a canary without steps, or a spec the controller would refuse', () => {
    assert.equal(stepPlan({ spec: { strategy: { blueGreen: { activeService: 'a' } } } }), undefined);
    assert.equal(stepPlan(rollout({})), undefined);
    assert.equal(stepPlan(rollout({ trafficRouting: { maxTrafficWeight: 0 }, steps: [{ setWeight: 1 }] })), undefined);
    assert.equal(stepPlan(rollout({ steps: [{ setWeight: 1 }] }, -1)), undefined);
    assert.equal(stepPlan(rollout({ maxSurge: 'x%', steps: [{ setWeight: 1 }] })), undefined);
  });

  it('defaults to 1 replica and reads any malformed step without throwing', () => {
    const plan = stepPlan(rollout({ steps: [null, 'pause', { setWeight: '10' }, { setWeight: 50 }, 7] }, 'unset'));
    assert.equal(plan?.rows.length, 6);
    assert.deepEqual(pods(plan?.rows)[5], [100, 1, 0]);
    for (const junk of [undefined, null, 'x', [], { spec: { strategy: { canary: { steps: 'no' } } } }]) assert.doesNotThrow(() => stepPlan(junk));
  });
});
