// invalid-type: a value of the wrong JSON type where the CRD schema is definite (a string where an
// integer is required, a map where a string is, ...). The API server rejects such objects with the
// message reproduced here; int-or-string fields, nulls and `open` subtrees are never reported.
import { isMap, isScalar, type Node } from 'yaml';
import { invalid, type Rule, type RuleContext } from '../../rule';
import { schemaIssues, type WrongType } from '../../schema/schemaIssues';
import type { Fix } from '../../types';
import { formatPath, nodeAt } from '../../yamlPath';

export const invalidTypeRule = {
  id: 'invalid-type',
  severity: 'error',
  kinds: ['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun', 'Experiment'],
  title: 'Value of the wrong type for its field',
  description:
    "The API server checks every field against the CRD's schema and rejects the whole object when a value has the wrong JSON type, e.g. `replicas: \"3\"` or a label value `on` (a boolean in YAML 1.1). Quote values meant as strings, unquote numbers, and quote `{{args.*}}` placeholders (unquoted they are YAML flow mappings).",
  source: 'CRD schema (API server validation)',
  check(ctx) {
    for (const issue of schemaIssues(ctx.value, ctx.doc.kind)) {
      if (issue.type === 'wrong-type') reportWrongType(ctx, issue);
    }
  },
} as const satisfies Rule;

function reportWrongType(ctx: RuleContext, issue: WrongType): void {
  const path = formatPath(issue.path);
  const message = invalid(issue.actual, `${path} in body must be of type ${issue.expected}: "${issue.actual}"`);
  const hint = explain(ctx, issue);
  ctx.report({ message: message + (hint?.text ?? ''), at: issue.path, argoPath: path, part: 'value', ...(hint?.fix ? { fix: hint.fix } : {}) });
}

/** A plain-English cause for the common YAML slips, with an unambiguous fix when there is one. */
function explain(ctx: RuleContext, issue: WrongType): { text: string; fix?: Fix } | undefined {
  const node = nodeAt(ctx.doc.yaml, issue.path) as Node | null | undefined;
  const range = node?.range;
  if (!node || !range) return undefined;
  const source = ctx.doc.text.slice(range[0], range[1]);
  if (source.includes('\n')) return undefined;
  const span = { start: range[0], end: range[1] };
  const wantsString = issue.expectedScalar === 'string' || issue.expectedScalar === 'int-or-string';
  // `count: {{args.count}}` is a flow mapping holding a flow mapping, not a placeholder.
  if (isMap(node) && node.flow && source.startsWith('{{') && issue.expectedScalar !== undefined) {
    return {
      text: ` — an unquoted {{…}} placeholder is a YAML flow mapping; quote it`,
      ...(wantsString ? { fix: { title: 'Quote the placeholder', edits: [{ ...span, newText: JSON.stringify(source) }] } } : {}),
    };
  }
  if (!isScalar(node)) return undefined;
  if (issue.expectedScalar === 'string' && node.type === 'PLAIN' && (issue.actual === 'boolean' || issue.actual === 'integer' || issue.actual === 'number')) {
    const what = issue.actual === 'boolean' ? 'a boolean' : 'a number';
    return {
      text: ` — YAML reads unquoted ${source} as ${what}; quote it to keep it a string`,
      fix: { title: `Quote ${source}`, edits: [{ ...span, newText: JSON.stringify(source) }] },
    };
  }
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (issue.expectedScalar === 'integer' && quoted && typeof node.value === 'string' && /^-?\d+$/.test(node.value)) {
    return {
      text: ' — remove the quotes',
      fix: { title: `Unquote ${node.value}`, edits: [{ ...span, newText: node.value }] },
    };
  }
  if (issue.expectedScalar === 'boolean' && quoted && typeof node.value === 'string' && /^(true|false)$/.test(node.value)) {
    return {
      text: ' — remove the quotes',
      fix: { title: `Unquote ${node.value}`, edits: [{ ...span, newText: node.value }] },
    };
  }
  return undefined;
}
