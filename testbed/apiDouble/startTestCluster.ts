// Starts the in-process Kubernetes API double: HTTPS on 127.0.0.1 with its own CA, bearer-token
// auth, a kubeconfig in a temp dir. See testbed/apiDouble/README.md.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCerts } from './certs';
import { ClusterStore } from './clusterStore';
import { ClusterFaults } from './faults';
import { kubeconfigYaml } from './kubeconfig';
import { OpenWatches } from './openWatches';
import { handleRequest, type RouterContext } from './router';
import { ensureService, ServiceUpstreams } from './serviceProxy';

export interface TestClusterOptions {
  /** Context (and cluster) name in the kubeconfig; default 'test-cluster'. */
  readonly contextName?: string;
  /** The user the token authenticates as, named in 403 messages; default 'test-user'. */
  readonly userName?: string;
  /** The kubeconfig context's namespace; default 'default'. */
  readonly namespace?: string;
  /** Namespaces that exist at start; default ['default', 'kube-system']. */
  readonly namespaces?: readonly string[];
  /** Interval of BOOKMARK events on watches that allow them; 0 (default) sends them only on watches.bookmarkAll(). */
  readonly bookmarkIntervalMs?: number;
  readonly now?: () => Date;
}

export interface TestCluster {
  readonly url: string;
  readonly caPem: string;
  readonly token: string;
  readonly kubeconfigPath: string;
  readonly contextName: string;
  readonly store: ClusterStore;
  readonly faults: ClusterFaults;
  readonly watches: OpenWatches;
  /** Requests received so far, oldest first (method, path with query, content type, body). */
  readonly requests: RouterContext['requests'];
  /**
   * Makes the API server's service proxy forward `<ns>/<name>:<port>` to `upstream` (e.g. a local
   * Prometheus' http://127.0.0.1:<port>), creating the namespace and Service when missing; with
   * `undefined` the Service stays but has no endpoints (503 "no endpoints available for service").
   */
  proxyService(namespace: string, name: string, port: number, upstream: string | undefined): void;
  stop(): Promise<void>;
}

export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'test-cluster-'));
  const certs = await generateCerts(dir);
  const token = randomBytes(24).toString('hex');
  const store = new ClusterStore({ now: options.now, namespaces: options.namespaces });
  const watches = new OpenWatches();
  const faults = new ClusterFaults(store, watches);
  let hostPort = '127.0.0.1:0';
  const ctx: RouterContext = {
    store, faults, watches, token, user: options.userName ?? 'test-user', hostPort: () => hostPort,
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 0, requests: [], upstreams: new ServiceUpstreams(),
  };
  const server = createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => void handleRequest(ctx, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = `https://${hostPort}`;
  const contextName = options.contextName ?? 'test-cluster';
  const kubeconfigPath = join(dir, 'kubeconfig');
  await writeFile(kubeconfigPath, kubeconfigYaml({
    server: url, caPem: certs.caPem, token, contextName, clusterName: contextName, userName: ctx.user, namespace: options.namespace ?? 'default',
  }));
  let stopped = false;
  return {
    url, caPem: certs.caPem, token, kubeconfigPath, contextName, store, faults, watches, requests: ctx.requests,
    proxyService(namespace: string, name: string, port: number, upstream: string | undefined): void {
      ensureService(store, namespace, name, port);
      ctx.upstreams.set(namespace, name, port, upstream);
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      watches.dropAll('destroy');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
