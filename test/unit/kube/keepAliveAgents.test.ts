// Connection reuse of ClusterConnection against the test cluster, seen from a TCP relay in front of
// it that counts the client's connections (TLS passes through it untouched).
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import type { ClusterConnection } from '../../../src/kube/clusterConnection';
import { MAX_SOCKETS } from '../../../src/kube/keepAliveAgents';
import { loadKubeContexts } from '../../../src/kube/kubeContexts';

interface Relay {
  readonly server: Server;
  readonly url: string;
  opened: number;
  readonly open: Set<Socket>;
}

async function relayTo(target: string): Promise<Relay> {
  const { hostname, port } = new URL(target);
  const relay: Relay = { server: createServer(), url: '', opened: 0, open: new Set() };
  relay.server.on('connection', (client) => {
    relay.opened++;
    relay.open.add(client);
    const upstream = connect(Number(port), hostname);
    client.pipe(upstream).pipe(client);
    const close = (): void => {
      relay.open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    client.on('error', close);
    upstream.on('close', close);
    upstream.on('error', close);
  });
  relay.server.listen(0, '127.0.0.1');
  await once(relay.server, 'listening');
  return Object.assign(relay, { url: `https://127.0.0.1:${(relay.server.address() as AddressInfo).port}` });
}

/** Resolves once `ok()` holds, checked on each relay socket close; rejects after `timeoutMs`. */
function until(relay: Relay, ok: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  if (ok()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    for (const s of relay.open) {
      s.once('close', () => {
        if (!ok()) return;
        clearTimeout(timer);
        resolve();
      });
    }
  });
}

describe('the cluster connection\'s keep-alive sockets', () => {
  let cluster: TestCluster;
  let relay: Relay;
  let conn: ClusterConnection;

  beforeEach(async () => {
    cluster = await startTestCluster();
    relay = await relayTo(cluster.url);
    const kubeconfig = `${cluster.kubeconfigPath}-relayed`;
    await writeFile(kubeconfig, (await readFile(cluster.kubeconfigPath, 'utf8')).replace(cluster.url, relay.url));
    const contexts = loadKubeContexts({ path: kubeconfig });
    assert.ok(contexts.ok);
    const connected = contexts.value.connect();
    assert.ok(connected.ok);
    conn = connected.value;
  });

  afterEach(async () => {
    conn.dispose();
    for (const s of relay.open) s.destroy();
    relay.server.close();
    await cluster.stop();
  });

  it('sends one request after another over a single TLS connection', async () => {
    for (let i = 0; i < 5; i++) {
      const answer = await conn.send({ method: 'GET', path: '/api/v1/namespaces' });
      assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
    }
    assert.equal(relay.opened, 1);
  });

  it('opens at most MAX_SOCKETS connections for a burst of parallel lists, and all of them answer', async () => {
    const answers = await Promise.all(Array.from({ length: 3 * MAX_SOCKETS }, () => conn.send({ method: 'GET', path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts' })));
    assert.ok(answers.every((a) => a.ok));
    assert.ok(relay.opened <= MAX_SOCKETS, `${relay.opened} connections`);
  });

  it('keeps watches off the pool: a watch does not take the socket the requests reuse', async () => {
    cluster.store.create('rollouts', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: 'default' }, spec: {} });
    let watch: { stop(): void } | undefined;
    // The first event says the watch is connected: from then on its socket is counted.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the watch sent no event')), 5000);
      watch = conn.watch('/apis/argoproj.io/v1alpha1/namespaces/default/rollouts', {}, {
        onEvent: () => {
          clearTimeout(timer);
          resolve();
        },
        onEnd: () => undefined,
      });
    });
    try {
      for (let i = 0; i < 3; i++) assert.ok((await conn.send({ method: 'GET', path: '/api/v1/namespaces' })).ok);
      assert.equal(relay.opened, 2, 'one for the watch, one shared by the three requests');
    } finally {
      watch?.stop();
    }
  });

  it('closes its idle sockets when disposed', async () => {
    assert.ok((await conn.send({ method: 'GET', path: '/api/v1/namespaces' })).ok);
    assert.equal(relay.open.size, 1, 'the socket stays open for the next request');
    conn.dispose();
    await until(relay, () => relay.open.size === 0, 'the pooled socket to close');
  });
});
