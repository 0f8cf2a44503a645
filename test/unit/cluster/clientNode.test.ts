import { strict as assert } from 'node:assert';
import { get } from 'node:https';
import { ApiException, AppsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions, Watch, AuthorizationV1Api } from '@kubernetes/client-node';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { isJsonObject, type JsonObject } from '../../../testbed/apiDouble/jsonValue';

// The double, through the real @kubernetes/client-node over HTTPS with the generated CA: what the
// extension's kube layer will see.
const ro = { group: 'argoproj.io', version: 'v1alpha1', plural: 'rollouts' };

function aRollout(name: string, replicas = 1): JsonObject {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, labels: { app: name } }, spec: { replicas, strategy: { canary: { steps: [{ setWeight: 20 }] } } } };
}

function field(obj: unknown, ...path: string[]): unknown {
  let node = obj;
  for (const k of path) node = isJsonObject(node) ? node[k] : undefined;
  return node;
}

/** The HTTP status and Status message of a failed call. */
async function failure(call: Promise<unknown>): Promise<{ code: number; message: unknown; reason: unknown }> {
  try {
    await call;
  } catch (e) {
    if (e instanceof ApiException) {
      const body: unknown = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      return { code: e.code, message: field(body, 'message'), reason: field(body, 'reason') };
    }
    throw e;
  }
  assert.fail('expected the call to fail');
}

interface Recorded {
  events: { type: string; object: unknown }[];
  done: Promise<unknown>;
  waitFor(n: number): Promise<void>;
  stop(): void;
}

/** Starts a watch and collects its events; waits for counts with a timeout instead of sleeping. */
async function record(kc: KubeConfig, path: string, query: Record<string, string | number | boolean>): Promise<Recorded> {
  const events: { type: string; object: unknown }[] = [];
  let wake: () => void = () => undefined;
  let finish: (err: unknown) => void = () => undefined;
  const done = new Promise<unknown>((resolve) => (finish = resolve));
  const controller = await new Watch(kc).watch(path, query, (type, object) => {
    events.push({ type, object });
    wake();
  }, (err) => finish(err));
  return {
    events, done,
    async waitFor(n) {
      const deadline = Date.now() + 5000;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} events, got ${JSON.stringify(events.map((e) => e.type))}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
    stop: () => controller.abort(),
  };
}

