// unknown-kind: an argoproj.io document whose kind is a misspelling of one of the Argo Rollouts kinds
// (`kind: Rolout`). Other Argo projects share the API group (Workflows, CD, Events), so only kinds
// close to one of ours are reported.
import type { Rule } from '../../rule';
import { LINTED_KINDS, type Span } from '../../types';
import { closestNames, didYouMean } from './didYouMean';

export const unknownKindRule = {
  id: 'unknown-kind',
  severity: 'warning',
  kinds: [],
  otherKinds: true,
  title: 'Misspelt Argo Rollouts kind',
  description:
    'The API server rejects an object whose kind is not served under its apiVersion (`no matches for kind "Rolout" in version "argoproj.io/v1alpha1"`), and Argo Rollouts lint ignores it, so none of its fields are checked. Fix the kind; the quick fix renames it when one Argo Rollouts kind is close.',
  source: 'beyond Argo',
  check(ctx) {
    const kind = ctx.doc.kind;
    if (kind === undefined) return;
    const candidates = closestNames(kind, LINTED_KINDS);
    if (candidates.length === 0) return;
    const only = candidates.length === 1 ? candidates[0] : undefined;
    const value = valueSpan(ctx.doc.text, ctx.doc.span(['kind'], 'value'));
    ctx.report({
      message: `no matches for kind "${kind}" in version "${ctx.doc.apiVersion ?? ''}"${didYouMean(candidates)}`,
      at: ['kind'],
      part: 'value',
      ...(only !== undefined ? { fix: { title: `Change kind to ${only}`, edits: [{ ...value, newText: only }] } } : {}),
    });
  },
} as const satisfies Rule;

/** The kind's value span without its quotes, so a quoted kind stays quoted after the fix. */
function valueSpan(text: string, span: Span): Span {
  return /^["']/.test(text.slice(span.start, span.end)) ? { start: span.start + 1, end: span.end - 1 } : span;
}
