// How each gitops-hugo release behaves in the demo: the canary of a release in BAD_RELEASES answers
// slowly and with errors, every other one is fine. With Prometheus, canaryHealth() drives the live
// NGINX series (demoTraffic.ts) and the analysis measures those; without it, demoMetricSource() is
// the fallback the simulator measures directly (no plots then). The release is read from the
// cluster at that moment, so launching the 1.2.0 manifest from the editor is what makes the
// analysis fail — no switch to flip by hand.
import { at } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import type { MetricSource } from '../../testbed/canarySimulator/metricSource';
import { GITOPS_HUGO, gitopsHugoMetrics } from '../../testbed/canarySimulator/seedGitopsHugo';

/** Image tags whose canary misbehaves in the demo (demo/workspace/gitops-hugo/new-version.yaml). */
export const BAD_RELEASES: readonly string[] = ['1.2.0'];

export interface CanaryHealth {
  /** p95 latency in seconds; the template wants ≤ 0.5. */
  readonly latency: number;
  /** Share of non-5xx responses; the template wants ≥ 0.95. */
  readonly successRate: number;
}

/** The canary image's tag in a namespace's gitops-hugo Rollout ('' when there is none). */
export function canaryTag(store: ClusterStore, namespace: string): string {
  const rollout = store.get({ resource: 'rollouts', namespace, name: GITOPS_HUGO });
  const containers = at(rollout, 'spec', 'template', 'spec', 'containers');
  const image = Array.isArray(containers) ? at(containers[0], 'image') : undefined;
  return typeof image === 'string' ? (image.split(':')[1] ?? '') : '';
}

/** The health of a release at a moment: small deterministic wobble so plots are not flat lines. */
export function canaryHealth(tag: string, now: Date): CanaryHealth {
  const wobble = Math.sin(now.getTime() / 7000);
  if (BAD_RELEASES.includes(tag)) return { latency: 0.9 + 0.15 * wobble, successRate: 0.82 + 0.03 * wobble };
  return { latency: 0.12 + 0.02 * wobble, successRate: 0.996 + 0.002 * wobble };
}

export function demoMetricSource(store: ClusterStore): MetricSource {
  return (request) => {
    const health = (now: Date): CanaryHealth => canaryHealth(canaryTag(store, request.namespace), now);
    return gitopsHugoMetrics({ latency: (now) => health(now).latency, successRate: (now) => health(now).successRate })(request);
  };
}
