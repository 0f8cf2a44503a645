// Analysis arguments taken from the Rollout's own metadata (§1.4 ST17): Argo resolves
// `valueFrom.fieldRef.fieldPath` values starting with `metadata` like the downward API does.
import { invalid, type Rule } from '../../rule';
import type { Path } from '../../yamlPath';
import { isQualifiedName } from './labelValidation';
import { argoStrategyPath, canarySteps, list, rec, rolloutParts, strategyAt, type Obj } from './rolloutShape';

const PLAIN = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid']);

/** Whether Kubernetes' `fieldpath.ExtractFieldPathAsString` accepts the path on a Rollout. */
export function downwardApiPathOk(fieldPath: string): boolean {
  // SplitMaybeSubscriptedPath: `<path>['<subscript>']`.
  if (fieldPath.endsWith("']")) {
    const s = fieldPath.slice(0, -2);
    const at = s.indexOf("['");
    if (at > 0) {
      const path = s.slice(0, at);
      const subscript = s.slice(at + 2);
      if (path === 'metadata.annotations') return isQualifiedName(subscript.toLowerCase()).length === 0;
      if (path === 'metadata.labels') return isQualifiedName(subscript).length === 0;
      return false;
    }
  }
  return PLAIN.has(fieldPath);
}

/** AnalysisRunArgument as Go prints it (field order, omitempty). */
function argJson(a: Obj): unknown {
  const out: Record<string, unknown> = { name: a.name ?? '' };
  if (typeof a.value === 'string' && a.value !== '') out.value = a.value;
  const vf = rec(a.valueFrom);
  if (vf) {
    const v: Record<string, unknown> = {};
    if (vf.podTemplateHashValue !== undefined && vf.podTemplateHashValue !== null) v.podTemplateHashValue = vf.podTemplateHashValue;
    const fr = rec(vf.fieldRef);
    if (fr) v.fieldRef = { fieldPath: fr.fieldPath ?? '' };
    out.valueFrom = v;
  }
  return out;
}

export const analysisArgFieldPathRule: Rule<'analysis-arg-field-path'> = {
  id: 'analysis-arg-field-path',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Step analysis args must use a supported metadata fieldPath',
  description:
    'For analysis and experiment steps, Argo resolves `valueFrom.fieldRef.fieldPath` values that start with `metadata` like ' +
    "the downward API: only metadata.name, .namespace, .uid, .labels, .annotations, metadata.labels['<key>'] and " +
    "metadata.annotations['<key>'] are accepted. Other paths (e.g. a typo such as `metadata.label['app']`) make the Rollout " +
    'InvalidSpec. Background analysis and blueGreen args are not checked by Argo here.',
  source: '§1.4 ST17',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    for (const { step, i } of canarySteps(canary)) {
      // Argo collects the experiment's analyses' args first, then the analysis step's.
      const args: { arg: Obj; at: Path }[] = [];
      const analyses = list(rec(step.experiment)?.analyses);
      for (let a = 0; a < analyses.length; a++) {
        const as = list(rec(analyses[a])?.args);
        for (let k = 0; k < as.length; k++) {
          const arg = rec(as[k]);
          if (arg) args.push({ arg, at: strategyAt('canary', 'steps', i, 'experiment', 'analyses', a, 'args', k) });
        }
      }
      const stepArgs = list(rec(step.analysis)?.args);
      for (let k = 0; k < stepArgs.length; k++) {
        const arg = rec(stepArgs[k]);
        if (arg) args.push({ arg, at: strategyAt('canary', 'steps', i, 'analysis', 'args', k) });
      }
      let value: unknown;
      for (const { arg, at } of args) {
        const fieldPath = rec(rec(arg.valueFrom)?.fieldRef)?.fieldPath;
        if (typeof fieldPath !== 'string' || !fieldPath.startsWith('metadata') || downwardApiPathOk(fieldPath)) continue;
        value ??= args.map((a) => argJson(a.arg));
        ctx.report({
          message: invalid(value, 'Analyses arguments must refer to valid object metadata supported by downwardAPI'),
          at: [...at, 'valueFrom', 'fieldRef', 'fieldPath'],
          argoPath: argoStrategyPath('steps', i, 'analyses'),
        });
      }
    }
  },
};
