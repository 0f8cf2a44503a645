// §2.2 Analysis templates: what the controller checks when it builds runs from a Rollout's (or an
// Experiment's) templates, before the Rollout may progress.
import { invalid, type Rule, type RuleContext } from '../../rule';
import type { Path } from '../../yamlPath';
import { experimentAnalysisGroups, resolveTemplates, rolloutAnalysisGroups, type AnalysisGroup, type ResolvedTemplate } from './analysisRefs';
import { argsOf, backgroundArgErrors, flattenTemplates, inlineTemplateErrors, stepMergeError, unresolvedArgs } from './analysisMerge';
import { addArgsFix } from './argFix';
import { dig, goList, list, rec, strategyOf } from './refHelpers';

function refAt(g: AnalysisGroup, t: ResolvedTemplate): Path {
  const ref = g.refs.find((r) => r.name === t.name && r.cluster === (t.kind === 'ClusterAnalysisTemplate'));
  return ref?.at ?? g.at;
}

function checkGroup(ctx: RuleContext, g: AnalysisGroup): void {
  const res = resolveTemplates(ctx.index, g.refs, ctx.doc.namespace);
  // A missing template stops the controller before these checks (reported by reference-not-found).
  if (res.missing.length > 0 || res.templates.length === 0) return;
  const names = `templateNames: ${goList(res.templates.map((t) => t.name))}`;
  const report = (detail: string, fixArgs?: string[]): void => {
    const fix = fixArgs ? addArgsFix(ctx.doc, g.path, fixArgs) : undefined;
    ctx.report({
      message: g.type === 'experiment' ? detail : invalid(names, detail),
      at: g.at,
      argoPath: g.argoPath,
      ...(fix ? { fix } : {}),
    });
  };
  const flat = flattenTemplates(res.templates);
  if (flat.error !== undefined) return report(flat.error);
  const missing = unresolvedArgs(flat.args, argsOf(g.args));
  if (missing.length > 0) {
    for (const a of missing) report(`args.${a} was not resolved — a template declares the argument ${a} without a value, and this analysis passes none (add it under args)`, [a]);
    return;
  }
  if (g.type === 'experiment') return;
  // Argo repeats the merge with the dryRun / measurementRetention of every analysis step.
  for (const step of list(dig(strategyOf(ctx.value).canary, 'steps'))) {
    const a = rec(dig(step, 'analysis'));
    if (!a) continue;
    const e = stepMergeError(flat, a.dryRun, a.measurementRetention);
    if (e !== undefined) return report(e);
  }
  for (const t of res.templates) {
    if (g.type === 'background') {
      for (const e of backgroundArgErrors(t, g.args)) {
        const fix = addArgsFix(ctx.doc, g.path, [e.arg]);
        ctx.report({ message: invalid(t.name, e.detail), at: refAt(g, t), argoPath: g.argoPath, ...(fix ? { fix } : {}) });
      }
    } else {
      for (const e of inlineTemplateErrors(t)) ctx.report({ message: invalid(t.name, e), at: refAt(g, t), argoPath: g.argoPath });
    }
  }
}

export const analysisTemplatesRule = {
  id: 'analysis-templates-merge',
  severity: 'error',
  kinds: ['Rollout', 'Experiment'],
  usesIndex: true,
  title: 'The analysis templates a Rollout or Experiment uses must merge into a valid AnalysisRun',
  description:
    "For each background, step, pre- and post-promotion analysis the controller merges the referenced templates (and the templates they include) with the Rollout's args, as if creating the run: metric names must be unique, args must agree and every arg without a value must be passed (`args.x was not resolved`). Step and blue-green templates must also resolve every {{args.x}} tag and every metric must end (interval without count runs forever, so the step would never finish). Any failure makes the Rollout InvalidSpec; Experiments fail their analysis. `kubectl argo rollouts lint` does not read templates.",
  source: '§2.2 Analysis templates',
  check(ctx) {
    const groups = ctx.doc.kind === 'Rollout' ? rolloutAnalysisGroups(ctx.value) : [];
    for (const g of [...groups, ...experimentAnalysisGroups(ctx.value, ctx.doc.kind ?? '')]) checkGroup(ctx, g);
  },
} as const satisfies Rule;
