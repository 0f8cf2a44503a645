// Beyond Argo: an arg the Rollout passes that none of the templates declares is silently ignored.
import type { Rule } from '../../rule';
import { experimentAnalysisGroups, resolveTemplates, rolloutAnalysisGroups } from './analysisRefs';
import { argsOf, flattenTemplates } from './analysisMerge';
import { editDistance, goList, isRecord, list } from './refHelpers';

export const analysisArgNotDeclaredRule = {
  id: 'analysis-arg-not-declared',
  severity: 'warning',
  kinds: ['Rollout', 'Experiment'],
  usesIndex: true,
  title: 'An analysis arg the Rollout passes is not declared by any of its templates',
  description:
    "When Argo builds an AnalysisRun it only keeps the args the templates declare; an extra arg passed by the Rollout or Experiment is dropped without a word, so a typo in its name leaves the template's own default (or an unresolved arg) in place. Rename the arg to one the template declares, or remove it. Only checked when all templates are in the workspace.",
  source: 'beyond Argo',
  check(ctx) {
    const groups = [...(ctx.doc.kind === 'Rollout' ? rolloutAnalysisGroups(ctx.value) : []), ...experimentAnalysisGroups(ctx.value, ctx.doc.kind ?? '')];
    for (const g of groups) {
      const res = resolveTemplates(ctx.index, g.refs, ctx.doc.namespace);
      if (res.missing.length > 0 || res.templates.length === 0) continue;
      const flat = flattenTemplates(res.templates);
      if (flat.error !== undefined) continue;
      const declared = flat.args.map((a) => a.name);
      const declaredSet = new Set(declared);
      list(g.args).forEach((raw, i) => {
        if (!isRecord(raw)) return;
        const [arg] = argsOf([raw]);
        if (!arg || declaredSet.has(arg.name)) return;
        let best: string | undefined;
        let bestD = Infinity;
        for (const d of declared) {
          const dist = editDistance(arg.name, d);
          if (dist < bestD) [best, bestD] = [d, dist];
        }
        const hint = best !== undefined && bestD <= Math.max(2, Math.floor(arg.name.length / 4)) ? ` — did you mean '${best}'?` : '';
        ctx.report({
          message: `Argument '${arg.name}' is not declared by templates ${goList(res.templates.map((t) => t.name))}; Argo ignores it${hint}`,
          at: [...g.path, 'args', i, 'name'],
        });
      });
    }
  },
} as const satisfies Rule;
