// The demo scenario: `gitops-hugo`, an NGINX-routed canary (setWeight 10/30/50/90 with a 1-minute
// pause after each) and background analysis from step 2 with latency and success-rate templates
// against NGINX ingress controller metrics. Seeds the objects a user's cluster would hold and lets
// the simulator make the first deploy Healthy; setImage() starts an update. The queries select the
// canary Service's traffic by the labels the NGINX ingress controller exports
// (exported_namespace, exported_service), the series test/scenario/gitopsHugoOpenMetrics.ts backfills.
import { at, isObject } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../apiDouble/clusterStore';
import { cloneJson, isJsonObject, type JsonObject } from '../apiDouble/jsonValue';
import { CanarySimulator } from './canarySimulator';
import { vectorData, type MetricSource } from './metricSource';
import type { SimClock } from './simClock';

export const GITOPS_HUGO = 'gitops-hugo';
const INGRESS = 'gitops-hugo';
/** The canary Ingress Argo creates for NGINX: `<rollout>-<stableIngress>-canary`. */
export const GITOPS_HUGO_CANARY_INGRESS = `${GITOPS_HUGO}-${INGRESS}-canary`;
export const GITOPS_HUGO_CANARY_SERVICE = `${GITOPS_HUGO}-canary`;
export const GITOPS_HUGO_STABLE_SERVICE = `${GITOPS_HUGO}-stable`;

const selector = 'exported_namespace="{{args.namespace}}", exported_service="{{args.service}}"';
export const LATENCY_QUERY = `histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{${selector}}[1m])) by (le))`;
export const SUCCESS_RATE_QUERY =
  `sum(rate(nginx_ingress_controller_requests{${selector}, status!~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests{${selector}}[1m]))`;

export interface TemplateOptions {
  /** The Prometheus the analysis queries (default the in-cluster address the simulator's metric source stands in for). */
  readonly address?: string;
  readonly interval?: string;
}

/** The scenario's AnalysisTemplates, `latency` and `success-rate` (the real-cluster scenario applies the same ones). */
export function gitopsHugoTemplates(namespace: string, o: TemplateOptions = {}): JsonObject[] {
  const template = (name: string, query: string, successCondition: string): JsonObject => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name, namespace },
    spec: {
      args: [{ name: 'namespace' }, { name: 'service' }],
      metrics: [{
        name, interval: o.interval ?? '1m', failureLimit: 1, successCondition,
        provider: { prometheus: { address: o.address ?? 'http://prometheus.monitoring:9090', query } },
      }],
    },
  });
  return [template('latency', LATENCY_QUERY, 'result[0] <= 0.5'), template('success-rate', SUCCESS_RATE_QUERY, 'result[0] >= 0.95')];
}

/** A Service of the scenario (stable or canary), selecting gitops-hugo's pods. */
export function gitopsHugoService(namespace: string, name: string): JsonObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: GITOPS_HUGO }, ports: [{ name: 'http', port: 80, targetPort: 1313 }] } };
}

export function gitopsHugoRollout(namespace: string, image: string): JsonObject {
  const pause = { pause: { duration: '1m' } };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: GITOPS_HUGO, namespace, labels: { app: GITOPS_HUGO } },
    spec: {
      replicas: 5,
      revisionHistoryLimit: 3,
      selector: { matchLabels: { app: GITOPS_HUGO } },
      template: {
        metadata: { labels: { app: GITOPS_HUGO } },
        spec: { containers: [{ name: 'hugo', image, ports: [{ name: 'http', containerPort: 1313 }] }] },
      },
      strategy: {
        canary: {
          canaryService: GITOPS_HUGO_CANARY_SERVICE,
          stableService: GITOPS_HUGO_STABLE_SERVICE,
          trafficRouting: { nginx: { stableIngress: INGRESS } },
          analysis: {
            startingStep: 2,
            templates: [{ templateName: 'latency' }, { templateName: 'success-rate' }],
            args: [
              { name: 'namespace', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
              { name: 'service', value: GITOPS_HUGO_CANARY_SERVICE },
            ],
          },
          steps: [{ setWeight: 10 }, pause, { setWeight: 30 }, pause, { setWeight: 50 }, pause, { setWeight: 90 }, pause],
        },
      },
    },
  };
}

export interface HugoMetrics {
  /** p95 latency in seconds (default 0.12; the template wants ≤ 0.5). */
  readonly latency?: number | ((now: Date) => number);
  /** Share of non-5xx responses (default 0.995; the template wants ≥ 0.95). */
  readonly successRate?: number | ((now: Date) => number);
}

/** A metric source answering the two gitops-hugo queries like NGINX's Prometheus would. */
export function gitopsHugoMetrics(m: HugoMetrics = {}): MetricSource {
  const value = (v: number | ((now: Date) => number) | undefined, fallback: number, now: Date): number => (typeof v === 'function' ? v(now) : v ?? fallback);
  return ({ query, now }) => {
    if (query.includes('request_duration_seconds')) return vectorData([value(m.latency, 0.12, now)], now);
    if (query.includes('nginx_ingress_controller_requests')) return vectorData([value(m.successRate, 0.995, now)], now);
    return vectorData([], now);
  };
}

export interface SeededScenario {
  readonly simulator: CanarySimulator;
  readonly namespace: string;
  readonly name: string;
  /** Changes the container image (a new revision), as `kubectl argo rollouts set image` would. */
  setImage(image: string): void;
}

export interface SeedOptions {
  readonly namespace?: string;
  /** Reuse a simulator already attached to the store (one per store). */
  readonly simulator?: CanarySimulator;
  readonly image?: string;
}

export function seedGitopsHugo(store: ClusterStore, clock: SimClock, metricSource: MetricSource, options: SeedOptions = {}): SeededScenario {
  const namespace = options.namespace ?? 'default';
  if (!store.get({ resource: 'namespaces', name: namespace })) store.create('namespaces', { metadata: { name: namespace } });
  const simulator = options.simulator ?? new CanarySimulator(store, { clock, metricSource });
  for (const t of gitopsHugoTemplates(namespace)) store.create('analysistemplates', t);
  store.create('services', gitopsHugoService(namespace, GITOPS_HUGO_STABLE_SERVICE));
  store.create('services', gitopsHugoService(namespace, GITOPS_HUGO_CANARY_SERVICE));
  store.create('rollouts', gitopsHugoRollout(namespace, options.image ?? 'ghcr.io/example/gitops-hugo:1.0.0'));
  simulator.settle();
  return {
    simulator,
    namespace,
    name: GITOPS_HUGO,
    setImage(image: string): void {
      const current = store.get({ resource: 'rollouts', namespace, name: GITOPS_HUGO });
      const containers = at(current, 'spec', 'template', 'spec', 'containers');
      if (!current || !Array.isArray(containers) || !isObject(containers[0])) throw new Error(`rollout ${namespace}/${GITOPS_HUGO} has no container to update`);
      const next = cloneJson(current);
      const first = at(next, 'spec', 'template', 'spec', 'containers');
      if (Array.isArray(first) && isJsonObject(first[0])) first[0].image = image;
      store.update('rollouts', next);
      simulator.settle();
    },
  };
}
