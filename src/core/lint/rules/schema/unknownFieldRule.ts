// unknown-field: keys the kind's schema does not have. Argo's lint decodes Rollouts strictly and
// stops at the first unknown field; the API server drops (or, with strict field validation, rejects)
// unknown fields of every kind, so a misspelt field silently does nothing.
import type { Rule, RuleContext } from '../../rule';
import { schemaIssues, type UnknownKey } from '../../schema/schemaIssues';
import { formatPath } from '../../yamlPath';
import { closestNames, didYouMean } from './didYouMean';
import { locateKey, renameKeyFix } from './keyRename';

export const unknownFieldRule = {
  id: 'unknown-field',
  severity: 'error',
  kinds: ['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun', 'Experiment'],
  title: 'Field not in the schema of its kind',
  description:
    'Argo Rollouts lint decodes a Rollout strictly and fails on the first field the Rollout type does not have; the API server prunes unknown fields of every Argo kind (or rejects them with strict field validation), so a misspelt field is silently ignored. Fix the spelling (the quick fix renames the key when one known field is close) or remove the key.',
  source: '§3 step 3 (lint strict decode); CRD schema',
  check(ctx) {
    const rollout = ctx.doc.kind === 'Rollout';
    for (const issue of schemaIssues(ctx.value, ctx.doc.kind)) {
      if (issue.type === 'unknown-key') reportUnknown(ctx, issue, rollout);
    }
  },
} as const satisfies Rule;

function reportUnknown(ctx: RuleContext, issue: UnknownKey, rollout: boolean): void {
  const candidates = closestNames(issue.key, issue.known(), (c) => Object.prototype.hasOwnProperty.call(issue.siblings, c));
  const path = formatPath(issue.path);
  const head = rollout ? `error unmarshaling JSON: while decoding JSON: json: unknown field "${issue.key}"` : `unknown field "${path}"`;
  const at = locateKey(ctx.doc, issue.path.slice(0, -1), issue.key);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  ctx.report({
    message: head + didYouMean(candidates),
    at: issue.path,
    argoPath: path,
    part: 'key',
    ...(at ? { span: at.span } : {}),
    ...(at && only !== undefined ? { fix: renameKeyFix(at, only) } : {}),
  });
}
