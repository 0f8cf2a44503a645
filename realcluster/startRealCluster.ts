// The real thing on loopback: etcd, kube-apiserver (RBAC, token users), kube-controller-manager,
// kube-scheduler, KWOK with one fake node (scheduled pods become Running and Ready), the Argo Rollouts
// CRDs from the controller's own Go module, and the real Argo Rollouts controller — all built from Go
// modules by realcluster/build.sh into .cache/. stop() leaves no process and no state (the temp dir
// with etcd's data, certificates and kubeconfig is removed).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../test/support/freePort';
import { builtBinaries, moduleDir, type BuiltBinaries } from './binaries';
import { makeClusterPki, type ClusterPki } from './clusterPki';

export interface RealClusterOptions {
  /** Start the Argo Rollouts controller (default true). */
  readonly controller?: boolean;
  /**
   * 'all' (default), or 'apiServer': etcd, the API server, RBAC and the CRDs only — nothing reconciles,
   * so seeded objects stay as written (benchmarks). Namespaces then need their own `default` ServiceAccount for pods.
   */
  readonly components?: 'all' | 'apiServer';
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
  /** Where the cluster keeps its state (default: a new temp dir, removed by stop()). */
  readonly dir?: string;
}

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RealCluster {
  /** https://127.0.0.1:<port> */
  readonly url: string;
  readonly caPem: string;
  /** A cluster-admin (system:masters) token, and one of a user that may only get, list and watch. */
  readonly adminToken: string;
  readonly viewerToken: string;
  /** A kubeconfig with contexts `real-cluster` (admin, current) and `real-cluster-viewer`. */
  readonly kubeconfigPath: string;
  readonly contextName: string;
  readonly viewerContextName: string;
  readonly binaries: BuiltBinaries;
  readonly dir: string;
  /** The Kubernetes version the API server reports, e.g. v1.37.2. */
  readonly version: string;
  /** kubectl (the real one) against this cluster as admin, or as `context`. */
  kubectl(args: readonly string[], options?: { input?: string; context?: string }): Promise<KubectlResult>;
  /** `kubectl argo rollouts …` (the real plugin) against this cluster. */
  plugin(args: readonly string[]): Promise<KubectlResult>;
  /** Stops the API server and starts it again on the same port and etcd (watches break, state stays). */
  restartApiServer(options?: { compactWhileDown?: boolean }): Promise<void>;
  stopController(): Promise<void>;
  startController(): Promise<void>;
  /** Stops every process, newest first, and removes the state dir. Safe to call twice. */
  stop(): Promise<void>;
}

export const CONTEXT = 'real-cluster';
export const VIEWER_CONTEXT = 'real-cluster-viewer';
const NODE_NAME = 'kwok-node-0';

interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** Starts the whole cluster; see RealCluster. Throws with the failing component's log on error. */
export async function startRealCluster(options: RealClusterOptions = {}): Promise<RealCluster> {
  const log = options.log ?? ((): void => undefined);
  const binaries = builtBinaries(log);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'real-cluster-'));
  fs.mkdirSync(dir, { recursive: true });
  const procs: Proc[] = [];
  const killAll = (): void => {
    for (const p of procs) p.child.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const start = (name: string, bin: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Proc => {
    const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const child = spawn(bin, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
    fs.closeSync(out);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const proc = { name, child, exited };
    procs.push(proc);
    return proc;
  };
  const stopProc = async (proc: Proc | undefined): Promise<void> => {
    if (!proc) return;
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
    await proc.exited;
    clearTimeout(timer);
    procs.splice(procs.indexOf(proc), 1);
  };
  const logTail = (name: string): string => {
    try {
      return fs.readFileSync(path.join(dir, `${name}.log`), 'utf8').slice(-3000);
    } catch {
      return '(no log)';
    }
  };

  try {
    const pki = await makeClusterPki(dir);
    const [etcdPort, etcdPeerPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const url = `https://127.0.0.1:${apiPort}`;

    log('starting etcd');
    const etcd = start('etcd', binaries.etcd, [
      '--data-dir', path.join(dir, 'etcd'), '--name', 'real-cluster',
      '--listen-client-urls', `http://127.0.0.1:${etcdPort}`, '--advertise-client-urls', `http://127.0.0.1:${etcdPort}`,
      '--listen-peer-urls', `http://127.0.0.1:${etcdPeerPort}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${etcdPeerPort}`,
      '--initial-cluster', `real-cluster=http://127.0.0.1:${etcdPeerPort}`,
      // A test cluster on one disk: durability is not worth etcd's fsyncs.
      '--unsafe-no-fsync', '--log-level', 'warn',
    ]);
    await waitUntil('etcd', etcd, async () => (await httpGet(`http://127.0.0.1:${etcdPort}/health`)).status === 200, 30_000, () => logTail('etcd'));

    const apiServerArgs = [
      '--etcd-servers', `http://127.0.0.1:${etcdPort}`,
      '--bind-address', '127.0.0.1', '--advertise-address', '127.0.0.1', '--secure-port', String(apiPort),
      '--tls-cert-file', pki.serverCert, '--tls-private-key-file', pki.serverKey, '--client-ca-file', pki.caCert,
      '--token-auth-file', pki.tokenFile, '--authorization-mode', 'RBAC',
      '--service-account-issuer', 'https://kubernetes.default.svc', '--service-account-key-file', pki.saPub,
      '--service-account-signing-key-file', pki.saKey, '--service-cluster-ip-range', '10.96.0.0/16',
      // The endpoint reconciler refuses a loopback advertise address; nothing here needs the kubernetes Service's endpoints.
      '--endpoint-reconciler-type', 'none', '--enable-priority-and-fairness=false', '--profiling=false', '--v', '1',
    ];
    let apiServer: Proc | undefined;
    const startApiServer = async (): Promise<void> => {
      log('starting kube-apiserver');
      apiServer = start('kube-apiserver', binaries.kubeApiServer, apiServerArgs);
      const ready = apiServer;
      await waitUntil('kube-apiserver', ready, async () => (await httpGet(`${url}/readyz`, pki.caPem, pki.adminToken)).status === 200, 90_000, () => logTail('kube-apiserver'));
    };
    await startApiServer();

    const kubeconfigPath = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfigPath, kubeconfig(url, pki));
    const componentKubeconfig = (user: 'admin'): string => {
      const file = path.join(dir, `${user}.kubeconfig`);
      fs.writeFileSync(file, kubeconfig(url, pki));
      return file;
    };
    const adminKubeconfig = componentKubeconfig('admin');

    const kubectl = (args: readonly string[], opts: { input?: string; context?: string } = {}): Promise<KubectlResult> =>
      run(binaries.kubectl, ['--kubeconfig', kubeconfigPath, '--context', opts.context ?? CONTEXT, ...args], opts.input);
    const mustKubectl = async (args: readonly string[], input?: string): Promise<string> => {
      const r = await kubectl(args, input === undefined ? {} : { input });
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    };

    let controller: Proc | undefined;
    const startController = async (): Promise<void> => {
      if (controller) return;
      log('starting the Argo Rollouts controller');
      const [metricsPort, healthzPort] = await Promise.all([freePort(), freePort()]);
      controller = start('rollouts-controller', binaries.rolloutsController, [
        '--kubeconfig', adminKubeconfig, '--leader-elect=false', '--ingress-api-version', 'networking/v1',
        '--metricsPort', String(metricsPort), '--healthzPort', String(healthzPort), '--loglevel', 'info',
      ], { POD_NAMESPACE: 'argo-rollouts' });
      const running = controller;
      await waitUntil('rollouts-controller', running, async () => (await httpGet(`http://127.0.0.1:${healthzPort}/healthz`)).status === 200, 60_000, () => logTail('rollouts-controller'));
    };
    const full = (options.components ?? 'all') === 'all';
    if (!full) {
      await mustKubectl(['apply', '-f', '-'], rbacManifest());
      await installCrds(kubectl);
    } else {
      log('starting kube-controller-manager and kube-scheduler');
      start('kube-controller-manager', binaries.kubeControllerManager, [
        '--kubeconfig', adminKubeconfig, '--leader-elect=false', '--secure-port', '0',
        '--service-account-private-key-file', pki.saKey, '--root-ca-file', pki.caCert, '--use-service-account-credentials=false',
        // No cloud, no node IPAM: KWOK gives pods their IPs.
        '--controllers', '*,-node-ipam-controller',
        '--v', '1',
      ]);
      start('kube-scheduler', binaries.kubeScheduler, ['--kubeconfig', adminKubeconfig, '--leader-elect=false', '--secure-port', '0', '--v', '1']);

      log('starting KWOK with one fake node');
      const kwokPort = await freePort();
      start('kwok', binaries.kwok, [
        '--kubeconfig', adminKubeconfig, '--manage-all-nodes=false', '--manage-nodes-with-annotation-selector', 'kwok.x-k8s.io/node=fake',
        '--node-ip', '10.0.0.1', '--cidr', '10.244.0.0/16', '--server-address', `127.0.0.1:${kwokPort}`,
        // A node lease renewed every few seconds: without one, KWOK's status heartbeat (about a minute apart)
        // lets the node lifecycle controller see the node NotReady and mark every pod on it not Ready.
        '--node-lease-duration-seconds', '40',
        ...kwokStageConfigs().flatMap((f) => ['--config', f]),
      ]);
      await mustKubectl(['apply', '-f', '-'], fakeNodeManifest());
      await mustKubectl(['apply', '-f', '-'], rbacManifest());

      log('installing the Argo Rollouts CRDs from the controller\'s module');
      await installCrds(kubectl);
      await waitUntil('the default ServiceAccount', undefined, async () => (await kubectl(['get', 'serviceaccount', 'default', '-n', 'default'])).code === 0, 60_000, () => logTail('kube-controller-manager'));
      await waitUntil(`node ${NODE_NAME} Ready`, undefined, async () => (await kubectl(['get', 'node', NODE_NAME, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'])).stdout === 'True', 60_000, () => logTail('kwok'));

      await mustKubectl(['create', 'namespace', 'argo-rollouts']);
      if (options.controller ?? true) await startController();
    }

    const version = JSON.parse((await httpGet(`${url}/version`, pki.caPem, pki.adminToken)).body) as { gitVersion: string };
    log(`cluster ready: ${url} (Kubernetes ${version.gitVersion}), kubeconfig ${kubeconfigPath}`);

    let stopped: Promise<void> | undefined;
    return {
      url,
      caPem: pki.caPem,
      adminToken: pki.adminToken,
      viewerToken: pki.viewerToken,
      kubeconfigPath,
      contextName: CONTEXT,
      viewerContextName: VIEWER_CONTEXT,
      binaries,
      dir,
      version: version.gitVersion,
      kubectl,
      plugin: (args) => run(binaries.kubectlArgoRollouts, ['--kubeconfig', kubeconfigPath, '--context', CONTEXT, ...args]),
      restartApiServer: async (o = {}) => {
        await stopProc(apiServer);
        // Compacting etcd to its newest revision makes every resourceVersion a client saw before "too old":
        // its watch then gets 410 Gone and must list again.
        if (o.compactWhileDown) await compactEtcd(`http://127.0.0.1:${etcdPort}`);
        await startApiServer();
      },
      stopController: async () => {
        await stopProc(controller);
        controller = undefined;
      },
      startController,
      stop: () => (stopped ??= (async () => {
        for (const p of [...procs].reverse()) await stopProc(p);
        process.off('exit', killAll);
        if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
      })()),
    };
  } catch (e) {
    for (const p of [...procs].reverse()) await stopProc(p);
    process.off('exit', killAll);
    if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** The Argo Rollouts CRDs as the controller's own Go module ships them, applied and Established. */
async function installCrds(kubectl: (args: readonly string[]) => Promise<KubectlResult>): Promise<void> {
  // The folder is a kustomization (its kustomization.yaml lists the five CRDs).
  const applied = await kubectl(['apply', '--server-side', '-k', path.join(moduleDir('argo-rollouts', 'github.com/argoproj/argo-rollouts'), 'manifests', 'crds')]);
  if (applied.code !== 0) throw new Error(`installing the Argo Rollouts CRDs failed: ${applied.stderr}`);
  const crds = ['rollouts', 'analysisruns', 'analysistemplates', 'clusteranalysistemplates', 'experiments'].map((r) => `crd/${r}.argoproj.io`);
  // `kubectl wait` fails outright while a new CRD has no status.conditions yet, so it is asked again.
  await waitUntil('the Argo Rollouts CRDs to be Established', undefined,
    async () => (await kubectl(['wait', '--for', 'condition=Established', '--timeout', '10s', ...crds])).code === 0, 60_000, () => '');
}

/** Compacts etcd's history up to its current revision, through etcd's JSON gateway. */
async function compactEtcd(etcdUrl: string): Promise<void> {
  const post = async (path: string, body: object): Promise<unknown> => {
    const r = await fetch(`${etcdUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`etcd ${path} answered ${r.status}: ${await r.text()}`);
    return r.json();
  };
  // A range read returns the header with the store's current revision.
  const answer = await post('/v3/kv/range', { key: Buffer.from('/').toString('base64') }) as { header?: { revision?: string } };
  const revision = answer.header?.revision;
  if (!revision) throw new Error('etcd did not say its revision');
  await post('/v3/kv/compaction', { revision, physical: true });
}

function kubeconfig(url: string, pki: ClusterPki): string {
  const ca = Buffer.from(pki.caPem).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${CONTEXT}`,
    'clusters:',
    `- name: ${CONTEXT}`,
    '  cluster:',
    `    server: ${url}`,
    `    certificate-authority-data: ${ca}`,
    'users:',
    '- name: admin',
    `  user: {token: ${pki.adminToken}}`,
    '- name: viewer',
    `  user: {token: ${pki.viewerToken}}`,
    'contexts:',
    `- name: ${CONTEXT}`,
    `  context: {cluster: ${CONTEXT}, user: admin, namespace: default}`,
    `- name: ${VIEWER_CONTEXT}`,
    `  context: {cluster: ${CONTEXT}, user: viewer, namespace: default}`,
    '',
  ].join('\n');
}

/** KWOK's own stage configs, read from its Go module: nodes become Ready and keep a lease; pods become Ready, complete, go. */
function kwokStageConfigs(): string[] {
  const stages = path.join(moduleDir('kwok', 'sigs.k8s.io/kwok'), 'kustomize', 'stage');
  return [
    'node/fast/node-initialize.yaml', 'node/heartbeat-with-lease/node-heartbeat-with-lease.yaml',
    'pod/fast/pod-ready.yaml', 'pod/fast/pod-complete.yaml', 'pod/fast/pod-delete.yaml',
  ].map((f) => path.join(stages, f));
}

function fakeNodeManifest(): string {
  return `apiVersion: v1
kind: Node
metadata:
  name: ${NODE_NAME}
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels: {type: kwok, kubernetes.io/hostname: ${NODE_NAME}, kubernetes.io/os: linux, kubernetes.io/arch: amd64}
status:
  allocatable: {cpu: "64", memory: 256Gi, pods: "1000"}
  capacity: {cpu: "64", memory: 256Gi, pods: "1000"}
`;
}

/** The limited user: get, list and watch on everything, nothing else. */
function rbacManifest(): string {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: read-only}
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: viewer-read-only}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: read-only}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: viewer}
`;
}

function run(bin: string, args: readonly string[], input?: string): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // A program that exits before reading all its input closes the pipe: its exit code tells what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

function httpGet(url: string, ca?: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const get = u.protocol === 'https:' ? https.get : http.get;
    const req = get(u, { ...(ca ? { ca } : {}), headers: token ? { Authorization: `Bearer ${token}` } : {}, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.on('timeout', () => req.destroy());
  });
}

/** Polls `check` (a readiness probe of a starting process, not a test's wait) until true, the process exits, or the time is up. */
async function waitUntil(what: string, proc: Proc | undefined, check: () => Promise<boolean>, timeoutMs: number, tail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && (proc.child.exitCode !== null || proc.child.signalCode !== null)) {
      throw new Error(`${what} exited (${proc.child.exitCode ?? proc.child.signalCode}) before it was ready:\n${tail()}`);
    }
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${tail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Whether Go is installed (the real cluster is built with it). */
export function goInstalled(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}
