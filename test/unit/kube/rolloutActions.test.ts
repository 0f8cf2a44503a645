import { strict as assert } from 'node:assert';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import type { JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { accessDeniedMessage } from '../../../src/core/actions/accessReview';
import { getRolloutRequest, type ActionPlan, type KubeRequest, type ObjectRef } from '../../../src/core/actions/kubeRequest';
import { planAbort, planPause, planRetry, planRetryExperiment, planTerminateAnalysisRun, planTerminateExperiment } from '../../../src/core/actions/planPatches';
import { planPromote } from '../../../src/core/actions/planPromote';
import { planRestart } from '../../../src/core/actions/planRestart';
import { planSetImage, planSetImageUpdate, setImageTarget } from '../../../src/core/actions/planSetImage';
import { planUndo } from '../../../src/core/actions/planUndo';
import { err } from '../../../src/core/result';
import type { ClusterConnection, KubeTransport } from '../../../src/kube/clusterConnection';
import { executePlan, httpCallOf } from '../../../src/kube/executePlan';
import { createAnalysisRun, promoteRollout, setRolloutImage, undoRollout } from '../../../src/kube/rolloutActions';
import { RolloutStore, WATCHED_KINDS } from '../../../src/kube/rolloutStore';
import { kubeError } from '../../../src/core/kube/kubeErrors';
import { aReplicaSet, aRollout, connectTo, field, received, untilStore, type SentRequest } from './kubeTestKit';

const web: ObjectRef = { namespace: 'default', name: 'web' };

/** What the plugin sends for a plan request, in the recorded form. */
function expected(request: KubeRequest): SentRequest {
  const call = httpCallOf(request);
  const query = call.query ? `?${new URLSearchParams({ ...call.query }).toString()}` : '';
  return { method: call.method, path: `${call.path}${query}`, contentType: call.contentType ?? '', body: call.body };
}

describe('Rollout actions against the test cluster', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let conn: ClusterConnection;
  let store: RolloutStore;

  beforeEach(async () => {
    cluster = await startTestCluster();
    conn = connectTo(cluster);
    store = new RolloutStore(conn, { initialBackoffMs: 20, maxBackoffMs: 100 });
    store.watchNamespace('default');
    await cluster.watches.waitForCount(WATCHED_KINDS.length);
  });
  afterEach(async () => {
    store.dispose();
    await cluster.stop();
  });

  function stored(resource: string, name: string): JsonObject | undefined {
    return cluster.store.get({ resource, namespace: 'default', name });
  }

  /** Runs a one-step plan and checks the cluster received exactly its requests. */
  async function runsExactly(plan: ActionPlan): Promise<void> {
    const from = cluster.requests.length;
    const done = await executePlan(conn, plan);
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.equal(done.value.message, plan.message);
    assert.deepEqual(received(cluster, from), plan.requests.map(expected));
    assert.equal(received(cluster, from, { reviews: true }).filter((r) => r.path.includes('selfsubjectaccessreviews')).length, plan.requests.length);
  }

  it('pause sends the plugin\'s merge patch and the store shows spec.paused', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    await runsExactly(planPause(web));
    await untilStore(store, () => field(store.rollout('default', 'web')?.rollout, 'spec', 'paused') === true);
  });

  it('abort and retry patch the status subresource with merge patches', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    await runsExactly(planAbort(web));
    await untilStore(store, () => field(store.rollout('default', 'web')?.rollout, 'status', 'abort') === true);
    await runsExactly(planRetry(web));
    await untilStore(store, () => field(store.rollout('default', 'web')?.rollout, 'status', 'abort') === false);
  });

  it('restart sets spec.restartAt to now in UTC and prints the plugin\'s line', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    const plan = planRestart(web, new Date('2025-03-01T10:00:00.500Z'), '30s');
    assert.ok(!('error' in plan));
    await runsExactly(plan);
    assert.equal(plan.message, 'rollout \'web\' restarts in 30s');
    await untilStore(store, () => field(store.rollout('default', 'web')?.rollout, 'spec', 'restartAt') === '2025-03-01T10:00:30Z');
  });

  it('promote reads the rollout, then clears the pause conditions and unpauses, as the plugin does', async () => {
    cluster.store.create('rollouts', { ...aRollout('web', { paused: true }), status: { currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2025-01-01T00:00:00Z' }], controllerPause: true } }, { keepStatus: true });
    const before = stored('rollouts', 'web');
    const from = cluster.requests.length;
    const done = await promoteRollout(conn, web, { full: false });
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.equal(done.value.message, 'rollout \'web\' promoted');
    const plan = planPromote(web, before, { full: false });
    assert.equal(plan.requests.length, 2);
    assert.deepEqual(received(cluster, from), [expected(getRolloutRequest(web)), ...plan.requests.map(expected)]);
    await untilStore(store, () => {
      const ro = store.rollout('default', 'web')?.rollout;
      return field(ro, 'spec', 'paused') === false && field(ro, 'status', 'pauseConditions') === undefined;
    });
  });

  it('promote --full asks for promoteFull on the status and prints "fully promoted"', async () => {
    cluster.store.create('rollouts', { ...aRollout('web'), status: { currentPodHash: 'new', stableRS: 'old' } }, { keepStatus: true });
    const from = cluster.requests.length;
    const done = await promoteRollout(conn, web, { full: true });
    assert.ok(done.ok);
    assert.equal(done.value.message, 'rollout \'web\' fully promoted');
    assert.deepEqual(received(cluster, from).slice(1), [{ method: 'PATCH', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web/status', contentType: 'application/merge-patch+json', body: { status: { promoteFull: true } } }]);
    await untilStore(store, () => field(store.rollout('default', 'web')?.rollout, 'status', 'promoteFull') === true);
  });

  it('set image PUTs the whole rollout with the new image', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    const before = stored('rollouts', 'web');
    const from = cluster.requests.length;
    const done = await setRolloutImage(conn, web, 'app', 'nginx:1.27');
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.equal(done.value.message, 'rollout "web" image updated');
    const updated = planSetImage(before, 'app', 'nginx:1.27');
    assert.ok('updated' in updated);
    const target = setImageTarget(web, before);
    assert.ok(!('error' in target));
    const put = planSetImageUpdate(target, updated.updated).requests;
    assert.deepEqual(received(cluster, from), [expected(getRolloutRequest(web)), ...put.map(expected)]);
    assert.equal(put[0]?.contentType, 'application/json');
    await untilStore(store, () => JSON.stringify(field(store.rollout('default', 'web')?.rollout, 'spec', 'template')).includes('"nginx:1.27"'));
  });

  it('set image retries the read and the write when someone else wrote in between (409)', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    // The controller writes status right after our first read, so the first PUT carries a stale resourceVersion.
    let reads = 0;
    const racing: KubeTransport = {
      context: conn.context, server: conn.server, watch: (p, q, h) => conn.watch(p, q, h),
      send: async (call) => {
        const answer = await conn.send(call);
        if (call.method === 'GET' && call.path.endsWith('/rollouts/web') && ++reads === 1) cluster.store.patchStatus({ resource: 'rollouts', namespace: 'default', name: 'web' }, { phase: 'Progressing' });
        return answer;
      },
    };
    const from = cluster.requests.length;
    const done = await setRolloutImage(racing, web, '*', 'nginx:1.27');
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.deepEqual(received(cluster, from).map((r) => r.method), ['GET', 'PUT', 'GET', 'PUT']);
    assert.match(JSON.stringify(stored('rollouts', 'web')?.spec), /nginx:1\.27/);
    assert.equal(field(stored('rollouts', 'web'), 'status', 'phase'), 'Progressing');
  });

  it('set image on a workloadRef rollout updates the Deployment instead', async () => {
    cluster.store.create('deployments', { metadata: { name: 'web-deploy' }, spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } } } });
    cluster.store.create('rollouts', aRollout('web', { workloadRef: 'web-deploy' }));
    const from = cluster.requests.length;
    const done = await setRolloutImage(conn, web, 'app', 'nginx:1.27');
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.equal(done.value.message, 'deployment "web-deploy" image updated');
    assert.deepEqual(received(cluster, from).map((r) => `${r.method} ${r.path}`), [
      'GET /apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web', 'GET /apis/apps/v1/namespaces/default/deployments/web-deploy', 'PUT /apis/apps/v1/namespaces/default/deployments/web-deploy']);
    assert.match(JSON.stringify(stored('deployments', 'web-deploy')), /nginx:1\.27/);
  });

  it('set image names a container that does not exist and sends no write', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    const from = cluster.requests.length;
    const done = await setRolloutImage(conn, web, 'sidecar', 'x:1');
    assert.ok(!done.ok);
    assert.equal(done.error.message, 'unable to find container named "sidecar"');
    assert.deepEqual(received(cluster, from).map((r) => r.method), ['GET']);
  });

  it('undo lists the rollout\'s ReplicaSets and JSON-patches the previous template back', async () => {
    const ro = cluster.store.create('rollouts', aRollout('web', { image: 'nginx:2' }));
    const uid = String(field(ro, 'metadata', 'uid'));
    cluster.store.create('replicasets', aReplicaSet('web', uid, 1, 'nginx:1'));
    cluster.store.create('replicasets', aReplicaSet('web', uid, 2, 'nginx:2'));
    const before = stored('rollouts', 'web');
    const from = cluster.requests.length;
    const done = await undoRollout(conn, web);
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    assert.equal(done.value.message, 'rollout \'web\' undo');
    const sent = received(cluster, from);
    assert.deepEqual(sent.slice(0, 2).map((r) => `${r.method} ${r.path}`), [
      'GET /apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web', 'GET /apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dweb']);
    const replicaSets = cluster.store.list('replicasets', { namespace: 'default' }).items;
    const plan = planUndo(web, before, replicaSets);
    assert.ok('requests' in plan);
    assert.deepEqual(sent.slice(2), plan.requests.map(expected));
    assert.equal(sent[2]?.contentType, 'application/json-patch+json');
    await untilStore(store, () => JSON.stringify(field(store.rollout('default', 'web')?.rollout, 'spec', 'template')).includes('"nginx:1"'));
  });

  it('undo to the revision already running says it skipped and writes nothing', async () => {
    const ro = cluster.store.create('rollouts', aRollout('web', { image: 'nginx:2' }));
    const uid = String(field(ro, 'metadata', 'uid'));
    cluster.store.create('replicasets', aReplicaSet('web', uid, 1, 'nginx:1'));
    cluster.store.create('replicasets', aReplicaSet('web', uid, 2, 'nginx:2'));
    const from = cluster.requests.length;
    const done = await undoRollout(conn, web, 2);
    assert.ok(done.ok);
    assert.equal(done.value.message, 'skipped rollback (current template already matches revision 2)');
    assert.deepEqual(received(cluster, from).map((r) => r.method), ['GET', 'GET']);
  });

  it('terminates an AnalysisRun and an Experiment and retries an Experiment with the plugin\'s patches', async () => {
    cluster.store.create('analysisruns', { metadata: { name: 'web-run' }, spec: { metrics: [] } });
    cluster.store.create('experiments', { metadata: { name: 'web-exp' }, spec: { templates: [] }, status: { phase: 'Running' } });
    await runsExactly(planTerminateAnalysisRun({ namespace: 'default', name: 'web-run' }));
    await untilStore(store, () => field(store.objects('default', 'analysisruns')[0], 'spec', 'terminate') === true);
    await runsExactly(planTerminateExperiment({ namespace: 'default', name: 'web-exp' }));
    await untilStore(store, () => field(store.objects('default', 'experiments')[0], 'spec', 'terminate') === true);
    await runsExactly(planRetryExperiment({ namespace: 'default', name: 'web-exp' }));
    await untilStore(store, () => field(store.objects('default', 'experiments')[0], 'status') === undefined);
  });

  it('creates an AnalysisRun from a template and names the run the server generated', async () => {
    cluster.store.create('analysistemplates', { metadata: { name: 'success-rate' }, spec: { args: [{ name: 'service' }], metrics: [{ name: 'ok', provider: { job: {} } }] } });
    const from = cluster.requests.length;
    const done = await createAnalysisRun(conn, { namespace: 'default', templateName: 'success-rate', clusterScope: false, args: { service: 'web' } });
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    const [run] = cluster.store.list('analysisruns', { namespace: 'default' }).items;
    const name = String(field(run, 'metadata', 'name'));
    assert.match(name, /^success-rate-[a-z0-9]{5}$/);
    assert.equal(done.value.message, `analysisrun.argoproj.io/${name} created`);
    const sent = received(cluster, from);
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.contentType}`), [
      'GET /apis/argoproj.io/v1alpha1/namespaces/default/analysistemplates/success-rate ', 'POST /apis/argoproj.io/v1alpha1/namespaces/default/analysisruns application/json']);
    assert.deepEqual(field(sent[1]?.body, 'spec', 'args'), [{ name: 'service', value: 'web' }]);
    await untilStore(store, () => store.objects('default', 'analysisruns').length === 1);
  });

  it('explains a missing RBAC verb before trying and sends no write', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    cluster.faults.deny({ verb: 'patch', resource: 'rollouts/status' });
    const from = cluster.requests.length;
    const done = await executePlan(conn, planAbort(web));
    assert.ok(!done.ok);
    assert.equal(done.error.message, accessDeniedMessage({ group: 'argoproj.io', resource: 'rollouts', subresource: 'status', verb: 'patch', namespace: 'default' }, 'test-cluster'));
    assert.equal(done.error.message, 'You cannot patch rollouts/status in namespace "default" (context "test-cluster"): ask for the patch verb on rollouts/status in argoproj.io, or use a context that has it.');
    assert.deepEqual(received(cluster, from, { reviews: true }).map((r) => r.method), ['POST']);
    assert.equal(field(stored('rollouts', 'web'), 'status', 'abort'), undefined);
  });

  it('checks every write of promote first, so a forbidden spec patch stops it before the status patch', async () => {
    cluster.store.create('rollouts', { ...aRollout('web', { paused: true }), status: { pauseConditions: [{ reason: 'CanaryPauseStep' }] } }, { keepStatus: true });
    cluster.faults.deny({ verb: 'patch', resource: 'rollouts' });
    const from = cluster.requests.length;
    const done = await promoteRollout(conn, web, { full: false });
    assert.ok(!done.ok);
    assert.match(done.error.message, /^You cannot patch rollouts in namespace "default"/);
    assert.deepEqual(received(cluster, from).map((r) => r.method), ['GET']);
    assert.deepEqual(field(stored('rollouts', 'web'), 'status', 'pauseConditions'), [{ reason: 'CanaryPauseStep' }]);
  });

  it('shows the API server\'s 403 text when a write is refused without a pre-check', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    cluster.faults.deny({ verb: 'patch', resource: 'rollouts' });
    const from = cluster.requests.length;
    const done = await executePlan(conn, planPause(web), { checkAccess: false });
    assert.ok(!done.ok);
    assert.match(done.error.message, /^rollouts\.argoproj\.io "web" is forbidden: User "test-user" cannot patch resource "rollouts" in API group "argoproj.io" in the namespace "default"\. \(403, context test-cluster\)/);
    assert.equal(received(cluster, from).length, 1);
    assert.equal(field(stored('rollouts', 'web'), 'spec', 'paused'), undefined);
  });

  it('falls back to patching the rollout itself when the status subresource answers 404 (pre-0.10 controllers)', async () => {
    // The double always serves rollouts/status, so a transport that answers 404 for it stands in for an old CRD.
    cluster.store.create('rollouts', aRollout('web'));
    const oldCrd: KubeTransport = {
      context: conn.context, server: conn.server, watch: (p, q, h) => conn.watch(p, q, h),
      send: async (call) => call.path.endsWith('/status')
        ? err(kubeError({ kind: 'notFound', context: conn.context, apiMessage: 'the server could not find the requested resource' }))
        : conn.send(call),
    };
    const from = cluster.requests.length;
    const done = await executePlan(oldCrd, planAbort(web), { checkAccess: false });
    assert.ok(done.ok);
    assert.deepEqual(received(cluster, from), [{ method: 'PATCH', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web', contentType: 'application/merge-patch+json', body: { status: { abort: true } } }]);
  });
});
