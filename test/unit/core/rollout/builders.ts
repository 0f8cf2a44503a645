// Small hand-written cluster objects for the rollout model tests. Each builder takes the parts a
// test cares about; everything else is what a freshly reconciled object would have.

type Obj = Record<string, unknown>;

export const ROLLOUT_UID = 'ro-uid';
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const HOUR = 3600 * 1000;

export function canaryRollout(opts: { steps?: unknown[]; status?: Obj; spec?: Obj; canary?: Obj } = {}): Obj {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'demo', namespace: 'ns', uid: ROLLOUT_UID, generation: 2, creationTimestamp: iso(NOW - 2 * HOUR) },
    spec: { replicas: 4, strategy: { canary: { steps: opts.steps ?? [], ...opts.canary } }, ...opts.spec },
    status: { observedGeneration: '2', ...opts.status },
  };
}

export function blueGreenRollout(opts: { status?: Obj; spec?: Obj; blueGreen?: Obj } = {}): Obj {
  return {
    kind: 'Rollout',
    metadata: { name: 'bg', namespace: 'ns', uid: ROLLOUT_UID, generation: 1 },
    spec: { replicas: 2, strategy: { blueGreen: { activeService: 'active', ...opts.blueGreen } }, ...opts.spec },
    status: { observedGeneration: '1', ...opts.status },
  };
}

export function replicaSet(name: string, opts: { hash?: string; revision?: number | string; owner?: string; replicas?: number; available?: number; images?: string[]; annotations?: Obj; status?: Obj; generation?: number } = {}): Obj {
  const replicas = opts.replicas ?? 1;
  return {
    kind: 'ReplicaSet',
    metadata: {
      name,
      uid: `${name}-uid`,
      generation: opts.generation ?? 1,
      creationTimestamp: iso(NOW - HOUR),
      labels: opts.hash === undefined ? {} : { 'rollouts-pod-template-hash': opts.hash },
      annotations: { 'rollout.argoproj.io/revision': String(opts.revision ?? 1), ...opts.annotations },
      ownerReferences: [{ kind: 'Rollout', uid: opts.owner ?? ROLLOUT_UID }],
    },
    spec: { replicas, template: { spec: { containers: (opts.images ?? ['app:v1']).map((image, i) => ({ name: `c${i}`, image })) } } },
    status: { replicas, availableReplicas: opts.available ?? replicas, observedGeneration: 1, ...opts.status },
  };
}

export function pod(name: string, owner: string, status: Obj, opts: { spec?: Obj; metadata?: Obj } = {}): Obj {
  return {
    kind: 'Pod',
    metadata: { name, uid: `${name}-uid`, creationTimestamp: iso(NOW - HOUR), ownerReferences: [{ kind: 'ReplicaSet', uid: owner }], ...opts.metadata },
    spec: { containers: [{ name: 'app' }], ...opts.spec },
    status,
  };
}

export const running = { running: { startedAt: iso(NOW - HOUR) } };

export function runningPod(name: string, owner: string): Obj {
  return pod(name, owner, { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }] });
}

export function analysisRun(name: string, opts: { owner?: string; revision?: number; phase?: string; metricResults?: unknown[]; created?: number } = {}): Obj {
  return {
    kind: 'AnalysisRun',
    metadata: {
      name,
      uid: `${name}-uid`,
      creationTimestamp: iso(opts.created ?? NOW - HOUR),
      annotations: { 'rollout.argoproj.io/revision': String(opts.revision ?? 1) },
      ownerReferences: [{ kind: 'Rollout', uid: opts.owner ?? ROLLOUT_UID }],
    },
    spec: { metrics: [{ name: 'success-rate' }] },
    status: { phase: opts.phase ?? 'Running', metricResults: opts.metricResults ?? [] },
  };
}

export function experiment(name: string, opts: { revision?: number; phase?: string } = {}): Obj {
  return {
    kind: 'Experiment',
    metadata: {
      name,
      uid: `${name}-uid`,
      creationTimestamp: iso(NOW - HOUR),
      annotations: { 'rollout.argoproj.io/revision': String(opts.revision ?? 1) },
      ownerReferences: [{ kind: 'Rollout', uid: ROLLOUT_UID }],
    },
    status: { phase: opts.phase ?? 'Running' },
  };
}
