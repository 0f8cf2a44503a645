// The reference scenario on the real cluster: the same gitops-hugo Rollout, Services and
// AnalysisTemplates the simulator seeds (testbed/canarySimulator/seedGitopsHugo.ts), plus what the
// real controller needs around them — the stable Ingress it derives the NGINX canary Ingress from —
// with the analysis pointed at the real Prometheus, and optionally shorter pauses and intervals so a
// test sees a whole release in about a minute.
import { GITOPS_HUGO_CANARY_SERVICE, GITOPS_HUGO_STABLE_SERVICE, gitopsHugoRollout, gitopsHugoService, gitopsHugoTemplates } from '../testbed/canarySimulator/seedGitopsHugo';
import type { JsonObject } from '../testbed/apiDouble/jsonValue';

export interface GitopsHugoOptions {
  readonly namespace?: string;
  readonly image?: string;
  /** The Prometheus the real controller's analysis queries (it runs on this machine, so a loopback URL). */
  readonly prometheusUrl: string;
  /** Each pause step's duration (default the reference's 1m). */
  readonly pause?: string;
  /** Each metric's interval (default the reference's 1m). */
  readonly interval?: string;
}

export const GITOPS_HUGO_INGRESS = 'gitops-hugo';

function stableIngress(namespace: string): JsonObject {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name: GITOPS_HUGO_INGRESS, namespace },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: GITOPS_HUGO_STABLE_SERVICE, port: { number: 80 } } } }] } }],
    },
  };
}

/** The gitops-hugo Rollout for the real cluster (the simulator's, with this run's pauses). */
export function realGitopsHugoRollout(o: GitopsHugoOptions): JsonObject {
  const namespace = o.namespace ?? 'default';
  const rollout = gitopsHugoRollout(namespace, o.image ?? 'ghcr.io/example/gitops-hugo:1.0.0');
  const canary = (rollout.spec as JsonObject & { strategy: { canary: { steps: JsonObject[] } } }).strategy.canary;
  const pause = o.pause;
  if (pause) canary.steps = canary.steps.map((s) => ('pause' in s ? { pause: { duration: pause } } : s));
  return rollout;
}

/** Every object of the scenario, as one kubectl List (Services and templates before the Rollout). */
export function gitopsHugoManifests(o: GitopsHugoOptions): string {
  const namespace = o.namespace ?? 'default';
  const items = [
    gitopsHugoService(namespace, GITOPS_HUGO_STABLE_SERVICE),
    gitopsHugoService(namespace, GITOPS_HUGO_CANARY_SERVICE),
    stableIngress(namespace),
    ...gitopsHugoTemplates(namespace, { address: o.prometheusUrl, ...(o.interval ? { interval: o.interval } : {}) }),
    realGitopsHugoRollout(o),
  ];
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}
