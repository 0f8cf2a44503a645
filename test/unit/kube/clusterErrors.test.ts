import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { classifyHttpFailure } from '../../../src/kube/classifyError';
import { loadKubeContexts } from '../../../src/kube/kubeContexts';
import { connectTo } from './kubeTestKit';

const endpoint = { context: 'kind-dev', url: 'https://127.0.0.1:6443' };

describe('Cluster errors as the user reads them', function () {
  this.timeout(20000);
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await startTestCluster({ contextName: 'kind-dev' });
  });
  afterEach(async () => cluster.stop());

  it('reports a stopped cluster as unreachable, quickly, with its URL and context', async () => {
    const conn = connectTo(cluster);
    await cluster.stop();
    const started = Date.now();
    const answer = await conn.send({ method: 'GET', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts' });
    const ms = Date.now() - started;
    assert.ok(!answer.ok);
    assert.equal(answer.error.message, `Cannot reach the cluster at ${cluster.url} (context kind-dev): connection refused (ECONNREFUSED). Check your VPN/network or switch context.`);
    console.log(`      unreachable reported after ${ms} ms`);
  });

  it('reports a port where nothing answers HTTPS as unreachable within the request timeout', async () => {
    // A TCP listener that never speaks TLS: the connect succeeds and then nothing happens.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as { port: number }).port;
    const path = `${cluster.kubeconfigPath}-silent`;
    await writeFile(path, readFileSync(cluster.kubeconfigPath, 'utf8').replace(cluster.url, `https://127.0.0.1:${port}`));
    const kc = loadKubeContexts({ path });
    assert.ok(kc.ok);
    const conn = kc.value.connect({ requestTimeoutMs: 300 });
    assert.ok(conn.ok);
    const answer = await conn.value.send({ method: 'GET', path: '/version' });
    silent.close();
    assert.ok(!answer.ok);
    assert.equal(answer.error.message, `Cannot reach the cluster at https://127.0.0.1:${port} (context kind-dev): timed out (ETIMEDOUT). Check your VPN/network or switch context.`);
  });

  it('reports a wrong token as rejected credentials of the context (401)', async () => {
    const path = `${cluster.kubeconfigPath}-wrong-token`;
    await writeFile(path, readFileSync(cluster.kubeconfigPath, 'utf8').replace(cluster.token, 'not-the-token'));
    const kc = loadKubeContexts({ path });
    assert.ok(kc.ok);
    const conn = kc.value.connect();
    assert.ok(conn.ok);
    const answer = await conn.value.send({ method: 'GET', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts' });
    assert.ok(!answer.ok);
    assert.equal(answer.error.kind, 'unauthorized');
    assert.match(answer.error.message, /^The cluster rejected the credentials of context kind-dev \(401\): /);
  });

  it('quotes the API server\'s text on a 403', async () => {
    cluster.faults.deny({ verb: 'list', resource: 'rollouts' });
    const answer = await connectTo(cluster).send({ method: 'GET', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts' });
    assert.ok(!answer.ok);
    assert.ok(answer.error.message.startsWith('rollouts.argoproj.io is forbidden: User "test-user" cannot list resource "rollouts" in API group "argoproj.io" in the namespace "default". (403, context kind-dev)'), answer.error.message);
  });

  it('reports a 500 as the API server failing, with its message', async () => {
    cluster.faults.failWith500({ path: '/rollouts' }, 1, 'etcd leader changed');
    const answer = await connectTo(cluster).send({ method: 'GET', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts' });
    assert.ok(!answer.ok);
    assert.equal(answer.error.kind, 'serverError');
    assert.match(answer.error.message, /failed \(HTTP 500, context kind-dev\): Internal error occurred: etcd leader changed\. Try again/);
  });

  it('reports a missing object as not found and a stale write as a conflict', async () => {
    const conn = connectTo(cluster);
    const missing = await conn.send({ method: 'GET', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/ghost' });
    assert.ok(!missing.ok);
    assert.equal(missing.error.kind, 'notFound');
    assert.match(missing.error.message, /^rollouts\.argoproj\.io "ghost" not found\. \(404, context kind-dev\)/);
    cluster.store.create('rollouts', { metadata: { name: 'web' }, spec: {} });
    const stale = await conn.send({ method: 'PUT', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web', contentType: 'application/json',
      body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', resourceVersion: '1' }, spec: { paused: true } } });
    assert.ok(!stale.ok);
    assert.equal(stale.error.kind, 'conflict');
  });

  it('reads a 404 on the Argo API group or its collections as CRDs not installed', () => {
    const noType = { kind: 'Status', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 };
    for (const path of ['/apis/argoproj.io/v1alpha1', '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts', '/apis/argoproj.io/v1alpha1/rollouts']) {
      assert.equal(classifyHttpFailure(endpoint, path, 404, noType).message,
        'Argo Rollouts CRDs are not installed in this cluster (no rollouts.argoproj.io) (context kind-dev). Install Argo Rollouts there or switch context.', path);
    }
  });

  it('does not mistake a missing rollout or status subresource for missing CRDs', () => {
    const noType = { kind: 'Status', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 };
    assert.equal(classifyHttpFailure(endpoint, '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web/status', 404, noType).kind, 'notFound');
    assert.equal(classifyHttpFailure(endpoint, '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web', 404, noType).kind, 'notFound');
  });
});
