// The Kubernetes API double for the extension-host tests, run by runVsCodeTests.js (Node 20, outside
// code-server): the test cluster seeded by the canary simulator — `default/gitops-hugo` Healthy and
// `payments/gitops-hugo` Paused at its first pause — plus a kubeconfig context `unreachable` whose
// server refuses connections. The tests in the extension host cannot reach the simulator's objects, so
// a small HTTP control server on 127.0.0.1 lets them promote/abort and read the open watch count and
// the requests clients sent.
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { SimClock } from '../cluster/simulator/simClock';
import { gitopsHugoMetrics, seedGitopsHugo } from '../cluster/simulator/seedGitopsHugo';
import { startTestCluster } from '../cluster/startTestCluster';

export interface VsCodeTestCluster {
  /** For extensionTestsEnv. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

const WAIT_MS = 10_000;

export async function startVsCodeTestCluster(): Promise<VsCodeTestCluster> {
  const cluster = await startTestCluster({ namespaces: ['default', 'kube-system', 'payments'] });
  const clock = new SimClock();
  const metrics = gitopsHugoMetrics();
  const healthy = seedGitopsHugo(cluster.store, clock, metrics);
  const paused = seedGitopsHugo(cluster.store, clock, metrics, { namespace: 'payments', simulator: healthy.simulator });
  paused.setImage('ghcr.io/example/gitops-hugo:1.1.0');

  const unreachable = join(dirname(cluster.kubeconfigPath), 'unreachable-kubeconfig');
  await writeFile(unreachable, stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: [{ name: 'unreachable', cluster: { server: `https://127.0.0.1:${await closedPort()}` } }],
    users: [{ name: 'nobody', user: { token: 'x' } }],
    contexts: [{ name: 'unreachable', context: { cluster: 'unreachable', user: 'nobody', namespace: 'default' } }],
  }));

  const rolloutAction = (ns: string, name: string, action: string): void => {
    const ref = { resource: 'rollouts', namespace: ns, name };
    if (action === 'promote') cluster.store.patchStatus(ref, { pauseConditions: null });
    else if (action === 'abort') cluster.store.patchStatus(ref, { abort: true });
    // Tests that create a rollout of their own remove it, so later test files see only the seeded ones.
    else if (action === 'delete') cluster.store.delete(ref);
    else throw new Error(`unknown action ${action}`);
    healthy.simulator.settle();
  };

  const control = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://control');
      const action = /^\/rollouts\/([^/]+)\/([^/]+)\/(\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && action) {
        rolloutAction(decodeURIComponent(action[1] ?? ''), decodeURIComponent(action[2] ?? ''), action[3] ?? '');
        return reply(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/requests') {
        // What clients sent since the `since`-th request (method, path with query, content type): tests assert nothing was written.
        const since = Number(url.searchParams.get('since') ?? '0');
        const sent = cluster.requests.slice(since).map((r) => ({ method: r.method, path: r.path, contentType: r.contentType }));
        return reply(res, 200, { count: cluster.requests.length, requests: sent });
      }
      if (req.method === 'GET' && url.pathname === '/watches') {
        // Waits (bounded) until the server holds exactly `count` watches: closing is asynchronous.
        const want = url.searchParams.get('count');
        const deadline = Date.now() + WAIT_MS;
        while (want !== null && cluster.watches.count !== Number(want) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        return reply(res, 200, { count: cluster.watches.count });
      }
      reply(res, 404, { error: `no route ${req.method} ${url.pathname}` });
    } catch (e) {
      reply(res, 500, { error: e instanceof Error ? e.message : String(e) });
    }
  }
  control.listen(0, '127.0.0.1');
  await once(control, 'listening');
  const port = (control.address() as AddressInfo).port;

  return {
    env: {
      KUBECONFIG: `${cluster.kubeconfigPath}:${unreachable}`,
      ARGO_ROLLOUTS_TEST_CONTROL: `http://127.0.0.1:${port}`,
    },
    async stop(): Promise<void> {
      healthy.simulator.stop();
      control.closeAllConnections();
      control.close();
      await cluster.stop();
    },
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function closedPort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}
