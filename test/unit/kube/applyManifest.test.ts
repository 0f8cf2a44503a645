import { strict as assert } from 'node:assert';
import { getRolloutRequest } from '../../../src/core/actions/kubeRequest';
import { isRecord, type JsonRecord } from '../../../src/core/actions/untrusted';
import { planLaunch, type ReadyLaunch } from '../../../src/core/launch/planLaunch';
import { rolloutInfo } from '../../../src/core/rollout/rolloutInfo';
import { rolloutPhase } from '../../../src/core/rollout/rolloutPhase';
import { applyManifest } from '../../../src/kube/applyManifest';
import type { ClusterConnection } from '../../../src/kube/clusterConnection';
import { sendRequest } from '../../../src/kube/executePlan';
import { setRolloutImage } from '../../../src/kube/rolloutActions';
import type { JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { CanarySimulator } from '../../../testbed/canarySimulator/canarySimulator';
import { constantMetricSource } from '../../../testbed/canarySimulator/metricSource';
import { SimClock } from '../../../testbed/canarySimulator/simClock';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { aRolloutFile } from '../core/launch/launchFixtures';
import { connectTo, field, received, until } from './kubeTestKit';

const file = { start: 0, end: 10_000 };

describe('Applying a Rollout file to the test cluster', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let conn: ClusterConnection;
  let clock: SimClock;

  beforeEach(async () => {
    clock = new SimClock('2025-03-01T10:00:00Z');
    cluster = await startTestCluster({ now: () => clock.now() });
    conn = connectTo(cluster);
  });
  afterEach(async () => {
    await cluster.stop();
  });

  function stored(name = 'web'): JsonObject | undefined {
    return cluster.store.get({ resource: 'rollouts', namespace: 'default', name });
  }

  /** GETs the live Rollout (undefined on 404) and plans the launch of `manifest`, which must be ready. */
  async function plan(manifest: JsonRecord): Promise<ReadyLaunch> {
    const got = await sendRequest(conn, getRolloutRequest({ namespace: 'default', name: 'web' }));
    const live = got.ok ? got.value.body : undefined;
    if (!got.ok) assert.equal(got.error.kind, 'notFound');
    const p = planLaunch({ manifest, span: file }, live, { context: conn.context, namespace: 'default', lintFindings: [] });
    if (p.verdict !== 'ready') assert.fail(p.message);
    return p;
  }

  it('creates a new Rollout with the extension as its Apply field manager, after asking for patch and create', async () => {
    const launch = await plan(aRolloutFile());
    assert.equal(launch.description.kind, 'create');
    const from = cluster.requests.length;
    const done = await applyManifest(conn, launch);
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.equal(done.value.created, true);
    assert.equal(done.value.message, 'rollout.argoproj.io/web serverside-applied');
    const sent = received(cluster, from, { reviews: true });
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.contentType}`), [
      'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews application/json',
      'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews application/json',
      'PATCH /apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web?fieldManager=argo-rollouts-vscode&force=false application/apply-patch+yaml',
    ]);
    assert.deepEqual(sent.slice(0, 2).map((r) => field(r.body, 'spec', 'resourceAttributes', 'verb')), ['patch', 'create']);
    const managers = field(stored(), 'metadata', 'managedFields');
    assert.ok(Array.isArray(managers));
    assert.deepEqual(managers.map((m) => [field(m, 'manager'), field(m, 'operation')]), [['argo-rollouts-vscode', 'Apply']]);
    assert.deepEqual(field(stored(), 'spec', 'template', 'spec', 'containers'), field(aRolloutFile(), 'spec', 'template', 'spec', 'containers'));
  });

  it('re-applying the same file changes nothing and needs only patch', async () => {
    const first = await applyManifest(conn, await plan(aRolloutFile()));
    assert.ok(first.ok);
    const again = await plan(aRolloutFile());
    assert.equal(again.description.kind, 'identical');
    assert.deepEqual(again.rbac.map((r) => r.verb), ['patch']);
    const done = await applyManifest(conn, again);
    assert.ok(done.ok && !done.value.created);
    assert.equal(field(stored(), 'metadata', 'generation'), field(first.value.object, 'metadata', 'generation'));
  });

  it('a new image on a healthy simulated rollout starts a canary that runs the first step\'s setWeight and pauses at the next step', async () => {
    const sim = new CanarySimulator(cluster.store, { clock, metricSource: constantMetricSource(1) });
    try {
      const created = await applyManifest(conn, await plan(aRolloutFile()));
      assert.ok(created.ok, created.ok ? '' : created.error.message);
      await until(() => rolloutPhase(stored()).phase === 'Healthy', 'the first version to be healthy');

      const launch = await plan(aRolloutFile({ image: 'nginx:1.26' }));
      assert.equal(launch.description.kind, 'newRevision');
      assert.equal(launch.description.lines[0], 'pod template changed: a canary will start at step 1, setWeight 10');
      const done = await applyManifest(conn, launch);
      assert.ok(done.ok, done.ok ? '' : done.error.message);
      // The simulator's pods are ready at once, so step 0 (setWeight 10) completes in the same reconcile
      // and the rollout stops at the indefinite pause of step 1, still at the first step's weight.
      await until(() => field(stored(), 'status', 'currentStepIndex') === 1, 'the canary to reach the pause step');
      const list = (r: string) => cluster.store.list(r, { namespace: 'default' }).items;
      const info = rolloutInfo(stored(), { replicaSets: list('replicasets'), pods: list('pods'), analysisRuns: list('analysisruns') }, clock.nowMs());
      assert.deepEqual({ phase: info.phase, message: info.message, step: info.step, setWeight: info.setWeight }, { phase: 'Paused', message: 'CanaryPauseStep', step: '1/4', setWeight: 10 });
      const canary = info.replicaSets.filter((rs) => rs.canary);
      assert.deepEqual(canary.map((rs) => [rs.images, rs.revision, rs.replicas]), [[['nginx:1.26'], 2, 1]]);
      assert.deepEqual(sim.errors, []);
    } finally {
      sim.stop();
    }
  });

  it('a field owned by another manager gives the conflict message, changes nothing, and applies with force', async () => {
    // kubectl applied the Rollout with 3 replicas; the file says 5.
    const kubectlApply = await conn.send({
      method: 'PATCH', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web', query: { fieldManager: 'kubectl' },
      contentType: 'application/apply-patch+yaml', body: { ...aRolloutFile(), metadata: { name: 'web', namespace: 'default' } },
    });
    assert.ok(kubectlApply.ok, kubectlApply.ok ? '' : kubectlApply.error.message);
    const before = stored();
    const launch = await plan(aRolloutFile({ replicas: 5 }));
    const done = await applyManifest(conn, launch);
    assert.ok(!done.ok);
    assert.equal(done.error.kind, 'fieldConflict');
    assert.equal(done.error.message, 'Nothing was changed: rollout web in namespace "default" (context "test-cluster") has a field this file sets to another value: '
      + '"kubectl" (kubectl apply --server-side, server-side apply) owns .spec.replicas. '
      + 'Force Apply makes this extension their owner (that manager may set them back on its next sync); confirm that is intended.');
    assert.deepEqual(stored(), before);

    const forced = await applyManifest(conn, launch, { force: true });
    assert.ok(forced.ok, forced.ok ? '' : forced.error.message);
    assert.equal(field(stored(), 'spec', 'replicas'), 5);
    assert.equal(cluster.requests.at(-1)?.path, '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web?fieldManager=argo-rollouts-vscode&force=true');
  });

  it('over a Rollout Helm wrote by update and Argo CD server-side applied, the conflict names both managers and every field, and force takes them', async () => {
    const path = '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts';
    const helm = await conn.send({ method: 'POST', path, query: { fieldManager: 'helm' }, body: { ...aRolloutFile(), metadata: { name: 'web', namespace: 'default' } } });
    assert.ok(helm.ok, helm.ok ? '' : helm.error.message);
    const argo = await conn.send({
      method: 'PATCH', path: `${path}/web`, query: { fieldManager: 'argocd-controller', force: 'true' }, contentType: 'application/apply-patch+yaml',
      body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' }, spec: { strategy: { canary: { steps: [{ setWeight: 20 }] } } } },
    });
    assert.ok(argo.ok, argo.ok ? '' : argo.error.message);
    const before = stored();
    const done = await applyManifest(conn, await plan(aRolloutFile({ image: 'nginx:1.26', replicas: 5 })));
    assert.ok(!done.ok && done.error.kind === 'fieldConflict');
    assert.deepEqual(done.error.conflict.managers.slice().sort(), ['argocd-controller', 'helm']);
    assert.deepEqual(done.error.conflict.fields.slice().sort(),
      ['.spec.replicas', '.spec.strategy.canary.steps', '.spec.template.spec.containers[name="app"].image']);
    assert.match(done.error.message, /"helm" \(Helm, by update at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\) owns \.spec\.replicas, \.spec\.template\.spec\.containers\[name="app"\]\.image/);
    assert.match(done.error.message, /"argocd-controller" \(Argo CD, which may revert the change on its next sync, server-side apply\) owns \.spec\.strategy\.canary\.steps/);
    assert.deepEqual(stored(), before);
    const forced = await applyManifest(conn, await plan(aRolloutFile({ image: 'nginx:1.26', replicas: 5 })), { force: true });
    assert.ok(forced.ok, forced.ok ? '' : forced.error.message);
    assert.deepEqual(field(stored(), 'spec', 'template', 'spec', 'containers'), [{ name: 'app', image: 'nginx:1.26' }]);
  });

  it('after the extension\'s own Set Image, a Launch with another image names the extension\'s update as the owner, not an empty manager', async () => {
    const created = await applyManifest(conn, await plan(aRolloutFile()));
    assert.ok(created.ok);
    const set = await setRolloutImage(conn, { namespace: 'default', name: 'web' }, 'app', 'nginx:1.27');
    assert.ok(set.ok, set.ok ? '' : set.error.message);
    const managers = field(stored(), 'metadata', 'managedFields');
    assert.ok(Array.isArray(managers));
    assert.deepEqual(managers.map((m) => `${String(field(m, 'manager'))} ${String(field(m, 'operation'))}`).sort(), ['argo-rollouts-vscode Apply', 'argo-rollouts-vscode Update']);
    const done = await applyManifest(conn, await plan(aRolloutFile({ image: 'nginx:1.26' })));
    assert.ok(!done.ok && done.error.kind === 'fieldConflict');
    assert.match(done.error.message, /"argo-rollouts-vscode" \(this extension: Set Image, Undo or another action, by update at [^)]+\) owns \.spec\.template\.spec\.containers\[name="app"\]\.image/);
  });

  it('a field the CRD does not declare gets the API server\'s 500, named as such, and nothing is created', async () => {
    const manifest = aRolloutFile();
    ((manifest['spec'] as JsonRecord)['strategy'] as JsonRecord)['canary'] = { steps: [{ setWeight: 10 }], stepz: [] };
    const launch = planLaunch({ manifest, span: file }, undefined, { context: conn.context, namespace: 'default', lintFindings: [], overrideLint: true });
    assert.equal(launch.verdict, 'ready');
    if (launch.verdict !== 'ready') return;
    const done = await applyManifest(conn, launch);
    assert.ok(!done.ok && done.error.kind === 'undeclaredField');
    assert.deepEqual(done.error.fields, ['.spec.strategy.canary.stepz']);
    assert.match(done.error.message, /does not declare field \.spec\.strategy\.canary\.stepz \(HTTP 500, "field not declared in schema"\)/);
    assert.equal(stored(), undefined);
  });

  it('a denied patch sends nothing but the access review and creates nothing', async () => {
    cluster.faults.deny({ verb: 'patch', resource: 'rollouts' });
    const launch = await plan(aRolloutFile());
    const from = cluster.requests.length;
    const done = await applyManifest(conn, launch);
    assert.ok(!done.ok);
    assert.equal(done.error.message, 'You cannot patch rollouts in namespace "default" (context "test-cluster"): ask for the patch verb on rollouts in argoproj.io, or use a context that has it.');
    assert.deepEqual(received(cluster, from, { reviews: true }).map((r) => `${r.method} ${r.path}`), ['POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews']);
    assert.equal(stored(), undefined);
  });

  it('a denied create stops a launch of a new Rollout after both reviews', async () => {
    cluster.faults.deny({ verb: 'create', resource: 'rollouts' });
    const done = await applyManifest(conn, await plan(aRolloutFile()));
    assert.ok(!done.ok);
    assert.match(done.error.message, /^You cannot create rollouts in namespace "default"/);
    assert.equal(received(cluster, 0).filter((r) => r.method === 'PATCH').length, 0);
    assert.equal(stored(), undefined);
  });

  it('the server\'s answer is returned as the applied object', async () => {
    const done = await applyManifest(conn, await plan(aRolloutFile()));
    assert.ok(done.ok && isRecord(done.value.object));
    assert.equal(field(done.value.object, 'metadata', 'uid'), field(stored(), 'metadata', 'uid'));
  });
});
