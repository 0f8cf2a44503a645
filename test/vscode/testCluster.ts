// The Kubernetes API double for the extension-host tests, run by runVsCodeTests.js (Node 20, outside
// code-server): the test cluster seeded by the canary simulator — `default/gitops-hugo` Healthy and
// `payments/gitops-hugo` Paused at its first pause — plus a kubeconfig context `unreachable` whose
// server refuses connections. The tests in the extension host cannot reach the simulator's objects, so
// a small HTTP control server on 127.0.0.1 lets them promote/abort, seed a scenario of their own, read,
// create and delete objects, deny verbs (403), and read the open watch count and the requests clients sent; a seeded
// namespace may measure metric values of its own, and the simulated clock can be moved on. Two more
// contexts: `expired-token` (the test cluster with a wrong token: 401) and `no-argo` (an API server
// without the argoproj.io group: the CRDs are not installed). And `mirror-prod`: the test cluster again
// under a second context name whose namespace is `fleet`, so two working contexts can be shown side by
// side (`argoRollouts.contexts`), one of them protected by the default `*prod*` pattern.
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { SimClock } from '../../testbed/canarySimulator/simClock';
import type { MetricSource } from '../../testbed/canarySimulator/metricSource';
import { gitopsHugoMetrics, gitopsHugoRollout, seedGitopsHugo, type HugoMetrics, type SeededScenario } from '../../testbed/canarySimulator/seedGitopsHugo';
import { isJsonObject } from '../../testbed/apiDouble/jsonValue';
import { startTestCluster } from '../../testbed/apiDouble/startTestCluster';
import { prometheusInstalled, startScenarioPrometheus } from '../scenario/startScenarioPrometheus';
import { freePort } from '../support/freePort';

