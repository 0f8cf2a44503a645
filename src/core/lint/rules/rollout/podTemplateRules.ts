// The notable subset of the upstream ReplicaSet pod-template validation Argo runs on spec.template
// (§1.1 T7). Argo skips it with workloadRef, and when the selector cannot be converted (T6).
import type { RuleContext, Rule } from '../../rule';
import { invalid, required } from '../../rule';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './labelValidation';
import { labelMap, selectorIsEmpty, selectorMatches, selectorProblems, sortedMap } from './labelSelector';
import { isSet, list, rec, type Obj } from './rolloutShape';

interface TemplateUnderTest {
  /** The template (an empty map when absent: Go's zero value). */
  readonly template: Obj;
  /** spec.selector, undefined when absent. */
  readonly selector: Obj | undefined;
}

function templateUnderTest(ctx: RuleContext): TemplateUnderTest | undefined {
  const specValue = ctx.value.spec;
  const spec = isSet(specValue) ? rec(specValue) : {};
  if (!spec || isSet(spec.workloadRef)) return undefined;
  const selector = rec(spec.selector);
  if (isSet(spec.selector) && !selector) return undefined;
  if (selector && selectorProblems(selector, [], '').length > 0) return undefined;
  const template = isSet(spec.template) ? rec(spec.template) : {};
  if (!template) return undefined;
  return { template, selector };
}

function podSpec(template: Obj): Obj | undefined {
  return isSet(template.spec) ? rec(template.spec) : {};
}

export const templateLabelsMismatchRule: Rule<'template-labels-mismatch'> = {
  id: 'template-labels-mismatch',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'spec.selector must select the pod template labels',
  description:
    "Argo runs the upstream ReplicaSet template validation: the template's labels must satisfy spec.selector (matchLabels and " +
    'matchExpressions). A missing selector matches nothing, so this is reported together with the missing selector. ' +
    'Make spec.template.metadata.labels contain the selector labels.',
  source: '§1.1 T7',
  check(ctx) {
    const t = templateUnderTest(ctx);
    if (!t || (t.selector && selectorIsEmpty(t.selector))) return;
    const labels = labelMap(rec(t.template.metadata)?.labels);
    if (t.selector && selectorMatches(t.selector, labels ?? {})) return;
    ctx.report({
      message:
        invalid(labels ? sortedMap(labels) : null, '`selector` does not match template `labels`') +
        (t.selector ? '' : ' — there is no spec.selector, which selects nothing'),
      at: ['spec', 'template', 'metadata', 'labels'],
      part: 'key',
    });
  },
};

export const templateLabelsSyntaxRule: Rule<'template-labels-syntax'> = {
  id: 'template-labels-syntax',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Pod template label keys and values must be valid',
  description:
    'The upstream pod-template validation checks template label keys (qualified names) and values (up to 63 alphanumerics, ' +
    '`-`, `_`, `.`). Upstream reports them at `spec.template.labels` (without `metadata`), and so does this rule.',
  source: '§1.1 T7',
  check(ctx) {
    const t = templateUnderTest(ctx);
    const labels = rec(rec(t?.template.metadata)?.labels);
    if (!labels) return;
    for (const [k, v] of Object.entries(labels)) {
      const at = ['spec', 'template', 'metadata', 'labels', k];
      for (const m of isQualifiedName(k)) ctx.report({ message: invalid(k, m), at, part: 'key', argoPath: 'spec.template.labels' });
      if (typeof v === 'string') {
        for (const m of isValidLabelValue(v)) ctx.report({ message: invalid(v, m), at, part: 'value', argoPath: 'spec.template.labels' });
      }
    }
  },
};

export const templateContainersRule: Rule<'template-containers'> = {
  id: 'template-containers',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'The pod template needs containers, each with a unique valid name and an image',
  description:
    'The upstream pod-template validation requires at least one container, and a name (a DNS-1123 label, unique in the pod) ' +
    'and an image for each. Argo surfaces these errors as InvalidSpec.',
  source: '§1.1 T7',
  check(ctx) {
    const t = templateUnderTest(ctx);
    const spec = t && podSpec(t.template);
    if (!spec) return;
    const base = ['spec', 'template', 'spec', 'containers'];
    if (isSet(spec.containers) && !Array.isArray(spec.containers)) return;
    const containers = list(spec.containers);
    if (containers.length === 0) {
      ctx.report({ message: required(''), at: base, part: 'key' });
      return;
    }
    const seen = new Set<string>();
    containers.forEach((item, i) => {
      const c = rec(item);
      if (!c) return;
      const at = [...base, i];
      if (c.name === undefined || c.name === null || c.name === '') {
        ctx.report({ message: required(''), at: [...at, 'name'] });
      } else if (typeof c.name === 'string') {
        for (const m of isDNS1123Label(c.name)) ctx.report({ message: invalid(c.name, m), at: [...at, 'name'] });
        if (seen.has(c.name)) ctx.report({ message: `Duplicate value: ${JSON.stringify(c.name)}`, at: [...at, 'name'] });
        seen.add(c.name);
      }
      if (c.image === undefined || c.image === null || c.image === '') ctx.report({ message: required(''), at: [...at, 'image'] });
    });
  },
};

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

export const templateRestartPolicyRule: Rule<'template-restart-policy'> = {
  id: 'template-restart-policy',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'The pod template restartPolicy must be Always',
  description:
    'Pods of a ReplicaSet must restart forever, so the upstream template validation accepts only `restartPolicy: Always` ' +
    '(the default). Remove restartPolicy or set it to Always.',
  source: '§1.1 T7',
  check(ctx) {
    const t = templateUnderTest(ctx);
    const policy = t && podSpec(t.template)?.restartPolicy;
    if (typeof policy !== 'string' || policy === '' || policy === 'Always') return;
    const at = ['spec', 'template', 'spec', 'restartPolicy'];
    if (!RESTART_POLICIES.includes(policy)) {
      ctx.report({ message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Always", "OnFailure", "Never"`, at });
    }
    ctx.report({ message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Always"`, at });
  },
};

export const templateActiveDeadlineRule: Rule<'template-active-deadline-seconds'> = {
  id: 'template-active-deadline-seconds',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'The pod template must not set activeDeadlineSeconds',
  description:
    'ReplicaSet pods must not have a deadline, so the upstream template validation forbids activeDeadlineSeconds in the ' +
    'template. Remove it.',
  source: '§1.1 T7',
  check(ctx) {
    const t = templateUnderTest(ctx);
    const spec = t && podSpec(t.template);
    if (!spec || !isSet(spec.activeDeadlineSeconds)) return;
    ctx.report({ message: 'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported', at: ['spec', 'template', 'spec', 'activeDeadlineSeconds'], part: 'key' });
  },
};