describe('Test cluster through @kubernetes/client-node', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let kc: KubeConfig;
  let custom: CustomObjectsApi;

  before(async () => {
    cluster = await startTestCluster({ contextName: 'kind-test' });
    kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    custom = kc.makeApiClient(CustomObjectsApi);
  });
  after(async () => cluster.stop());
  afterEach(() => {
    cluster.faults.clear();
    for (const obj of cluster.store.list('rollouts').items) {
      cluster.store.delete({ resource: 'rollouts', namespace: String(field(obj, 'metadata', 'namespace')), name: String(field(obj, 'metadata', 'name')) });
    }
  });

  it('writes a kubeconfig whose current context is the configured name and whose server is 127.0.0.1 over https', () => {
    assert.equal(kc.getCurrentContext(), 'kind-test');
    assert.match(kc.getCurrentCluster()?.server ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(cluster.url, kc.getCurrentCluster()?.server);
  });

  it('lists namespaces with the typed core client', async () => {
    const list = await kc.makeApiClient(CoreV1Api).listNamespace();
    assert.deepEqual(list.items.map((n) => n.metadata?.name), ['default', 'kube-system']);
  });

  it('creates, gets and lists rollouts across namespaces with label and field selectors', async () => {
    cluster.store.create('namespaces', { metadata: { name: 'prod' } });
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'prod', body: aRollout('api') });
    const all: unknown = await custom.listClusterCustomObject(ro);
    assert.deepEqual((field(all, 'items') as unknown[]).map((i) => field(i, 'metadata', 'name')), ['web', 'api']);
    assert.equal(field(all, 'kind'), 'RolloutList');
    const byLabel: unknown = await custom.listClusterCustomObject({ ...ro, labelSelector: 'app=api' });
    assert.deepEqual((field(byLabel, 'items') as unknown[]).map((i) => field(i, 'metadata', 'namespace')), ['prod']);
    const byName: unknown = await custom.listNamespacedCustomObject({ ...ro, namespace: 'default', fieldSelector: 'metadata.name=web' });
    assert.equal((field(byName, 'items') as unknown[]).length, 1);
    const got: unknown = await custom.getNamespacedCustomObject({ ...ro, namespace: 'prod', name: 'api' });
    assert.equal(field(got, 'spec', 'replicas'), 1);
    cluster.store.delete({ resource: 'namespaces', name: 'prod' });
  });

  it('serves pods, services and replicasets through the typed clients, with label selectors and delete returning the object', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'web-abc', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } } });
    await core.createNamespacedService({ namespace: 'default', body: { metadata: { name: 'web-canary' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } });
    await apps.createNamespacedReplicaSet({ namespace: 'default', body: { metadata: { name: 'web-6d4f', labels: { app: 'web' } },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } } } });
    assert.deepEqual((await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' })).items.map((p) => p.metadata?.name), ['web-abc']);
    assert.deepEqual((await core.listPodForAllNamespaces({ labelSelector: 'app=api' })).items, []);
    assert.equal((await core.readNamespacedService({ namespace: 'default', name: 'web-canary' })).spec?.ports?.[0]?.port, 80);
    assert.deepEqual((await apps.listReplicaSetForAllNamespaces({ labelSelector: 'app' })).items.map((r) => r.metadata?.name), ['web-6d4f']);
    const deleted: unknown = await core.deleteNamespacedPod({ namespace: 'default', name: 'web-abc' });
    assert.equal(field(deleted, 'metadata', 'name'), 'web-abc');
    await core.deleteNamespacedService({ namespace: 'default', name: 'web-canary' });
    await apps.deleteNamespacedReplicaSet({ namespace: 'default', name: 'web-6d4f' });
  });

  it('answers a missing rollout with 404 and the API server\'s not-found text', async () => {
    const f = await failure(custom.getNamespacedCustomObject({ ...ro, namespace: 'default', name: 'nope' }));
    assert.deepEqual(f, { code: 404, message: 'rollouts.argoproj.io "nope" not found', reason: 'NotFound' });
  });

  it('refuses a second create with 409 AlreadyExists and names a generateName object', async () => {
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    const f = await failure(custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') }));
    assert.deepEqual(f, { code: 409, message: 'rollouts.argoproj.io "web" already exists', reason: 'AlreadyExists' });
    const run: unknown = await custom.createNamespacedCustomObject({ group: 'argoproj.io', version: 'v1alpha1', plural: 'analysisruns', namespace: 'default',
      body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { generateName: 'web-' }, spec: { metrics: [] } } });
    assert.match(String(field(run, 'metadata', 'name')), /^web-.{5}$/);
  });

  it('replaces with the current resourceVersion (generation bumps) and answers a stale one with 409 Conflict', async () => {
    const created: unknown = await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    const body = { ...(created as JsonObject), spec: { replicas: 2 } };
    const replaced: unknown = await custom.replaceNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web', body });
    assert.equal(field(replaced, 'metadata', 'generation'), 2);
    const f = await failure(custom.replaceNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web', body }));
    assert.equal(f.code, 409);
    assert.equal(f.message, 'Operation cannot be fulfilled on rollouts.argoproj.io "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('applies a merge patch and a JSON patch to a rollout', async () => {
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    await custom.patchNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web', body: { spec: { paused: true } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const patched: unknown = await custom.patchNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web',
      body: [{ op: 'replace', path: '/spec/replicas', value: 5 }, { op: 'add', path: '/metadata/labels/tier', value: 'web' }] },
    setHeaderOptions('Content-Type', PatchStrategy.JsonPatch));
    assert.deepEqual([field(patched, 'spec', 'paused'), field(patched, 'spec', 'replicas'), field(patched, 'metadata', 'labels', 'tier')], [true, 5, 'web']);
    const f = await failure(custom.patchNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web', body: [{ op: 'test', path: '/spec/replicas', value: 1 }] },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch)));
    assert.equal(f.code, 422);
  });

  it('refuses a strategic merge patch on a rollout with 415 as for any custom resource', async () => {
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    const f = await failure(custom.patchNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web', body: { spec: { paused: true } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch)));
    assert.equal(f.code, 415);
    assert.equal(f.reason, 'UnsupportedMediaType');
  });

  it('merges containers by name in a strategic merge patch of a deployment', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    await apps.createNamespacedDeployment({ namespace: 'default', body: { metadata: { name: 'api' }, spec: { selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:1' }, { name: 'proxy', image: 'envoy:1' }] } } } } });
    const patched = await apps.patchNamespacedDeployment({ namespace: 'default', name: 'api',
      body: { spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoy:2' }] } } } } }, setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch));
    assert.deepEqual(patched.spec?.template.spec?.containers.map((c) => c.image), ['api:1', 'envoy:2']);
    assert.equal(patched.metadata?.generation, 2);
    await apps.deleteNamespacedDeployment({ namespace: 'default', name: 'api' });
  });

  it('creates with server-side apply, records the field manager, and reports another manager\'s field as a conflict unless forced', async () => {
    const apply = (manager: string, replicas: number, force = false): Promise<unknown> => custom.patchNamespacedCustomObject(
      { ...ro, namespace: 'default', name: 'web', body: aRollout('web', replicas), fieldManager: manager, force },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply));
    const created = await apply('argo-rollouts-vscode', 2);
    const managers = (obj: unknown): unknown[] => (field(obj, 'metadata', 'managedFields') as unknown[]).map((m) => [field(m, 'manager'), field(m, 'operation')]);
    assert.deepEqual(managers(created), [['argo-rollouts-vscode', 'Apply']]);
    const f = await failure(apply('someone-else', 3));
    assert.deepEqual(f, { code: 409, reason: 'Conflict', message: 'Apply failed with 1 conflict: conflict with "argo-rollouts-vscode": .spec.replicas' });
    const forced = await apply('someone-else', 3, true);
    assert.equal(field(forced, 'spec', 'replicas'), 3);
  });

  it('changes only status through the status subresource and ignores status on the main resource', async () => {
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const viaStatus: unknown = await custom.patchNamespacedCustomObjectStatus({ ...ro, namespace: 'default', name: 'web',
      body: { spec: { replicas: 9 }, status: { abort: true } } }, merge);
    assert.deepEqual([field(viaStatus, 'status', 'abort'), field(viaStatus, 'spec', 'replicas'), field(viaStatus, 'metadata', 'generation')], [true, 1, 1]);
    const viaMain: unknown = await custom.patchNamespacedCustomObject({ ...ro, namespace: 'default', name: 'web', body: { status: { abort: false } } }, merge);
    assert.equal(field(viaMain, 'status', 'abort'), true);
  });

  it('serves the rollout scale subresource from spec.replicas and status.HPAReplicas', async () => {
    cluster.store.create('rollouts', { ...aRollout('web', 4), status: { HPAReplicas: 3, selector: 'app=web' } }, { keepStatus: true });
    const scale: unknown = await custom.getNamespacedCustomObjectScale({ ...ro, namespace: 'default', name: 'web' });
    assert.deepEqual([field(scale, 'kind'), field(scale, 'spec', 'replicas'), field(scale, 'status', 'replicas'), field(scale, 'status', 'selector')], ['Scale', 4, 3, 'app=web']);
  });

  it('denies an injected verb with 403 and the API server\'s RBAC wording, and says so in an access review', async () => {
    await custom.createNamespacedCustomObject({ ...ro, namespace: 'default', body: aRollout('web') });
    cluster.faults.deny({ verb: 'patch', resource: 'rollouts/status' });
    const f = await failure(custom.patchNamespacedCustomObjectStatus({ ...ro, namespace: 'default', name: 'web', body: { status: { abort: true } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch)));
    assert.deepEqual(f, { code: 403, reason: 'Forbidden',
      message: 'rollouts.argoproj.io "web" is forbidden: User "test-user" cannot patch resource "rollouts/status" in API group "argoproj.io" in the namespace "default"' });
    const authz = kc.makeApiClient(AuthorizationV1Api);
    const review = (subresource: string) => authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { verb: 'patch', group: 'argoproj.io', resource: 'rollouts', subresource, namespace: 'default' } } } });
    assert.equal((await review('status')).status?.allowed, false);
    assert.equal((await review('')).status?.allowed, true);
  });

  it('answers 401 Unauthorized without the right token', async () => {
    const stranger = new KubeConfig();
    stranger.loadFromOptions({
      clusters: [{ name: 'c', server: cluster.url, caData: Buffer.from(cluster.caPem).toString('base64') }],
      users: [{ name: 'u', token: 'wrong' }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x',
    });
    const f = await failure(stranger.makeApiClient(CoreV1Api).listNamespace());
    assert.equal(f.code, 401); // the generated client drops the body of a 401, so read it without the client
    const raw = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      get(`${cluster.url}/api/v1/namespaces`, { ca: cluster.caPem }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      }).on('error', reject);
    });
    assert.equal(raw.status, 401);
    assert.deepEqual(JSON.parse(raw.body), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('fails an injected request with 500 and delays another by the injected latency', async () => {
    cluster.faults.failWith500({ method: 'GET', path: '/rollouts' }, 1);
    const f = await failure(custom.listClusterCustomObject(ro));
    assert.deepEqual([f.code, f.reason], [500, 'InternalError']);
    await custom.listClusterCustomObject(ro); // the fault was for one request only
    cluster.faults.latency(300, { path: '/rollouts' });
    const start = Date.now();
    await custom.listClusterCustomObject(ro);
    assert.ok(Date.now() - start >= 290, `answered after ${Date.now() - start} ms`);
  });

  describe('watch', () => {
    const path = '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts';

    it('delivers ADDED, MODIFIED and DELETED in order from a resourceVersion', async () => {
      const from = String(cluster.store.resourceVersion);
      const w = await record(kc, path, { resourceVersion: from });
      const created = cluster.store.create('rollouts', aRollout('web'));
      cluster.store.update('rollouts', { ...created, spec: { replicas: 2 } });
      cluster.store.delete({ resource: 'rollouts', namespace: 'default', name: 'web' });
      await w.waitFor(3);
      w.stop();
      assert.deepEqual(w.events.map((e) => e.type), ['ADDED', 'MODIFIED', 'DELETED']);
      const rvs = w.events.map((e) => Number(field(e.object, 'metadata', 'resourceVersion')));
      assert.deepEqual(rvs, [Number(from) + 1, Number(from) + 2, Number(from) + 3]);
    });

    it('sends BOOKMARK events at the current resourceVersion when allowed', async () => {
      const w = await record(kc, path, { resourceVersion: String(cluster.store.resourceVersion), allowWatchBookmarks: true });
      await cluster.watches.waitForCount(1);
      cluster.store.create('rollouts', aRollout('web'));
      assert.equal(cluster.watches.bookmarkAll(), 1);
      await w.waitFor(2);
      w.stop();
      assert.deepEqual(w.events.map((e) => e.type), ['ADDED', 'BOOKMARK']);
      assert.deepEqual(w.events[1]?.object, { kind: 'Rollout', apiVersion: 'argoproj.io/v1alpha1', metadata: { resourceVersion: String(cluster.store.resourceVersion) } });
    });

    it('sends bookmarks on the configured interval, and ends a watch after its timeoutSeconds', async () => {
      const ticking = await startTestCluster({ bookmarkIntervalMs: 20 });
      try {
        const tkc = new KubeConfig();
        tkc.loadFromFile(ticking.kubeconfigPath);
        const w = await record(tkc, path, { allowWatchBookmarks: true, timeoutSeconds: 1 });
        await w.waitFor(2);
        assert.deepEqual(w.events.slice(0, 2).map((e) => e.type), ['BOOKMARK', 'BOOKMARK']);
        assert.equal(await w.done, null);
      } finally {
        await ticking.stop();
      }
    });

    it('answers a compacted resourceVersion with an ERROR event carrying 410 Expired, then ends', async () => {
      const old = cluster.store.resourceVersion;
      cluster.store.create('rollouts', aRollout('web'));
      cluster.faults.compact();
      const w = await record(kc, path, { resourceVersion: String(old) });
      assert.equal(await w.done, null);
      assert.deepEqual(w.events.map((e) => [e.type, field(e.object, 'code'), field(e.object, 'reason')]), [['ERROR', 410, 'Expired']]);
    });

    for (const mode of ['end', 'destroy'] as const) {
      it(`ends the client's stream when the server drops its watch (${mode})`, async () => {
        const w = await record(kc, path, {});
        await cluster.watches.waitForCount(1);
        assert.equal(cluster.faults.dropWatches(mode), 1);
        await w.done;
        assert.equal(cluster.watches.count, 0);
      });
    }

    it('refuses a watch denied by an injected 403', async () => {
      cluster.faults.deny({ verb: 'watch', resource: 'rollouts' });
      const w = await record(kc, path, {});
      const err = await w.done;
      assert.ok(err instanceof Error);
      assert.equal(Reflect.get(err, 'statusCode'), 403);
    });
  });
});