export interface VsCodeTestCluster {
  /** For extensionTestsEnv. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

const WAIT_MS = 10_000;

export async function startVsCodeTestCluster(): Promise<VsCodeTestCluster> {
  const cluster = await startTestCluster({ namespaces: ['default', 'kube-system', 'payments'] });
  // The simulated clock starts at the real time, and Prometheus holds the last two hours of the
  // gitops-hugo NGINX series of `payments`, behind the service proxy at the templates' address
  // (http://prometheus.monitoring:9090): the panel charts and previews real series over real windows.
  const nowSec = Math.floor(Date.now() / 1000);
  const clock = new SimClock(Math.floor(nowSec / 60) * 60_000);
  const prometheus = prometheusInstalled() ? await startScenarioPrometheus({ namespace: 'payments', endAtSec: nowSec }) : undefined;
  if (prometheus) cluster.proxyService('monitoring', 'prometheus', 9090, prometheus.url);
  // One simulator measures every namespace: a namespace seeded with values of its own (e.g. a failing
  // success rate) gets them, the rest keep the healthy defaults, so one canary can fail while the
  // seeded two stay healthy.
  const healthyMetrics = gitopsHugoMetrics();
  const metricsByNamespace = new Map<string, MetricSource>();
  const metrics: MetricSource = (request) => (metricsByNamespace.get(request.namespace) ?? healthyMetrics)(request);
  const seeded = new Map<string, SeededScenario>();
  const healthy = seedGitopsHugo(cluster.store, clock, metrics);
  const paused = seedGitopsHugo(cluster.store, clock, metrics, { namespace: 'payments', simulator: healthy.simulator });
  paused.setImage('ghcr.io/example/gitops-hugo:1.1.0');

  const unreachable = join(dirname(cluster.kubeconfigPath), 'unreachable-kubeconfig');
  await writeFile(unreachable, stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: [{ name: 'unreachable', cluster: { server: `https://127.0.0.1:${await freePort()}` } }],
    users: [{ name: 'nobody', user: { token: 'x' } }],
    contexts: [{ name: 'unreachable', context: { cluster: 'unreachable', user: 'nobody', namespace: 'default' } }],
  }));

  const mirror = join(dirname(cluster.kubeconfigPath), 'mirror-kubeconfig');
  await writeFile(mirror, stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: [{ name: 'mirror-prod', cluster: { server: cluster.url, 'certificate-authority-data': Buffer.from(cluster.caPem).toString('base64') } }],
    users: [{ name: 'mirror', user: { token: cluster.token } }],
    contexts: [{ name: 'mirror-prod', context: { cluster: 'mirror-prod', user: 'mirror', namespace: 'fleet' } }],
  }));

  const brokenContexts = await startBrokenContexts(cluster.url, cluster.caPem, join(dirname(cluster.kubeconfigPath), 'broken-kubeconfig'));

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
      // Before the action route, which would take `copy` for an action name.
      const copy = /^\/rollouts\/([^/]+)\/([^/]+)\/copy$/.exec(url.pathname);
      if (req.method === 'POST' && copy) {
        // A second rollout in the same namespace (the pin order needs two): the seeded one under another name and app label.
        const namespace = decodeURIComponent(copy[1] ?? '');
        const name = url.searchParams.get('as') ?? '';
        const rollout = gitopsHugoRollout(namespace, 'ghcr.io/example/gitops-hugo:1.0.0');
        rollout.metadata = { name, namespace, labels: { app: name } };
        const spec = rollout.spec;
        if (isJsonObject(spec)) {
          spec.selector = { matchLabels: { app: name } };
          if (isJsonObject(spec.template)) spec.template.metadata = { labels: { app: name } };
        }
        cluster.store.create('rollouts', rollout);
        healthy.simulator.settle();
        return reply(res, 200, { ok: true });
      }
      const action = /^\/rollouts\/([^/]+)\/([^/]+)\/(\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && action) {
        rolloutAction(decodeURIComponent(action[1] ?? ''), decodeURIComponent(action[2] ?? ''), action[3] ?? '');
        return reply(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/requests') {
        // What clients sent since the `since`-th request (method, path with query, content type; the
        // body too with bodies=1): tests assert nothing was written, or exactly what was.
        const since = Number(url.searchParams.get('since') ?? '0');
        const bodies = url.searchParams.get('bodies') === '1';
        const sent = cluster.requests.slice(since).map((r) => ({ method: r.method, path: r.path, contentType: r.contentType, ...(bodies ? { body: r.body } : {}) }));
        return reply(res, 200, { count: cluster.requests.length, requests: sent });
      }
      const seed = /^\/seed\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'POST' && seed) {
        // A gitops-hugo of its own in a namespace of its own: suites that change revisions leave the seeded two alone.
        const namespace = decodeURIComponent(seed[1] ?? '');
        if (cluster.store.get({ resource: 'rollouts', namespace, name: 'gitops-hugo' })) return reply(res, 409, { error: `${namespace}/gitops-hugo exists` });
        // ?successRate=0.8&latency=0.9: what the fake NGINX metrics of this namespace measure from now on.
        const values = metricValues(url.searchParams);
        if ('error' in values) return reply(res, 400, values);
        if (Object.keys(values).length > 0) metricsByNamespace.set(namespace, gitopsHugoMetrics(values));
        seeded.set(namespace, seedGitopsHugo(cluster.store, clock, metrics, { namespace, simulator: healthy.simulator }));
        return reply(res, 200, { ok: true });
      }
      const seedImage = /^\/seed\/([^/]+)\/image$/.exec(url.pathname);
      if (req.method === 'POST' && seedImage) {
        // A new revision of a /seed/<ns> rollout (?image=…), as `kubectl argo rollouts set image` would start it.
        const scenario = seeded.get(decodeURIComponent(seedImage[1] ?? ''));
        const image = url.searchParams.get('image') ?? '';
        if (!scenario || image === '') return reply(res, 404, { error: 'no rollout seeded by /seed/<ns> there, or no ?image=' });
        scenario.setImage(image);
        return reply(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/clock/tick') {
        // Simulated time moves only on request (pauses end, analysis measures again), for every
        // namespace at once as in a real cluster: later tests must not expect the seeded ones' steps.
        const ms = Number(url.searchParams.get('ms'));
        if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000) return reply(res, 400, { error: 'ms must be a whole number of milliseconds, at most an hour' });
        clock.tick(ms);
        healthy.simulator.settle();
        return reply(res, 200, { now: clock.timestamp() });
      }
      const experiment = /^\/experiments\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'POST' && experiment) {
        // The simulator runs no experiments: an Experiment of the rollout's current revision, in the phase asked for.
        const namespace = decodeURIComponent(experiment[1] ?? '');
        const rolloutName = decodeURIComponent(experiment[2] ?? '');
        const name = decodeURIComponent(experiment[3] ?? '');
        const owner = cluster.store.get({ resource: 'rollouts', namespace, name: rolloutName });
        const metadata = owner?.metadata;
        if (!isJsonObject(metadata)) return reply(res, 404, { error: `no rollout ${namespace}/${rolloutName}` });
        const revision = isJsonObject(metadata.annotations) ? metadata.annotations['rollout.argoproj.io/revision'] : undefined;
        cluster.store.create('experiments', {
          apiVersion: 'argoproj.io/v1alpha1', kind: 'Experiment',
          metadata: {
            name, namespace, annotations: { 'rollout.argoproj.io/revision': typeof revision === 'string' ? revision : '1' },
            ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: rolloutName, uid: metadata.uid ?? '', controller: true }],
          },
          spec: { templates: [{ name: 'baseline', replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [] } } }] },
          status: { phase: url.searchParams.get('phase') ?? 'Running' },
        });
        return reply(res, 200, { ok: true });
      }
      const object = /^\/objects\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && object) {
        const found = cluster.store.get({ resource: decodeURIComponent(object[1] ?? ''), namespace: decodeURIComponent(object[2] ?? ''), name: decodeURIComponent(object[3] ?? '') });
        return found ? reply(res, 200, found) : reply(res, 404, { error: 'not found' });
      }
      const objects = /^\/objects\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'POST' && objects) {
        // An object the scenario has no seed for (e.g. a Deployment and a Rollout pointing at it with workloadRef).
        const body = JSON.parse(await readBody(req)) as unknown;
        if (!isJsonObject(body)) return reply(res, 400, { error: 'the body must be a JSON object' });
        const created = cluster.store.create(decodeURIComponent(objects[1] ?? ''), body, { namespace: decodeURIComponent(objects[2] ?? '') });
        healthy.simulator.settle();
        return reply(res, 200, created);
      }
      if (req.method === 'DELETE' && object) {
        cluster.store.delete({ resource: decodeURIComponent(object[1] ?? ''), namespace: decodeURIComponent(object[2] ?? ''), name: decodeURIComponent(object[3] ?? '') });
        return reply(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/faults/deny') {
        // RBAC as a user would meet it: 403 on the verb, and SelfSubjectAccessReviews answering allowed: false.
        const namespace = url.searchParams.get('namespace');
        cluster.faults.deny({ verb: url.searchParams.get('verb') ?? '*', resource: url.searchParams.get('resource') ?? '*', ...(namespace ? { namespace } : {}) });
        return reply(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/faults/clear') {
        cluster.faults.clear();
        return reply(res, 200, { ok: true });
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
      KUBECONFIG: `${cluster.kubeconfigPath}:${unreachable}:${brokenContexts.kubeconfigPath}:${mirror}`,
      ARGO_ROLLOUTS_TEST_CONTROL: `http://127.0.0.1:${port}`,
      ARGO_ROLLOUTS_TEST_PROMETHEUS: prometheus?.url ?? '',
    },
    async stop(): Promise<void> {
      healthy.simulator.stop();
      await brokenContexts.stop();
      control.closeAllConnections();
      control.close();
      await cluster.stop();
      await prometheus?.stop();
    },
  };
}

/** `successRate` and `latency` from a query string; an error when one is there but not a number. */
function metricValues(params: URLSearchParams): HugoMetrics | { error: string } {
  const values: { successRate?: number; latency?: number } = {};
  for (const key of ['successRate', 'latency'] as const) {
    const text = params.get(key);
    if (text === null) continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) return { error: `${key} must be a number, not "${text}"` };
    values[key] = value;
  }
  return values;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * `expired-token`: the test cluster with a token it does not know (every request is 401).
 * `no-argo`: a plain-HTTP API server whose discovery has no argoproj.io group: Argo paths answer
 * the 404 Status a real API server gives for an unknown resource type, core and apps lists are
 * empty, watches stay open and silent.
 */
async function startBrokenContexts(testClusterUrl: string, caPem: string, kubeconfigPath: string): Promise<{ kubeconfigPath: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://no-argo');
    if (url.pathname === '/version') return reply(res, 200, { major: '1', minor: '31', gitVersion: 'v1.31.0' });
    if (url.pathname === '/apis') return reply(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (url.pathname.startsWith('/apis/argoproj.io')) {
      return reply(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
    }
    if (url.searchParams.get('watch') === '1' || url.searchParams.get('watch') === 'true') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return;
    }
    if (url.pathname === '/api/v1/namespaces') return reply(res, 200, { kind: 'NamespaceList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [{ metadata: { name: 'default' } }] });
    reply(res, 200, { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const noArgo = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await writeFile(kubeconfigPath, stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: [
      { name: 'expired-token', cluster: { server: testClusterUrl, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } },
      // client-node refuses plain HTTP unless TLS verification is off, as kubectl's users must say too.
      { name: 'no-argo', cluster: { server: noArgo, 'insecure-skip-tls-verify': true } },
    ],
    users: [{ name: 'expired', user: { token: 'expired-token' } }, { name: 'plain', user: { token: 'plain' } }],
    contexts: [
      { name: 'expired-token', context: { cluster: 'expired-token', user: 'expired', namespace: 'default' } },
      { name: 'no-argo', context: { cluster: 'no-argo', user: 'plain', namespace: 'default' } },
    ],
  }));
  return {
    kubeconfigPath,
    stop: async (): Promise<void> => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
