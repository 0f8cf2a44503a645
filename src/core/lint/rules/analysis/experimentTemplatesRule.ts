// §4.3 Experiment checks (utils/conditions/experiments.go): run at reconcile time; a failure sets
// condition InvalidSpec and the experiment fails.
import type { Rule, RuleContext } from '../../rule';
import { arrayAt, isRecord, specOf } from './analysisShape';

const INVALID = 'the Experiment gets condition InvalidSpec and fails';
const DEFAULT_PROGRESS_DEADLINE = 600;

export const experimentTemplatesRule = {
  id: 'experiment-templates',
  severity: 'error',
  kinds: ['Experiment'],
  title: 'Experiment templates need a non-empty selector, a unique name and minReadySeconds within the deadline',
  description:
    'The experiment controller checks every `spec.templates[i]`: it must have a `selector` that selects something, a non-empty `name` unique among the templates, and `minReadySeconds` no longer than `progressDeadlineSeconds` (default 600). Otherwise the Experiment gets condition InvalidSpec and fails (and so does a Rollout experiment step creating it). Fix the template named in the message.',
  source: '§4.3',
  check(ctx) {
    const spec = specOf(ctx.value);
    const templates = arrayAt(spec, 'templates');
    if (!spec || !templates) return;
    const exp = ctx.doc.name ?? '';
    const deadline = typeof spec.progressDeadlineSeconds === 'number' ? spec.progressDeadlineSeconds : DEFAULT_PROGRESS_DEADLINE;
    const seen = new Set<string>();
    templates.forEach((t, i) => {
      if (!isRecord(t)) return;
      checkTemplate(ctx, t, i, deadline);
      const name = typeof t.name === 'string' ? t.name : '';
      const at = ['spec', 'templates', i, 'name'];
      const argoPath = `spec.templates[${i}].name`;
      if (name === '') ctx.report({ message: `Experiment ${exp} has empty template name at index ${i} — ${INVALID}`, at, argoPath });
      else if (seen.has(name)) ctx.report({ message: `Experiment ${exp} has repeated template name '${name}' in templates — ${INVALID}`, at, argoPath });
      seen.add(name);
    });
  },
} as const satisfies Rule;

function checkTemplate(ctx: RuleContext, t: Record<string, unknown>, i: number, deadline: number): void {
  const base = ['spec', 'templates', i];
  const selector = t.selector;
  if (selector === undefined || selector === null) {
    ctx.report({ message: `Rollout has missing field '.Spec.Templates[${i}].Selector' — ${INVALID}`, at: [...base, 'selector'], argoPath: `spec.templates[${i}].selector` });
  } else if (isRecord(selector) && size(selector.matchLabels) === 0 && size(selector.matchExpressions) === 0) {
    ctx.report({
      message: `This experiment is selecting all pods at index ${i}. A non-empty selector is required. — ${INVALID}`,
      at: [...base, 'selector'],
      argoPath: `spec.templates[${i}].selector`,
      part: 'key',
    });
  }
  if (typeof t.minReadySeconds === 'number' && t.minReadySeconds > deadline) {
    ctx.report({
      message: `MinReadySeconds cannot be longer than ProgressDeadlineSeconds. Check template index ${i} — ${INVALID}`,
      at: [...base, 'minReadySeconds'],
      argoPath: `spec.templates[${i}].minReadySeconds`,
    });
  }
}

function size(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (isRecord(v)) return Object.keys(v).length;
  return 0;
}
