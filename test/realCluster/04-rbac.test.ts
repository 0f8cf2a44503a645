// RBAC on the real API server: a user who may only get, list and watch gets the access review's
// explanation before anything is sent, and nothing in the cluster changes.
import { strict as assert } from 'node:assert';
import { planAbort } from '../../src/core/actions/planPatches';
import { planLaunch, type ReadyLaunch } from '../../src/core/launch/planLaunch';
import { applyManifest } from '../../src/kube/applyManifest';
import { executePlan } from '../../src/kube/executePlan';
import { promoteRollout } from '../../src/kube/rolloutActions';
import { realWorld } from './hooks';
import { connectReal, createNamespace, eventually, getJson, kubectlOk } from './realClusterKit';

const NS = 'rbac';
const manifest = {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'ghcr.io/example/web:1.0' }] } },
    strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
  },
};

/**
 * What a write by the user would change: the spec (and its generation) and the fields the actions set
 * in status. The controller keeps writing the rest of the status, so the resourceVersion moves anyway.
 */
async function userVisible(): Promise<string> {
  const r = await getJson(realWorld().cluster, ['rollout', 'web', '-n', NS]) as { metadata: { generation: number }; spec: unknown; status?: { abort?: boolean; pauseConditions?: unknown } };
  return JSON.stringify({ generation: r.metadata.generation, spec: r.spec, abort: r.status?.abort, pauseConditions: r.status?.pauseConditions });
}

describe('A read-only user on the real API server', function () {
  before(async () => {
    await createNamespace(realWorld().cluster, NS);
    await kubectlOk(realWorld().cluster, ['apply', '-n', NS, '-f', '-'], JSON.stringify(manifest));
    // The controller's first reconcile writes the spec too (it fills in the pod template's defaults): wait for it,
    // so what changes afterwards can only be a write of the user's.
    await eventually('the rollout reconciled to Healthy', async () => {
      const r = await getJson(realWorld().cluster, ['rollout', 'web', '-n', NS]) as { metadata: { generation: number }; status?: { phase?: string; observedGeneration?: string } };
      return r.status?.phase === 'Healthy' && String(r.status.observedGeneration) === String(r.metadata.generation) ? true : undefined;
    });
  });

  it('is told which permission is missing for abort and promote, and the rollout is not written', async () => {
    const { cluster } = realWorld();
    const conn = connectReal(cluster, cluster.viewerContextName);
    try {
      const before = await userVisible();
      const aborted = await executePlan(conn, planAbort({ namespace: NS, name: 'web' }));
      assert.ok(!aborted.ok);
      assert.equal(aborted.error.kind, 'denied', aborted.error.message);
      assert.match(aborted.error.message, /patch/);
      assert.match(aborted.error.message, /rollouts/);
      const promoted = await promoteRollout(conn, { namespace: NS, name: 'web' }, { full: false });
      assert.ok(!promoted.ok);
      assert.equal(promoted.error.kind, 'denied', promoted.error.message);
      assert.equal(await userVisible(), before, 'no write reached the rollout');
    } finally {
      conn.dispose();
    }
  });

  it('cannot launch: the access review explains it and no apply is sent', async () => {
    const { cluster } = realWorld();
    const conn = connectReal(cluster, cluster.viewerContextName);
    try {
      const before = await userVisible();
      const live = await getJson(cluster, ['rollout', 'web', '-n', NS]);
      const changed = { ...manifest, spec: { ...manifest.spec, replicas: 3 } };
      const plan = planLaunch({ manifest: changed, span: { start: 0, end: 1 } }, live, { context: cluster.viewerContextName, namespace: NS, lintFindings: [] }) as ReadyLaunch;
      assert.equal(plan.verdict, 'ready');
      const applied = await applyManifest(conn, plan);
      assert.ok(!applied.ok);
      assert.equal(applied.error.kind, 'denied', applied.error.message);
      assert.match(applied.error.message, new RegExp(cluster.viewerContextName));
      assert.equal(await userVisible(), before, 'no apply reached the rollout');
    } finally {
      conn.dispose();
    }
  });
});
