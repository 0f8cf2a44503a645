// §2.2 Services: every selector key of a Service the Rollout names must select the Rollout's pods.
import { invalid, type Rule, type RuleContext } from '../../rule';
import { dig, labels, name, rec, str } from './refHelpers';
import { roleMetadataLabels, serviceRefs } from './serviceRefs';

const POD_HASH_KEY = 'rollouts-pod-template-hash';
const MANAGED_BY = 'argo-rollouts.argoproj.io/managed-by-rollouts';

/**
 * The labels of the Rollout's pods: its own template, or with `workloadRef` the referenced
 * Deployment's template when the Deployment is in the workspace (what the controller resolves).
 * Undefined when they cannot be known.
 */
export function podTemplateLabels(ctx: RuleContext): Map<string, string> | undefined {
  const ref = rec(dig(ctx.value, 'spec', 'workloadRef'));
  if (ref) {
    const depName = name(ref.name);
    if (depName === undefined || (ref.kind !== undefined && ref.kind !== 'Deployment')) return undefined;
    const dep = ctx.index.find('Deployment', depName, ctx.doc.namespace);
    return dep ? labels(dig(dep.value, 'spec', 'template', 'metadata', 'labels')) : undefined;
  }
  return labels(dig(ctx.value, 'spec', 'template', 'metadata', 'labels'));
}

export const serviceSelectorRule = {
  id: 'rollout-service-selector',
  severity: 'error',
  kinds: ['Rollout'],
  usesIndex: true,
  title: "A Service the Rollout uses must select the Rollout's pods and not be managed by another Rollout",
  description:
    "Argo checks every Service named in canaryService, stableService, pingService, pongService, activeService and previewService: each key of the Service's spec.selector (except rollouts-pod-template-hash) must be one of the Rollout's pod template labels with the same value (or of the role's canaryMetadata/stableMetadata/activeMetadata/previewMetadata labels). Otherwise the Rollout is marked InvalidSpec. With workloadRef the referenced Deployment's template is used when it is in the workspace. A Service annotated as managed by another Rollout is rejected as well. Fix the selector or the template labels.",
  source: '§2.2 Services',
  check(ctx) {
    const refs = serviceRefs(ctx.value);
    if (refs.length === 0) return;
    let podLabels: Map<string, string> | undefined;
    let podLabelsRead = false;
    const rolloutName = ctx.doc.name ?? '';
    for (const ref of refs) {
      const svc = ctx.index.find('Service', ref.name, ctx.doc.namespace);
      if (!svc) continue;
      if (!podLabelsRead) {
        podLabels = podTemplateLabels(ctx);
        podLabelsRead = true;
      }
      if (podLabels) {
        const roleLabels = labels(roleMetadataLabels(ctx.value, ref.role));
        for (const [key, value] of labels(dig(svc.value, 'spec', 'selector'))) {
          if (key === POD_HASH_KEY) continue;
          if (podLabels.get(key) === value || roleLabels.get(key) === value) continue;
          const pods = podLabels.get(key);
          ctx.report({
            message:
              invalid(ref.name, `Service "${ref.name}" has unmatch label "${key}" in rollout`) +
              ` — the Service selects ${key}=${value}, but the Rollout's pods ${pods === undefined ? `have no ${key} label` : `have ${key}=${pods}`}, so it would reach none of them`,
            at: ref.at,
            argoPath: ref.argoPath,
          });
        }
      }
      const manager = str(dig(svc.value, 'metadata', 'annotations', MANAGED_BY));
      if (manager !== undefined && manager !== rolloutName) {
        ctx.report({
          message: invalid(ref.name, `Service "${ref.name}" is managed by another Rollout`) + ` — annotation ${MANAGED_BY} names Rollout "${manager}"`,
          at: ref.at,
          argoPath: ref.argoPath,
        });
      }
    }
  },
} as const satisfies Rule;
