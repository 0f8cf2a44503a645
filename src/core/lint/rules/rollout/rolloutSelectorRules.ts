// `spec.selector` (§1.1 T2, T3, T4, T6) and the workloadRef/template exclusion (T5).
import { internal, invalid, required, type Rule } from '../../rule';
import { selectorIsEmpty, selectorJson, selectorProblems } from './labelSelector';
import { isSet, rec, rolloutParts } from './rolloutShape';

export const selectorRequiredRule: Rule<'rollout-selector-required'> = {
  id: 'rollout-selector-required',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A Rollout without workloadRef needs spec.selector',
  description:
    'Argo requires spec.selector unless the pod template comes from a workloadRef. The selector must match the pod template ' +
    "labels (for example `matchLabels: {app: my-app}`), and it cannot be changed once the Rollout exists.",
  source: '§1.1 T2',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    if (!parts || isSet(parts.spec.workloadRef) || isSet(parts.spec.selector)) return;
    ctx.report({ message: required("Rollout has missing field '.spec.selector'"), at: ['spec', 'selector'] });
  },
};

export const selectorSyntaxRule: Rule<'rollout-selector-syntax'> = {
  id: 'rollout-selector-syntax',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Label selector keys, values and operators must be valid',
  description:
    "Argo runs Kubernetes' label-selector validation on spec.selector: keys must be qualified names (optional DNS prefix and `/`, " +
    'then up to 63 alphanumerics, `-`, `_`, `.`), values valid label values, operators one of In, NotIn, Exists, DoesNotExist, ' +
    'In/NotIn need values and Exists/DoesNotExist must have none. Messages are the upstream ones; matchLabels problems are ' +
    'reported at `spec.selector.matchLabels` as upstream does.',
  source: '§1.1 T3',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    const selector = rec(parts?.spec.selector);
    if (!parts || !selector || isSet(parts.spec.workloadRef)) return;
    for (const p of selectorProblems(selector, ['spec', 'selector'], 'spec.selector')) ctx.report(p);
  },
};

export const selectorEmptyRule: Rule<'rollout-selector-empty'> = {
  id: 'rollout-selector-empty',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'spec.selector must have matchLabels or matchExpressions',
  description:
    'An empty selector would select every pod, so Argo rejects it ("empty selector is invalid for deployment"). ' +
    'Add matchLabels that match the pod template labels.',
  source: '§1.1 T4',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    const selector = rec(parts?.spec.selector);
    if (!parts || !selector || isSet(parts.spec.workloadRef) || !selectorIsEmpty(selector)) return;
    ctx.report({ message: invalid(selectorJson(selector), 'empty selector is invalid for deployment'), at: ['spec', 'selector'], part: 'key' });
  },
};

export const selectorInvalidRule: Rule<'rollout-selector-invalid'> = {
  id: 'rollout-selector-invalid',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'spec.selector must be convertible to a label selector',
  description:
    'Argo converts spec.selector into a label selector (even with workloadRef); when a key, value or operator is invalid the ' +
    'conversion fails, Argo reports "invalid label selector" and skips the pod template checks. Fix the problems reported by ' +
    'rollout-selector-syntax.',
  source: '§1.1 T6',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    const selector = rec(parts?.spec.selector);
    if (!parts || !selector || selectorProblems(selector, ['spec', 'selector'], 'spec.selector').length === 0) return;
    ctx.report({ message: invalid(selectorJson(selector), 'invalid label selector'), at: ['spec', 'selector'], part: 'key' });
  },
};

export const workloadRefTemplateRule: Rule<'workload-ref-template-not-empty'> = {
  id: 'workload-ref-template-not-empty',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A Rollout with workloadRef must not have template labels or annotations',
  description:
    'With workloadRef the pod template comes from the referenced Deployment, so `kubectl argo rollouts lint` rejects a Rollout ' +
    'whose own template has labels or annotations (only template metadata is looked at). Remove spec.template or workloadRef.',
  source: '§1.1 T5',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    if (!parts || !isSet(parts.spec.workloadRef)) return;
    const metadata = rec(rec(parts.spec.template)?.metadata);
    const labels = rec(metadata?.labels);
    const annotations = rec(metadata?.annotations);
    if ((labels ? Object.keys(labels).length : 0) + (annotations ? Object.keys(annotations).length : 0) === 0) return;
    ctx.report({ message: internal('template must be empty for workload reference rollout'), at: ['spec', 'template'], part: 'key' });
  },
};
