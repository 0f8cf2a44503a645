import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isJsonObject, parseJson, type JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { kubectl, kubectlPresent } from './kubectlKit';

// Fidelity check: the real kubectl (v1.32 here) against the double. If kubectl accepts the double's
// answers and leaves the objects the extension expects, the double is honest about what matters.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function field(obj: unknown, ...path: string[]): unknown {
  let node = obj;
  for (const k of path) node = isJsonObject(node) ? node[k] : Array.isArray(node) ? node[Number(k)] : undefined;
  return node;
}

const rolloutYaml = (replicas: number): string => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.27"}]}
  strategy:
    canary:
      steps: [{setWeight: 20}, {pause: {}}]
`;

describe('Test cluster fidelity with the real kubectl', function () {
  this.timeout(60000);
  let cluster: TestCluster;
  let dir: string;

  before(async function () {
    if (!kubectlPresent()) {
      console.warn(`kubectl fidelity test skipped: '${kubectl}' is not installed (set KUBECTL to its path)`);
      this.skip();
    }
    cluster = await startTestCluster();
    dir = await mkdtemp(join(tmpdir(), 'kubectl-fidelity-'));
  });
  after(async () => {
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => cluster.faults.clear());

  /** Runs kubectl with the double's kubeconfig and a private discovery cache. */
  function run(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(kubectl, ['--kubeconfig', cluster.kubeconfigPath, '--cache-dir', join(dir, 'cache'), ...args], { env: { ...process.env, HOME: dir } },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    });
  }

  async function json(...args: string[]): Promise<JsonObject> {
    const r = await run(...args, '-o', 'json');
    assert.equal(r.code, 0, r.stderr);
    const parsed = parseJson(r.stdout);
    assert.ok(isJsonObject(parsed), r.stdout);
    return parsed;
  }

  function stored(): JsonObject {
    const obj = cluster.store.get({ resource: 'rollouts', namespace: 'default', name: 'web' });
    assert.ok(obj, 'the double holds rollout web');
    return obj;
  }

  async function manifest(text: string): Promise<string> {
    const file = join(dir, 'rollout.yaml');
    await writeFile(file, text);
    return file;
  }

  it('uses the kubeconfig context named test-cluster', async () => {
    assert.equal((await run('config', 'current-context')).stdout.trim(), 'test-cluster');
  });

  it('creates a rollout with client-side kubectl apply, recording the last-applied annotation', async () => {
    const r = await run('apply', '-f', await manifest(rolloutYaml(3)));
    assert.deepEqual([r.code, r.stdout.trim()], [0, 'rollout.argoproj.io/web created'], r.stderr);
    const obj = stored();
    assert.equal(field(obj, 'spec', 'replicas'), 3);
    assert.equal(field(obj, 'metadata', 'generation'), 1);
    assert.match(String(field(obj, 'metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration')), /"replicas":3/);
  });

  it('re-applies a changed manifest client-side as a JSON merge patch that bumps generation', async () => {
    const r = await run('apply', '-f', await manifest(rolloutYaml(4)));
    assert.deepEqual([r.code, r.stdout.trim()], [0, 'rollout.argoproj.io/web configured'], r.stderr);
    const patch = cluster.requests.filter((q) => q.method === 'PATCH').at(-1);
    assert.equal(patch?.contentType, 'application/merge-patch+json');
    assert.deepEqual([field(stored(), 'spec', 'replicas'), field(stored(), 'metadata', 'generation')], [4, 2]);
  });

  it('lists rollouts in all namespaces with kubectl get -A -o json', async () => {
    cluster.store.create('namespaces', { metadata: { name: 'prod' } });
    cluster.store.create('rollouts', { metadata: { name: 'api', namespace: 'prod' }, spec: { replicas: 1 } });
    const list = await json('get', 'rollouts', '-A');
    const items = field(list, 'items');
    assert.ok(Array.isArray(items));
    assert.deepEqual(items.map((i) => [field(i, 'metadata', 'namespace'), field(i, 'metadata', 'name'), field(i, 'kind'), field(i, 'apiVersion')]),
      [['default', 'web', 'Rollout', 'argoproj.io/v1alpha1'], ['prod', 'api', 'Rollout', 'argoproj.io/v1alpha1']]);
  });

  it('gets one rollout with kubectl get -o json exactly as the double holds it, managedFields only when asked', async () => {
    const { managedFields, ...metadata } = stored().metadata as JsonObject;
    assert.ok(Array.isArray(managedFields), 'the writes so far recorded their managers');
    assert.deepEqual(await json('get', 'rollout', 'web'), { ...stored(), metadata });
    assert.deepEqual(await json('get', 'ro', 'web'), { ...stored(), metadata }); // the short name from discovery
    assert.deepEqual(await json('get', 'ro', 'web', '--show-managed-fields'), stored());
  });

  it('prints the API server\'s not-found error for a missing rollout', async () => {
    const r = await run('get', 'rollout', 'nope');
    assert.deepEqual([r.code, r.stderr.trim()], [1, 'Error from server (NotFound): rollouts.argoproj.io "nope" not found']);
  });

  it('pauses with kubectl patch --type merge, and reports a repeated patch as no change', async () => {
    const before = Number(field(stored(), 'metadata', 'generation'));
    const r = await run('patch', 'rollout', 'web', '--type', 'merge', '-p', '{"spec":{"paused":true}}');
    assert.deepEqual([r.code, r.stdout.trim()], [0, 'rollout.argoproj.io/web patched'], r.stderr);
    assert.deepEqual([field(stored(), 'spec', 'paused'), field(stored(), 'metadata', 'generation')], [true, before + 1]);
    const again = await run('patch', 'rollout', 'web', '--type', 'merge', '-p', '{"spec":{"paused":true}}');
    assert.equal(again.stdout.trim(), 'rollout.argoproj.io/web patched (no change)');
  });

  it('aborts with kubectl patch --subresource=status: only status changes, generation stays', async () => {
    const before = stored();
    const r = await run('patch', 'rollout', 'web', '--subresource=status', '--type', 'merge', '-p', '{"status":{"abort":true},"spec":{"replicas":9}}');
    assert.deepEqual([r.code, r.stdout.trim()], [0, 'rollout.argoproj.io/web patched'], r.stderr);
    assert.match(cluster.requests.filter((q) => q.method === 'PATCH').at(-1)?.path ?? '', /\/namespaces\/default\/rollouts\/web\/status\?/);
    const after = stored();
    assert.equal(field(after, 'status', 'abort'), true);
    assert.deepEqual(after.spec, before.spec);
    assert.equal(field(after, 'metadata', 'generation'), field(before, 'metadata', 'generation'));
  });

  it('prints the RBAC denial for an injected 403 on rollouts/status, and kubectl auth can-i says no', async () => {
    cluster.faults.deny({ verb: 'patch', resource: 'rollouts/status' });
    const r = await run('patch', 'rollout', 'web', '--subresource=status', '--type', 'merge', '-p', '{"status":{"abort":false}}');
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), 'Error from server (Forbidden): rollouts.argoproj.io "web" is forbidden: User "test-user" cannot patch resource "rollouts/status" in API group "argoproj.io" in the namespace "default"');
    const canI = await run('auth', 'can-i', 'patch', 'rollouts.argoproj.io', '--subresource=status');
    assert.deepEqual([canI.code, canI.stdout.trim()], [1, 'no']);
    assert.equal((await run('auth', 'can-i', 'patch', 'rollouts.argoproj.io')).stdout.trim(), 'yes');
  });

  it('refuses kubectl patch\'s default strategic patch on a rollout, as a real cluster does for custom resources', async () => {
    const r = await run('patch', 'rollout', 'web', '-p', '{"spec":{"paused":false}}');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /application\/strategic-merge-patch\+json is not supported by argoproj\.io\/v1alpha1, Kind=Rollout/);
  });

  it('server-side applying over client-side kubectl apply conflicts with kubectl-client-side-apply, and --force-conflicts records argo-rollouts-vscode', async () => {
    const file = await manifest(rolloutYaml(5));
    const r = await run('apply', '--server-side', '--field-manager=argo-rollouts-vscode', '-f', file);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using argoproj\.io\/v1alpha1 at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: \.spec\.replicas\n/);
    const forced = await run('apply', '--server-side', '--field-manager=argo-rollouts-vscode', '--force-conflicts', '-f', file);
    assert.deepEqual([forced.code, forced.stdout.trim()], [0, 'rollout.argoproj.io/web serverside-applied'], forced.stderr);
    assert.equal(cluster.requests.filter((q) => q.method === 'PATCH').at(-1)?.contentType, 'application/apply-patch+yaml');
    const obj = stored();
    assert.equal(field(obj, 'spec', 'replicas'), 5);
    const managers = field(obj, 'metadata', 'managedFields');
    assert.ok(Array.isArray(managers));
    assert.deepEqual(managers.map((m) => [field(m, 'manager'), field(m, 'operation')]).sort(),
      [['argo-rollouts-vscode', 'Apply'], ['kubectl-client-side-apply', 'Update'], ['kubectl-patch', 'Update']]);
    assert.deepEqual(field(managers.find((m) => field(m, 'manager') === 'argo-rollouts-vscode'), 'fieldsV1', 'f:spec', 'f:template', 'f:spec', 'f:containers'),
      { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } });
    assert.equal(field(obj, 'status', 'abort'), true, 'apply through the main resource leaves status alone');
  });

  it('shows kubectl\'s conflict report when another manager applies a different value, and forces with --force-conflicts', async () => {
    const file = await manifest(rolloutYaml(6));
    const r = await run('apply', '--server-side', '--field-manager=someone-else', '-f', file);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Apply failed with 1 conflict: conflict with "argo-rollouts-vscode": \.spec\.replicas\n/);
    const forced = await run('apply', '--server-side', '--field-manager=someone-else', '--force-conflicts', '-f', file);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(field(stored(), 'spec', 'replicas'), 6);
  });

  it('creates a missing object with server-side apply', async () => {
    const r = await run('apply', '--server-side', '--field-manager=argo-rollouts-vscode', '-f', await manifest(rolloutYaml(1).replace('name: web', 'name: fresh')));
    assert.deepEqual([r.code, r.stdout.trim()], [0, 'rollout.argoproj.io/fresh serverside-applied'], r.stderr);
    assert.equal(field(cluster.store.get({ resource: 'rollouts', namespace: 'default', name: 'fresh' }), 'metadata', 'generation'), 1);
  });
});
