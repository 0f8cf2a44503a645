// The gitops-hugo canary (as in testbed/canarySimulator/seedGitopsHugo.ts) and its AnalysisRuns,
// written by hand for the panel tests: each builder takes the parts a test is about.
import type { PanelInput } from '../../../../src/core/panel/buildPanelState';
import { replicaSet } from '../rollout/builders';

type Obj = Record<string, unknown>;

export const HUGO_UID = 'hugo-uid';
export const CANARY_HASH = '7c9f6b8d4';
export const STABLE_HASH = '5d8c7b6f9';
/** 12:10:00 UTC: runs below start at 12:00:00. */
export const NOW = Date.UTC(2026, 0, 15, 12, 10, 0);
export const clock = (hhmmss: string): string => `2026-01-15T${hhmmss}Z`;
export const unix = (hhmmss: string): number => Date.parse(clock(hhmmss)) / 1000;

const pause = { pause: { duration: '1m' } };
export const HUGO_STEPS = [{ setWeight: 10 }, pause, { setWeight: 30 }, pause, { setWeight: 50 }, pause, { setWeight: 90 }, pause];

export const SUCCESS_RATE_QUERY = 'sum(rate(nginx_ingress_controller_requests{namespace="{{args.namespace}}", ingress="{{args.ingress}}", status!~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests{namespace="{{args.namespace}}", ingress="{{args.ingress}}"}[1m]))';
export const LATENCY_QUERY = 'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{namespace="{{args.namespace}}", ingress="{{args.ingress}}"}[1m])) by (le))';
export const PROMETHEUS = 'http://prometheus.monitoring:9090';

/** A fresh object each time: tests (and the fuzz test) may change it in place. */
export function hugoRollout(status: Obj = {}, canary: Obj = {}): Obj {
  return structuredClone({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'gitops-hugo', namespace: 'web', uid: HUGO_UID, generation: 2, creationTimestamp: clock('09:00:00') },
    spec: {
      replicas: 5,
      selector: { matchLabels: { app: 'gitops-hugo' } },
      strategy: {
        canary: {
          canaryService: 'gitops-hugo-canary',
          stableService: 'gitops-hugo-stable',
          trafficRouting: { nginx: { stableIngress: 'gitops-hugo' } },
          analysis: {
            startingStep: 2,
            templates: [{ templateName: 'latency' }, { templateName: 'success-rate' }],
            args: [
              { name: 'namespace', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              { name: 'ingress', value: 'gitops-hugo-gitops-hugo-canary' },
            ],
          },
          steps: HUGO_STEPS,
          ...canary,
        },
      },
    },
    status: {
      observedGeneration: '2',
      currentPodHash: CANARY_HASH,
      stableRS: STABLE_HASH,
      replicas: 6,
      updatedReplicas: 1,
      readyReplicas: 6,
      availableReplicas: 6,
      ...status,
    },
  });
}

/** Stable on hugo:0.120 (5 pods), canary on hugo:0.121 (1 pod). */
export function hugoReplicaSets(): Obj[] {
  return [
    replicaSet('gitops-hugo-stable-rs', { hash: STABLE_HASH, revision: 1, replicas: 5, images: ['hugo:0.120'], owner: HUGO_UID }),
    replicaSet('gitops-hugo-canary-rs', { hash: CANARY_HASH, revision: 2, replicas: 1, images: ['hugo:0.121'], owner: HUGO_UID }),
  ];
}

export function measurement(phase: string, value: string, hhmmss: string, message?: string): Obj {
  return { phase, value, startedAt: clock(hhmmss), finishedAt: clock(hhmmss), ...(message !== undefined ? { message } : {}) };
}

export function metricResult(name: string, phase: string, measurements: Obj[], counters: Obj = {}): Obj {
  const n = (p: string): number => measurements.filter((m) => m.phase === p).length;
  const successful = n('Successful');
  const failed = n('Failed');
  const inconclusive = n('Inconclusive');
  return { name, phase, count: successful + failed + inconclusive, successful, failed, inconclusive, error: n('Error'), consecutiveError: 0, measurements, ...counters };
}

export function hugoMetric(name: 'success-rate' | 'latency', extra: Obj = {}): Obj {
  const query = name === 'success-rate' ? SUCCESS_RATE_QUERY : LATENCY_QUERY;
  const successCondition = name === 'success-rate' ? 'result[0] >= 0.95' : 'result[0] <= 0.5';
  return { name, interval: '1m', failureLimit: 1, successCondition, provider: { prometheus: { address: PROMETHEUS, query } }, ...extra };
}

export interface RunOptions {
  readonly name?: string;
  readonly labels?: Obj;
  readonly phase?: string;
  readonly message?: string;
  readonly startedAt?: string;
  readonly completedAt?: string;
  readonly created?: string;
  readonly metrics?: Obj[];
  readonly args?: Obj[];
  readonly results?: Obj[];
  readonly owner?: string;
  readonly spec?: Obj;
}

/** The background run of revision 2 (name and labels as the controller writes them). */
export function hugoRun(opts: RunOptions = {}): Obj {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    metadata: {
      name: opts.name ?? `gitops-hugo-${CANARY_HASH}-2`,
      namespace: 'web',
      uid: `${opts.name ?? 'bg'}-uid`,
      creationTimestamp: opts.created ?? clock('12:00:00'),
      labels: opts.labels ?? { app: 'gitops-hugo', 'rollout-type': 'Background', 'rollouts-pod-template-hash': CANARY_HASH },
      annotations: { 'rollout.argoproj.io/revision': '2' },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'gitops-hugo', uid: opts.owner ?? HUGO_UID, controller: true }],
    },
    spec: {
      metrics: opts.metrics ?? [hugoMetric('latency'), hugoMetric('success-rate')],
      args: opts.args ?? [{ name: 'namespace', value: 'web' }, { name: 'ingress', value: 'gitops-hugo-gitops-hugo-canary' }],
      ...opts.spec,
    },
    status: {
      phase: opts.phase ?? 'Running',
      ...(opts.message !== undefined ? { message: opts.message } : {}),
      startedAt: opts.startedAt ?? clock('12:00:00'),
      ...(opts.completedAt !== undefined ? { completedAt: opts.completedAt } : {}),
      metricResults: opts.results ?? [],
    },
  };
}

export function panelInput(rollout: unknown, runs: unknown[] = [], extra: Partial<PanelInput> = {}): PanelInput {
  return {
    context: 'kind-demo',
    namespace: 'web',
    name: 'gitops-hugo',
    rollout,
    related: { replicaSets: hugoReplicaSets(), pods: [], experiments: [], analysisRuns: runs },
    now: NOW,
    readOnly: false,
    ...extra,
  };
}
