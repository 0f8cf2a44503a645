// The demo on the real thing (`bash scripts/demo.sh --real-cluster`): the same workspace, walkthrough
// and story as startDemo(), but the cluster is the real Kubernetes control plane with the real Argo
// Rollouts controller (realcluster/, built from Go modules into .cache/ the first time), and the
// analysis is measured by that controller from the demo's Prometheus. The workspace's templates name
// the in-cluster address http://prometheus.monitoring.svc:9090; the controller runs on this machine,
// so the objects applied to the cluster point at the local Prometheus instead (the editor's files are
// unchanged, and the extension reaches the same Prometheus through argoRollouts.prometheus.urls).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { startClusterPrometheus } from '../../realcluster/clusterPrometheus';
import { startRealCluster } from '../../realcluster/startRealCluster';
import { at, isObject } from '../../src/core/rollout/jsonFields';
import { startDemoCodeServer } from './demoCodeServer';
import { GITOPS_HUGO_FIRST_IMAGE, SEEDED_FILES } from './seedDemoCluster';
import { REPO_ROOT, type DemoOptions, type RunningDemo } from './startDemo';

/** The plain demo's options that mean the same here (the cluster and Prometheus are always started). */
export type RealDemoOptions = Pick<DemoOptions, 'codeServer' | 'nextReleaseAfterMs' | 'log'>;

/** What runDemo.ts prints and stops, as the plain demo answers it (it has more, for its tests). */
export type RunningRealDemo = Pick<RunningDemo, 'kubeconfigPath' | 'contextName' | 'workspace' | 'rollouts' | 'prometheusUrl' | 'prometheusMissing' | 'url' | 'stop'>;

type Json = Record<string, unknown>;

async function workspaceObjects(workspace: string, prometheusUrl: string | undefined): Promise<Json[]> {
  const objects: Json[] = [];
  for (const file of SEEDED_FILES) {
    for (const doc of parseAllDocuments(await readFile(join(workspace, file), 'utf8'))) {
      const obj: unknown = doc.toJS();
      if (!isObject(obj)) continue;
      if (obj.kind === 'AnalysisTemplate' && prometheusUrl) {
        for (const metric of Array.isArray(at(obj, 'spec', 'metrics')) ? at(obj, 'spec', 'metrics') as unknown[] : []) {
          const prometheus = at(metric, 'provider', 'prometheus');
          if (isObject(prometheus)) prometheus.address = prometheusUrl;
        }
      }
      objects.push(obj);
    }
  }
  return objects;
}

const firstContainer = (obj: unknown): unknown => {
  const containers = at(obj, 'spec', 'template', 'spec', 'containers');
  return Array.isArray(containers) ? containers[0] : undefined;
};
const imageOf = (obj: unknown): string => String(at(firstContainer(obj), 'image') ?? '');
const withImage = (rollout: Json, image: string): Json => {
  const copy = JSON.parse(JSON.stringify(rollout)) as Json;
  const container = firstContainer(copy);
  if (isObject(container)) container.image = image;
  return copy;
};

