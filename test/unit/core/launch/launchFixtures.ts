// Builders for the launch tests: a Rollout file and its live counterpart as the cluster returns it.
import type { JsonRecord } from '../../../../src/core/actions/untrusted';

export interface RolloutOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly image?: string;
  readonly replicas?: number;
  readonly steps?: unknown[];
  readonly analysis?: JsonRecord;
}

export function aRolloutFile(o: RolloutOptions = {}): JsonRecord {
  const name = o.name ?? 'web';
  const canary: JsonRecord = { steps: o.steps ?? [{ setWeight: 10 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '1m' } }] };
  if (o.analysis) canary['analysis'] = o.analysis;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}) },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: o.image ?? 'nginx:1.25' }] },
      },
      strategy: { canary },
    },
  };
}

/** The file as the cluster would hold it after a healthy deploy: server metadata, empty defaults, status. */
export function liveOf(file: JsonRecord, extra: { status?: JsonRecord; managedFields?: unknown[]; metadata?: JsonRecord } = {}): JsonRecord {
  const copy = structuredClone(file);
  const meta = (copy['metadata'] ?? {}) as JsonRecord;
  const template = ((copy['spec'] as JsonRecord)['template'] ?? {}) as JsonRecord;
  (template['metadata'] as JsonRecord)['creationTimestamp'] = null;
  const container = ((template['spec'] as JsonRecord)['containers'] as JsonRecord[])[0];
  if (container) container['resources'] = {};
  return {
    ...copy,
    metadata: {
      ...meta, namespace: 'default', uid: 'u-1', resourceVersion: '42', generation: 1, creationTimestamp: '2025-01-01T00:00:00Z',
      ...(extra.managedFields ? { managedFields: extra.managedFields } : {}),
      ...extra.metadata,
    },
    status: extra.status ?? { phase: 'Healthy', stableRS: 'abc', currentPodHash: 'abc', currentStepIndex: 4, observedGeneration: '1' },
  };
}
