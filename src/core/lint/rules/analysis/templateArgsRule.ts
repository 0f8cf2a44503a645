// §5.1 Argument tags: Argo substitutes `{{args.x}}` into the metric (serialized as JSON) before
// every run; a tag it cannot resolve fails the run with `Unable to resolve metric arguments`.
import { findTemplateTags } from '../../../expr/templateTags';
import type { Rule } from '../../rule';
import { ANALYSIS_KINDS, argNames, arrayAt, collectStrings, isRecord, specOf, spanInValue } from './analysisShape';

export const templateArgsRule = {
  id: 'analysis-template-args',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'Argument tags must name a declared arg; an arg has either value or valueFrom',
  description:
    'Before measuring, Argo replaces every `{{ ... }}` tag in a metric; only `args.<name>` tags of args declared in `spec.args` resolve. Any other tag (a typo, an undeclared arg, `{{metadata.name}}`) puts the AnalysisRun in phase Error with "Unable to resolve metric arguments: failed to resolve {{…}}", aborting the rollout. Declare the arg (its value can come from the Rollout), and give each arg either `value` or `valueFrom`, not both.',
  source: '§5.1',
  check(ctx) {
    const spec = specOf(ctx.value);
    if (!spec) return;
    arrayAt(spec, 'args')?.forEach((a, i) => {
      if (isRecord(a) && a.value !== undefined && a.value !== null && a.valueFrom !== undefined && a.valueFrom !== null) {
        ctx.report({
          message: `arg '${String(a.name)}' has both Value and ValueFrom fields — Argo refuses the template`,
          at: ['spec', 'args', i, 'valueFrom'],
          argoPath: `spec.args[${i}]`,
          part: 'key',
        });
      }
    });
    const declared = argNames(spec);
    const strings: { path: readonly (string | number)[]; value: string }[] = [];
    collectStrings(spec.metrics, ['spec', 'metrics'], strings);
    for (const s of strings) {
      if (!s.value.includes('{{')) continue;
      for (const tag of findTemplateTags(s.value)) {
        if (tag.name.startsWith('args.') && declared.has(tag.name.slice(5))) continue;
        const undeclared = tag.name.startsWith('args.') ? ` — arg '${tag.name.slice(5)}' is not declared in spec.args` : ' — only {{args.<name>}} tags exist in analysis templates';
        ctx.report({
          message: `failed to resolve {{${tag.raw}}}${undeclared}; the AnalysisRun would go to phase Error and abort the rollout`,
          at: s.path,
          span: spanInValue(ctx, s.path, tag.start, tag.end),
        });
      }
    }
  },
} as const satisfies Rule;