export async function startRealDemo(options: RealDemoOptions = {}): Promise<RunningRealDemo> {
  const log = options.log ?? (() => undefined);
  const source = join(REPO_ROOT, 'demo', 'workspace');
  const stateDir = await mkdtemp(join(tmpdir(), 'argo-rollouts-real-demo-'));
  const stops: (() => Promise<void> | void)[] = [() => rm(stateDir, { recursive: true, force: true })];
  const stopAll = async (): Promise<void> => {
    while (stops.length > 0) await Promise.resolve(stops.pop()?.()).catch((e: unknown) => log(`while stopping: ${String(e)}`));
  };
  try {
    log('starting the real cluster: etcd, kube-apiserver, controller-manager, scheduler, KWOK, the Argo Rollouts controller (first run: builds them from Go modules, about half an hour)');
    const cluster = await startRealCluster({ log });
    stops.push(() => cluster.stop());
    log('starting Prometheus, scraping the NGINX exporter that follows gitops-hugo\'s canary weight on the real cluster');
    const prom = await startClusterPrometheus(cluster).catch((e: unknown) => {
      log(`Prometheus did not start (${String(e)}): the analysis cannot measure`);
      return undefined;
    });
    if (prom) stops.push(() => prom.stop());
    const prometheusMissing = prom ? undefined : 'prometheus is not installed or did not start: the controller\'s analysis has nothing to measure';

    const objects = await workspaceObjects(source, prom?.url);
    const namespaces = [...new Set(objects.map((o) => String(at(o, 'metadata', 'namespace') ?? 'default')))].filter((n) => n !== 'default');
    for (const ns of namespaces) await cluster.kubectl(['create', 'namespace', ns]);
    const rollouts = objects.filter((o) => o.kind === 'Rollout');
    const hugo = rollouts.find((r) => at(r, 'metadata', 'name') === 'gitops-hugo');
    // gitops-hugo is first deployed at 1.0.0 (straight to Healthy), then updated to the workspace's release: the canary the user watches.
    const first = objects.map((o) => (o === hugo ? withImage(o, GITOPS_HUGO_FIRST_IMAGE) : o));
    const apply = async (items: Json[]): Promise<void> => {
      const r = await cluster.kubectl(['apply', '--server-side', '--field-manager', 'demo-seed', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
      if (r.code !== 0) throw new Error(`applying the demo workspace failed: ${r.stderr}`);
    };
    log('applying the demo workspace\'s Services, Ingress, AnalysisTemplates and Rollouts');
    await apply(first);
    if (hugo) {
      const r = await cluster.kubectl(['wait', '--for', 'jsonpath={.status.phase}=Healthy', '--timeout', '120s', 'rollout/gitops-hugo', '-n', 'default']);
      if (r.code !== 0) throw new Error(`gitops-hugo did not become Healthy on 1.0.0: ${r.stderr}`);
      await apply([hugo]);
      stops.push(keepRealCanaryGoing(cluster.kubectl, imageOf(hugo), options.nextReleaseAfterMs ?? 60_000, log));
    }

    const workspace = join(stateDir, 'workspace');
    await cp(source, workspace, { recursive: true });
    const settings: Record<string, unknown> = {
      'argoRollouts.kubeconfig': cluster.kubeconfigPath,
      'argoRollouts.namespaces': ['*'],
      ...(prom ? { 'argoRollouts.prometheus.urls': { [cluster.contextName]: prom.url } } : {}),
    };
    await mkdir(join(workspace, '.vscode'), { recursive: true });
    await writeFile(join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
    let url: string | undefined;
    if (options.codeServer) {
      const server = await startDemoCodeServer({
        folder: workspace, dataDir: join(stateDir, 'code-server'), vsix: options.codeServer.vsix,
        port: options.codeServer.port, env: { KUBECONFIG: cluster.kubeconfigPath }, settings, log,
      });
      stops.push(() => server.stop());
      url = server.url;
    }
    return {
      kubeconfigPath: cluster.kubeconfigPath, contextName: cluster.contextName, workspace,
      rollouts: rollouts.map((r) => ({
        namespace: String(at(r, 'metadata', 'namespace') ?? 'default'), name: String(at(r, 'metadata', 'name')),
        strategy: at(r, 'spec', 'strategy', 'blueGreen') !== undefined ? 'blueGreen' as const : 'canary' as const,
      })),
      prometheusUrl: prom?.url, prometheusMissing, url, stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/**
 * As the simulated demo does (nextRelease.ts): a minute after a canary of the workspace's release is
 * Healthy, the next build of the same release (a pod-template annotation) starts a new canary on the
 * real controller. A release the user launched (another image) is left alone.
 */
function keepRealCanaryGoing(
  kubectl: (args: readonly string[]) => Promise<{ code: number; stdout: string }>, image: string, afterMs: number, log: (line: string) => void,
): () => void {
  let build = 1;
  let healthySince: number | undefined;
  let busy = false;
  const tick = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const r = await kubectl(['get', 'rollout', 'gitops-hugo', '-n', 'default', '-o', 'json']);
      if (r.code !== 0) return;
      const rollout: unknown = JSON.parse(r.stdout);
      const finished = at(rollout, 'status', 'phase') === 'Healthy' && at(rollout, 'status', 'stableRS') === at(rollout, 'status', 'currentPodHash') && imageOf(rollout) === image;
      if (!finished) {
        healthySince = undefined;
        return;
      }
      healthySince ??= Date.now();
      if (Date.now() - healthySince < afterMs) return;
      healthySince = undefined;
      build++;
      const patch = { spec: { template: { metadata: { annotations: { 'demo.argo-rollouts-vscode/build': String(build) } } } } };
      await kubectl(['patch', 'rollout', 'gitops-hugo', '-n', 'default', '--type', 'merge', '-p', JSON.stringify(patch)]);
      log(`gitops-hugo: build ${build} of ${image} starts the next canary`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 5000);
  return () => clearInterval(timer);
}
