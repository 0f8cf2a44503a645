// What the demo's live NGINX exporter (test/scenario/nginxIngressExporter.ts) serves for gitops-hugo,
// read from the cluster at each scrape: the canary's traffic weight as the simulator routes it
// (status.canary.weights), and each side's health from the release its ReplicaSet runs through
// canaryHealth() — so launching 1.2.0 (a BAD_RELEASES tag) makes the canary's error rate and p95 rise
// in Prometheus, which is where the demo's analysis then measures them.
import { at } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { GITOPS_HUGO } from '../../testbed/canarySimulator/seedGitopsHugo';
import type { IngressTraffic } from '../../test/scenario/nginxIngressExporter';
import { canaryHealth, canaryTag } from './demoMetricSource';

/** The image tag of gitops-hugo's ReplicaSet for a pod-template hash ('' when there is none). */
function replicaSetTag(store: ClusterStore, namespace: string, hash: unknown): string {
  if (typeof hash !== 'string' || hash === '') return '';
  const rs = store.get({ resource: 'replicasets', namespace, name: `${GITOPS_HUGO}-${hash}` });
  const containers = at(rs, 'spec', 'template', 'spec', 'containers');
  const image = Array.isArray(containers) ? at(containers[0], 'image') : undefined;
  return typeof image === 'string' ? (image.split(':')[1] ?? '') : '';
}

/** The live traffic of gitops-hugo in `namespace`; no Rollout yet means all traffic on a healthy stable. */
export function demoTraffic(store: ClusterStore, namespace = 'default'): (now: Date) => IngressTraffic {
  return (now) => {
    const rollout = store.get({ resource: 'rollouts', namespace, name: GITOPS_HUGO });
    const weights = at(rollout, 'status', 'canary', 'weights');
    const weight = at(weights, 'canary', 'weight');
    const canary = replicaSetTag(store, namespace, at(weights, 'canary', 'podTemplateHash')) || canaryTag(store, namespace);
    const stable = replicaSetTag(store, namespace, at(rollout, 'status', 'stableRS'));
    return {
      canaryWeight: typeof weight === 'number' ? weight : 0,
      canary: canaryHealth(canary, now),
      stable: canaryHealth(stable, now),
    };
  };
}
