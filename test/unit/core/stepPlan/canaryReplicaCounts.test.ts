// The port of the controller's replica computation replays the upstream table tests of argo-rollouts
// v1.9.1 utils/replicaset/canary_test.go, case by case, with the same names and inputs.
import { strict as assert } from 'node:assert';
import {
  approximateWeightedCanaryStableReplicaCounts,
  basicCanaryReplicaCounts,
  canaryReplicasOrWeight,
  currentSetWeight,
  maxSurge,
  maxUnavailable,
  replicasForScaleDown,
  trafficRoutedReplicaCounts,
  trafficWeightToReplicas,
  type CanaryModel,
  type CanaryStepModel,
  type ReplicaSetModel,
  type RolloutModel,
} from '../../../../src/core/stepPlan/canaryReplicaCounts';
import { APPROXIMATE_WEIGHTED_COUNTS, CALCULATE_REPLICA_COUNTS_FOR_CANARY } from './upstreamCanaryCases';

/** newRollout of the Go test: one step with setWeight (and setCanaryScale), status stable/current hashes. */
function newRollout(
  replicas: number,
  setWeight: number,
  surge: number | string,
  unavailable: number | string,
  currentPodHash: string,
  stableRS: string,
  extra: Partial<CanaryModel> = {},
  setCanaryScale?: CanaryStepModel['setCanaryScale'],
): { canary: CanaryModel; status: RolloutModel['status'] } {
  return {
    canary: {
      replicas,
      maxSurge: surge,
      maxUnavailable: unavailable,
      trafficRouting: false,
      maxTrafficWeight: 100,
      dynamicStableScale: false,
      steps: [{ setWeight, ...(setCanaryScale ? { setCanaryScale } : {}) }],
      ...extra,
    },
    status: { abort: false, promoteFull: false, stableRS, currentPodHash },
  };
}

function newRS(name: string, specReplicas: number, available: number): ReplicaSetModel {
  return { name, specReplicas, available };
}

