// Builders for the simulator tests: a Rollout, templates, and a store on a simulated clock.
import { ClusterStore } from '../../../../testbed/apiDouble/clusterStore';
import { isJsonObject, type JsonObject } from '../../../../testbed/apiDouble/jsonValue';
import { rolloutInfo, type RolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { CanarySimulator } from '../../../../testbed/canarySimulator/canarySimulator';
import { constantMetricSource, type MetricSource } from '../../../../testbed/canarySimulator/metricSource';
import { SimClock } from '../../../../testbed/canarySimulator/simClock';

export interface RolloutOptions {
  readonly name?: string;
  readonly replicas?: number;
  readonly image?: string;
  readonly steps?: JsonObject[];
  readonly trafficRouting?: boolean;
  readonly analysis?: JsonObject;
}

export function aRollout(o: RolloutOptions = {}): JsonObject {
  const name = o.name ?? 'web';
  const canary: JsonObject = { steps: o.steps ?? [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '1m' } }] };
  if (o.trafficRouting) {
    Object.assign(canary, { canaryService: `${name}-canary`, stableService: `${name}-stable`, trafficRouting: { nginx: { stableIngress: name } } });
  }
  if (o.analysis) canary.analysis = o.analysis;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: o.replicas ?? 5,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: o.image ?? `example/${name}:1.0` }] } },
      strategy: { canary },
    },
  };
}

export function aTemplate(name: string, successCondition: string, extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name, namespace: 'default' },
    spec: {
      args: [{ name: 'service' }],
      metrics: [{ name, successCondition, provider: { prometheus: { address: 'http://prometheus:9090', query: `${name}{service="{{args.service}}"}` } }, ...extra }],
    },
  };
}

export interface Sim {
  readonly store: ClusterStore;
  readonly clock: SimClock;
  readonly sim: CanarySimulator;
}

export function aSimulation(metricSource: MetricSource = constantMetricSource(1)): Sim {
  const clock = new SimClock('2024-05-01T10:00:00Z');
  const store = new ClusterStore({ now: () => clock.now() });
  const sim = new CanarySimulator(store, { clock, metricSource });
  return { store, clock, sim };
}

/** The Rollout as stored, and the plugin's view of it (rolloutInfo over everything in its namespace). */
export function observe(s: Sim, name = 'web'): { rollout: JsonObject; info: RolloutInfo } {
  const rollout = s.store.get({ resource: 'rollouts', namespace: 'default', name });
  if (!rollout) throw new Error(`rollout ${name} not found`);
  const list = (r: string): JsonObject[] => s.store.list(r, { namespace: 'default' }).items;
  const info = rolloutInfo(rollout, { replicaSets: list('replicasets'), pods: list('pods'), analysisRuns: list('analysisruns') }, s.clock.nowMs());
  return { rollout, info };
}

/** Replaces the first container's image through the store (a PUT of the whole Rollout). */
export function setImage(s: Sim, image: string, name = 'web'): void {
  const rollout = s.store.get({ resource: 'rollouts', namespace: 'default', name });
  const containers = rollout?.spec && isJsonObject(rollout.spec) && isJsonObject(rollout.spec.template) && isJsonObject(rollout.spec.template.spec)
    ? rollout.spec.template.spec.containers : undefined;
  if (!rollout || !Array.isArray(containers) || !isJsonObject(containers[0])) throw new Error('no container');
  containers[0].image = image;
  s.store.update('rollouts', rollout);
  s.sim.settle();
}

export function patchStatus(s: Sim, status: JsonObject, name = 'web'): void {
  s.store.patchStatus({ resource: 'rollouts', namespace: 'default', name }, status);
  s.sim.settle();
}

export function patchSpec(s: Sim, spec: JsonObject, name = 'web'): void {
  const rollout = s.store.get({ resource: 'rollouts', namespace: 'default', name });
  if (!rollout) throw new Error('no rollout');
  s.store.update('rollouts', { ...rollout, spec: { ...(isJsonObject(rollout.spec) ? rollout.spec : {}), ...spec } });
  s.sim.settle();
}

export function statusOf(rollout: JsonObject): JsonObject {
  return isJsonObject(rollout.status) ? rollout.status : {};
}
