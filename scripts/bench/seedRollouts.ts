// Seeds the API double with N canary Rollouts as the controller would have left them, without
// running the simulator (which would take minutes for 2,000): per Rollout 3 ReplicaSets
// (revisions 1..3), 3 ready pods, and an AnalysisRun for most. Phases mix as a busy cluster
// would: half Healthy, the rest Paused, Progressing or Degraded mid-canary.
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import type { JsonObject, JsonValue } from '../../testbed/apiDouble/jsonValue';
import { controllerRef, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION } from '../../testbed/canarySimulator/simObjects';

export interface SeedCounts {
  rollouts: number;
  replicaSets: number;
  pods: number;
  analysisRuns: number;
}

type Phase = 'Healthy' | 'Paused' | 'Progressing' | 'Degraded';

function phaseOf(i: number): Phase {
  const k = i % 10;
  return k < 5 ? 'Healthy' : k < 7 ? 'Paused' : k < 9 ? 'Progressing' : 'Degraded';
}

const STEPS: JsonValue[] = [
  { setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '1m' } },
  { analysis: { templates: [{ templateName: 'success-rate' }] } }, { setWeight: 100 },
];

function hashFor(name: string, revision: number): string {
  let h = 2166136261;
  for (const c of `${name}/${revision}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(36).padStart(7, 'x').slice(0, 10);
}

function ts(offsetMin: number): string {
  return new Date(Date.now() - offsetMin * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

function podTemplate(app: string, image: string): JsonObject {
  return {
    metadata: { labels: { app } },
    spec: {
      containers: [{
        name: app, image,
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
      }],
      terminationGracePeriodSeconds: 30,
    },
  };
}

function condition(type: string, status: string, reason: string, message: string): JsonObject {
  return { type, status, reason, message, lastUpdateTime: ts(5), lastTransitionTime: ts(5) };
}

function rolloutStatus(phase: Phase, stable: string, current: string): JsonObject {
  const canarying = phase !== 'Healthy';
  const stepIndex = phase === 'Healthy' ? STEPS.length : phase === 'Paused' ? 1 : phase === 'Progressing' ? 2 : 4;
  const status: JsonObject = {
    phase, observedGeneration: '1', replicas: 3, updatedReplicas: canarying ? 1 : 3, readyReplicas: 3, availableReplicas: 3,
    currentPodHash: current, stableRS: stable, currentStepIndex: stepIndex, currentStepHash: '5f8d9c7b6',
    selector: 'app=web', HPAReplicas: 3, canary: {},
    conditions: [
      condition('Available', 'True', 'AvailableReason', 'Rollout has minimum availability'),
      condition('Progressing', phase === 'Degraded' ? 'False' : 'True', phase === 'Degraded' ? 'RolloutAborted' : 'NewReplicaSetAvailable', 'Rollout progress'),
      condition('Healthy', phase === 'Healthy' ? 'True' : 'False', 'RolloutHealthy', 'Rollout health'),
    ],
  };
  if (phase === 'Paused') {
    status.pauseConditions = [{ reason: 'CanaryPauseStep', startTime: ts(3) }];
    status.controllerPause = true;
    status.message = 'CanaryPauseStep';
  }
  if (phase === 'Degraded') {
    status.abort = true;
    status.message = 'RolloutAborted: Rollout aborted update to revision 3: Metric "success-rate" assessed Failed';
  }
  return status;
}

function pod(rs: JsonObject, app: string, image: string, hash: string, name: string): JsonObject {
  const started = ts(10);
  return {
    metadata: { name, labels: { app, [POD_TEMPLATE_HASH_LABEL]: hash }, ownerReferences: [controllerRef(rs)] },
    spec: { ...(podTemplate(app, image).spec as JsonObject), nodeName: 'node-1', serviceAccountName: 'default', restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
    status: {
      phase: 'Running', hostIP: '10.0.0.1', podIP: '10.244.1.17', startTime: started, qosClass: 'Burstable',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: started })),
      containerStatuses: [{ name: app, image, imageID: `${image}@sha256:${'ab'.repeat(32)}`, ready: true, started: true, restartCount: 0, state: { running: { startedAt: started } } }],
    },
  };
}

function seedOne(store: ClusterStore, namespace: string, name: string, phase: Phase, counts: SeedCounts): void {
  const hashes = [1, 2, 3].map((r) => hashFor(`${namespace}/${name}`, r));
  const stableRev = phase === 'Healthy' ? 3 : 2;
  const image = (rev: number): string => `registry.example/${name}:1.${rev}.0`;
  const rollout = store.create('rollouts', {
    metadata: { name, namespace, labels: { app: name }, annotations: { [REVISION_ANNOTATION]: '3' } },
    spec: {
      replicas: 3, revisionHistoryLimit: 3, selector: { matchLabels: { app: name } }, template: podTemplate(name, image(3)),
      strategy: { canary: { steps: STEPS, canaryService: `${name}-canary`, stableService: `${name}-stable` } },
    },
    status: rolloutStatus(phase, hashes[stableRev - 1] ?? '', hashes[2] ?? ''),
  }, { keepStatus: true, namespace });
  counts.rollouts++;
  // Healthy: the 3 pods on revision 3. Mid-canary: 2 stable pods on revision 2, 1 canary pod on 3.
  const podsPerRevision = phase === 'Healthy' ? [0, 0, 3] : [0, 2, 1];
  for (const [r, hash] of hashes.entries()) {
    const revision = r + 1;
    const replicas = podsPerRevision[r] ?? 0;
    const template = podTemplate(name, image(revision));
    (template.metadata as JsonObject).labels = { app: name, [POD_TEMPLATE_HASH_LABEL]: hash };
    const counted: JsonObject = replicas > 0 ? { fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas } : {};
    const rs = store.create('replicasets', {
      metadata: {
        name: `${name}-${hash}`, namespace, labels: { app: name, [POD_TEMPLATE_HASH_LABEL]: hash },
        annotations: { [REVISION_ANNOTATION]: String(revision), [DESIRED_REPLICAS_ANNOTATION]: '3' }, ownerReferences: [controllerRef(rollout)],
      },
      spec: { replicas, selector: { matchLabels: { app: name, [POD_TEMPLATE_HASH_LABEL]: hash } }, template },
      status: { replicas, observedGeneration: 1, ...counted },
    }, { keepStatus: true, namespace });
    counts.replicaSets++;
    for (let p = 0; p < replicas; p++) {
      store.create('pods', pod(rs, name, image(revision), hash, `${name}-${hash}-${'bcdfg'[p] ?? 'h'}${p}x2k`), { keepStatus: true, namespace });
      counts.pods++;
    }
  }
  // Healthy ones keep the run of their last canary every other time; the others have the current run.
  if (phase === 'Healthy' && name.endsWith('1')) return;
  const runPhase = phase === 'Degraded' ? 'Failed' : phase === 'Healthy' ? 'Successful' : 'Running';
  store.create('analysisruns', {
    metadata: {
      name: `${name}-${hashes[2] ?? ''}-3-4`, namespace, labels: { [POD_TEMPLATE_HASH_LABEL]: hashes[2] ?? '', 'rollouts-pod-template-hash-step': '4' },
      annotations: { [REVISION_ANNOTATION]: '3' }, ownerReferences: [controllerRef(rollout)],
    },
    spec: { metrics: [{ name: 'success-rate', interval: '1m', count: 3, successCondition: 'result[0] >= 0.95', provider: { prometheus: { address: 'http://prometheus:9090', query: `sum(rate(http_requests_total{app="${name}"}[1m]))` } } }] },
    status: {
      phase: runPhase, startedAt: ts(4),
      metricResults: [{
        name: 'success-rate', phase: runPhase, count: 2, successful: runPhase === 'Failed' ? 1 : 2, failed: runPhase === 'Failed' ? 1 : 0,
        measurements: [{ phase: 'Successful', value: '[0.99]', startedAt: ts(4), finishedAt: ts(4) }, { phase: runPhase === 'Failed' ? 'Failed' : 'Successful', value: runPhase === 'Failed' ? '[0.71]' : '[0.98]', startedAt: ts(3), finishedAt: ts(3) }],
      }],
    },
  }, { keepStatus: true, namespace });
  counts.analysisRuns++;
}

export function benchNamespaces(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `team-${String(i).padStart(2, '0')}`);
}

/** `perNamespace` Rollouts (with their ReplicaSets, pods, AnalysisRuns) in each namespace. */
export function seedRollouts(store: ClusterStore, namespaces: readonly string[], perNamespace: number): SeedCounts {
  const counts: SeedCounts = { rollouts: 0, replicaSets: 0, pods: 0, analysisRuns: 0 };
  let i = 0;
  for (const ns of namespaces) {
    for (let r = 0; r < perNamespace; r++) seedOne(store, ns, `svc-${String(r).padStart(2, '0')}`, phaseOf(i++), counts);
  }
  return counts;
}