describe('The controller replica computation, replayed from the upstream tests', () => {
  describe('TestCalculateReplicaCountsForCanary', () => {
    for (const c of CALCULATE_REPLICA_COUNTS_FOR_CANARY) {
      it(c.name, () => {
        const trafficRouting = c.trafficRouting !== undefined && c.trafficRouting !== null;
        const base = newRollout(c.rolloutSpecReplicas, c.setWeight ?? 0, c.maxSurge ?? 0, c.maxUnavailable ?? 0, 'canary', 'stable', {
          trafficRouting,
          ...(c.minPodsPerReplicaSet !== undefined ? { minPodsPerReplicaSet: c.minPodsPerReplicaSet } : {}),
          ...(c.abortScaleDownDelaySeconds !== undefined ? { abortScaleDownDelaySeconds: c.abortScaleDownDelaySeconds } : {}),
        }, c.setCanaryScale);
        const rollout: RolloutModel = { canary: base.canary, status: { ...base.status, promoteFull: c.promoteFull === true, abort: c.statusAbort === true } };
        const stable = newRS('stable', c.stableSpecReplica ?? 0, c.stableAvailableReplica ?? 0);
        const canary = newRS('canary', c.canarySpecReplica ?? 0, c.canaryAvailableReplica ?? 0);
        const got = trafficRouting
          ? trafficRoutedReplicaCounts(rollout, undefined, undefined, undefined)
          : basicCanaryReplicaCounts(rollout, canary, stable, [c.olderRS]);
        assert.deepEqual(got, { canary: c.expectedCanaryReplicaCount, stable: c.expectedStableReplicaCount });
      });
    }
  });

  describe('TestApproximateWeightedNewStableReplicaCounts', () => {
    for (const c of APPROXIMATE_WEIGHTED_COUNTS) {
      it(`${c.replicas} replicas at weight ${c.weight} with surge ${c.maxSurge} run ${c.expCanary} canary and ${c.expStable} stable pods`, () => {
        assert.deepEqual(approximateWeightedCanaryStableReplicaCounts(c.replicas, c.weight, c.maxWeight, c.maxSurge), { canary: c.expCanary, stable: c.expStable });
      });
    }
  });

  it('TestCalculateReplicaCountsForNewDeployment: a new ReplicaSet that is the stable one goes to 100%', () => {
    const r = newRollout(10, 10, 0, 1, 'canary', 'stable');
    assert.deepEqual(basicCanaryReplicaCounts(r, newRS('stable', 10, 0), newRS('stable', 10, 0), []), { canary: 10, stable: 0 });
  });

  it('TestCalculateReplicaCountsForCanaryTrafficRouting: with a router the stable stays at 100% and the canary gets its weight', () => {
    const r = newRollout(10, 10, 0, 1, 'canary', 'stable', { trafficRouting: true });
    assert.deepEqual(trafficRoutedReplicaCounts(r, undefined, undefined, undefined), { canary: 1, stable: 10 });
  });

  describe('TestCalculateReplicaCountsForCanaryTrafficRoutingDynamicScale', () => {
    const cases = [
      { name: 'Should scale stable replica up depending on next expected canary downscale step, if abort is true', replicas: 10, max: 20, abort: true, cw: 60, sw: 40, crs: 6, srs: 4, sav: 4, steps: [60], want: [6, 8] },
      { name: 'Should scale stable replica up depending on available canary replicas, if actual number of canaries is less than expected and abort is true', replicas: 10, max: 20, abort: true, cw: 60, sw: 40, crs: 1, srs: 4, sav: 4, steps: [60], want: [6, 8] },
      { name: 'Should scale stable replica up depending on available stable replicas, if abort is true', replicas: 10, max: 20, abort: true, cw: 60, sw: 40, crs: 2, srs: 8, sav: 4, steps: [60], want: [6, 8] },
      { name: 'Should scale stable up as if canaries are scaled down to 0 if stable and canary replicas not passed, and abort is true', replicas: 10, max: 20, abort: true, cw: 60, sw: 40, crs: 0, srs: 0, sav: 0, steps: [60], want: [6, 10] },
      { name: 'Should scale down stable', replicas: 10, max: 10, abort: false, cw: 10, sw: 90, crs: 0, srs: 0, sav: 0, steps: [], want: [1, 9] },
      { name: 'Should take max of desired canary (20) > actual (10)', replicas: 10, max: 20, abort: false, cw: 10, sw: 90, crs: 0, srs: 0, sav: 0, steps: [], want: [2, 9] },
      { name: 'Should leave canary scaled up if there is still traffic to it on abort', replicas: 10, max: 20, abort: true, cw: 20, sw: 80, crs: 0, srs: 0, sav: 0, steps: [], want: [2, 10] },
      { name: 'Should reduce canary when there is less traffic to it on abort', replicas: 10, max: 20, abort: true, cw: 10, sw: 90, crs: 0, srs: 0, sav: 0, steps: [], want: [1, 10] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const base = newRollout(c.replicas, c.max, 0, 1, 'canary', 'stable', { trafficRouting: true, dynamicStableScale: true });
        const rollout: RolloutModel = {
          canary: { ...base.canary, steps: [...base.canary.steps, ...c.steps.map((w) => ({ setWeight: w }))] },
          status: { ...base.status, abort: c.abort },
        };
        const stable = c.srs > 0 ? newRS('stable', c.srs, c.sav) : undefined;
        // As upstream: the canary's available count is its spec count.
        const canary = c.crs > 0 ? newRS('canary', c.crs, c.crs) : undefined;
        const [wantCanary, wantStable] = c.want;
        assert.deepEqual(trafficRoutedReplicaCounts(rollout, canary, stable, { canary: c.cw, stable: c.sw }), { canary: wantCanary, stable: wantStable });
      });
    }
  });

  it('TestCalculateReplicaCountsForCanaryStableRSdEdgeCases: without a distinct stable ReplicaSet the new one goes to 100%', () => {
    const r = newRollout(10, 10, 0, 1, '', '');
    const rs = newRS('stable', 9, 9);
    assert.deepEqual(basicCanaryReplicaCounts(r, rs, undefined, []), { canary: 10, stable: 0 });
    assert.deepEqual(basicCanaryReplicaCounts(r, rs, rs, []), { canary: 10, stable: 0 });
  });

  it('TestTrafficWeightToReplicas: a weight rounds up to whole pods', () => {
    assert.deepEqual(
      [[10, 0, 100], [10, 20, 100], [10, 25, 100], [10, 33, 100], [10, 99, 100], [10, 100, 100], [23, 100000000, 100000000]].map(([r, w, m]) => trafficWeightToReplicas(r ?? 0, w ?? 0, m ?? 100)),
      [0, 2, 3, 4, 10, 10, 23],
    );
  });

  it('TestGetCurrentSetWeight: past the last step 100, on it its setWeight, aborted 0', () => {
    const r = newRollout(10, 10, 0, 1, '', '');
    assert.equal(currentSetWeight({ canary: r.canary, status: { ...r.status, currentStepIndex: 1 } }), 100);
    assert.equal(currentSetWeight({ canary: r.canary, status: { ...r.status, currentStepIndex: 0 } }), 10);
    assert.equal(currentSetWeight({ canary: r.canary, status: { ...r.status, currentStepIndex: 0, abort: true } }), 0);
  });

  it('TestGetReplicasForScaleDown: counts spec replicas unless availability matters and is lower', () => {
    assert.equal(replicasForScaleDown(undefined, false), 0);
    assert.equal(replicasForScaleDown(newRS('a', 3, 5), false), 3);
    assert.equal(replicasForScaleDown(newRS('a', 3, 2), true), 3);
    assert.equal(replicasForScaleDown(newRS('a', 3, 2), false), 2);
  });

  it('TestGetCanaryReplicasOrWeight: full promotion, setCanaryScale weight, setCanaryScale replicas', () => {
    const steps: CanaryStepModel[] = [{ setWeight: 10 }, { setCanaryScale: { weight: 20 } }];
    const base = newRollout(1, 10, '25%', '25%', '', 'stable-rs', { trafficRouting: true, steps });
    assert.deepEqual(canaryReplicasOrWeight({ canary: base.canary, status: { ...base.status, promoteFull: true } }), { weight: 100 });
    assert.deepEqual(canaryReplicasOrWeight({ canary: base.canary, status: { ...base.status, currentStepIndex: 1 } }), { weight: 20 });
    const replicas = { ...base.canary, steps: [{ setWeight: 10 }, { setCanaryScale: { replicas: 5 } }] };
    assert.deepEqual(canaryReplicasOrWeight({ canary: replicas, status: { ...base.status, currentStepIndex: 1 } }), { replicas: 5, weight: 0 });
  });

  it('resolves maxSurge up and maxUnavailable down, and makes maxUnavailable 1 when both round to 0 (resolveFenceposts)', () => {
    const r = newRollout(5, 10, '25%', '25%', '', '');
    assert.deepEqual([maxSurge(r.canary), maxUnavailable(r.canary)], [2, 1]);
    const tiny = newRollout(2, 10, '0%', '20%', '', '');
    assert.deepEqual([maxSurge(tiny.canary), maxUnavailable(tiny.canary)], [0, 1]);
  });
});
