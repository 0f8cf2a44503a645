// §5.1 Args declared in a template but referenced by no `{{args.x}}` tag: usually a typo on one side.
import { findTemplateTags } from '../../../expr/templateTags';
import type { Rule } from '../../rule';
import { ANALYSIS_KINDS, arrayAt, collectStrings, isRecord, specOf } from './analysisShape';

export const unusedArgRule = {
  id: 'analysis-unused-arg',
  severity: 'info',
  kinds: ANALYSIS_KINDS,
  title: 'Declared args should be used by a metric',
  description:
    'An arg in `spec.args` that no `{{args.<name>}}` tag in the metrics refers to has no effect. It is often a spelling difference between the declaration and the tag (which Argo would then fail to resolve). Remove the arg or use it.',
  source: '§5.1',
  check(ctx) {
    const spec = specOf(ctx.value);
    const args = arrayAt(spec, 'args');
    if (!spec || !args || args.length === 0) return;
    // Included templates (`spec.templates`) may use the args.
    if ((arrayAt(spec, 'templates')?.length ?? 0) > 0) return;
    const used = new Set<string>();
    const strings: { path: readonly (string | number)[]; value: string }[] = [];
    collectStrings(spec.metrics, ['spec', 'metrics'], strings);
    for (const s of strings) {
      if (!s.value.includes('{{')) continue;
      for (const tag of findTemplateTags(s.value)) if (tag.name.startsWith('args.')) used.add(tag.name.slice(5));
    }
    args.forEach((a, i) => {
      if (!isRecord(a) || typeof a.name !== 'string' || used.has(a.name)) return;
      ctx.report({ message: `arg '${a.name}' is declared but no metric uses {{args.${a.name}}}`, at: ['spec', 'args', i, 'name'] });
    });
  },
} as const satisfies Rule;
