// The real cluster's programs, built by realcluster/build.sh (go build from the Go module proxy) into
// .cache/realcluster/. Asking for them builds what is missing: seconds when warm, about half an hour
// on 2 cores when cold (progress goes to `log`).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface BuiltBinaries {
  readonly etcd: string;
  readonly kubeApiServer: string;
  readonly kubeControllerManager: string;
  readonly kubeScheduler: string;
  readonly kubectl: string;
  readonly kwok: string;
  readonly rolloutsController: string;
  readonly kubectlArgoRollouts: string;
}

export const REALCLUSTER_DIR = __dirname;
const CLUSTER_MODULES = ['etcd', 'kubernetes', 'kwok', 'argo-rollouts'] as const;

/** Runs build.sh for `modules` and returns each module's folder of binaries. Throws with go's output on failure. */
export function buildModules(modules: readonly string[], log: (line: string) => void = () => undefined): Record<string, string> {
  log(`realcluster: checking ${modules.join(', ')} (building from Go modules when missing)`);
  const r = spawnSync('bash', [path.join(REALCLUSTER_DIR, 'build.sh'), ...modules], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20,
  });
  if (r.error) throw new Error(`realcluster/build.sh could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`realcluster/build.sh ${modules.join(' ')} failed (exit ${r.status}); go's error is above`);
  const dirs: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) dirs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return dirs;
}

export function builtBinaries(log?: (line: string) => void): BuiltBinaries {
  const d = buildModules(CLUSTER_MODULES, log);
  const at = (module: string, bin: string): string => path.join(d[module] ?? '', bin);
  return {
    etcd: at('etcd', 'etcd'),
    kubeApiServer: at('kubernetes', 'kube-apiserver'),
    kubeControllerManager: at('kubernetes', 'kube-controller-manager'),
    kubeScheduler: at('kubernetes', 'kube-scheduler'),
    kubectl: at('kubernetes', 'kubectl'),
    kwok: at('kwok', 'kwok'),
    rolloutsController: at('argo-rollouts', 'rollouts-controller'),
    kubectlArgoRollouts: at('argo-rollouts', 'kubectl-argo-rollouts'),
  };
}

/** Where Go's module cache holds `modulePath` at the version realcluster/go/<module>/go.mod pins (its manifests, CRDs, stage configs). */
export function moduleDir(module: string, modulePath: string): string {
  const r = spawnSync('go', ['list', '-mod=mod', '-m', '-f', '{{.Dir}}', modulePath], { cwd: path.join(REALCLUSTER_DIR, 'go', module), encoding: 'utf8' });
  const dir = r.stdout.trim();
  if (r.status !== 0 || dir === '') throw new Error(`go list -m ${modulePath} in realcluster/go/${module} failed: ${r.stderr}`);
  return dir;
}
