// Beyond Argo: successCondition / failureCondition are expr-lang expressions compiled at measurement
// time; a syntax error or unknown function makes every measurement end in phase Error.
import { checkConditionTemplate, type ConditionEdit, type ConditionEnv, CONDITION_ENV, EXPR_BUILTINS, operatorRepair } from '../../../expr/conditionCheck';
import type { Rule, RuleContext } from '../../rule';
import type { Fix, TextEdit } from '../../types';
import type { Path } from '../../yamlPath';
import { ANALYSIS_KINDS, exactSpanInValue, isRecord, metricsOf, specOf, spanInValue } from './analysisShape';

/** rangeQuery start/end are evaluated with only isNaN/isInf and the expr built-ins (§4.2). */
const RANGE_ENV: ConditionEnv = { variables: [], functions: ['isNaN', 'isInf', ...EXPR_BUILTINS] };

export const conditionSyntaxRule = {
  id: 'condition-syntax',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'Success and failure conditions must be valid expr expressions',
  description:
    'Argo evaluates `successCondition` and `failureCondition` with the expr language, where `result` is the measurement and asInt, asFloat, isNaN, isInf, isNil, default and the expr built-ins are the functions. A condition that does not compile, or calls an unknown function, makes every measurement end in phase Error ("could not evaluate successCondition …"), failing the analysis. Unknown names other than `result` are reported as warnings. Quick fixes turn `=>` into `>=`, `=<` into `<=` and a lone `=` into `==` when the condition then compiles, and rename an unknown function or name to the close known one.',
  source: 'beyond Argo',
  check(ctx) {
    for (const { index, metric } of metricsOf(specOf(ctx.value))) {
      for (const field of ['successCondition', 'failureCondition'] as const) {
        const text = metric[field];
        if (typeof text === 'string' && text.trim() !== '') check(ctx, ['spec', 'metrics', index, field], text, CONDITION_ENV, field);
      }
      const provider = metric.provider;
      const range = isRecord(provider) && isRecord(provider.prometheus) && isRecord(provider.prometheus.rangeQuery) ? provider.prometheus.rangeQuery : undefined;
      for (const field of ['start', 'end'] as const) {
        const text = range?.[field];
        if (typeof text === 'string' && text.trim() !== '') {
          check(ctx, ['spec', 'metrics', index, 'provider', 'prometheus', 'rangeQuery', field], text, RANGE_ENV, `rangeQuery.${field}`);
        }
      }
    }
  },
} as const satisfies Rule;

function check(ctx: RuleContext, at: Path, text: string, env: ConditionEnv, what: string): void {
  for (const p of checkConditionTemplate(text, env)) {
    const consequence = p.severity === 'error' ? ` — ${what} cannot be compiled; every measurement would end in phase Error` : '';
    const repair =
      p.kind === 'syntax'
        ? operatorRepair(text, env)
        : p.suggestion !== undefined
          ? { title: `Change to '${p.suggestion}'`, edits: [{ start: p.start, end: p.end, newText: p.suggestion }] }
          : undefined;
    const fix = repair ? fixInDocument(ctx, at, repair.title, repair.edits) : undefined;
    ctx.report({ message: `${p.message}${consequence}`, at, severity: p.severity, span: spanInValue(ctx, at, p.start, p.end), ...(fix ? { fix } : {}) });
  }
}

/** The condition's edits placed in the document; none when the value's source cannot be mapped exactly. */
function fixInDocument(ctx: RuleContext, at: Path, title: string, edits: readonly ConditionEdit[]): Fix | undefined {
  const placed: TextEdit[] = [];
  for (const e of edits) {
    const span = exactSpanInValue(ctx, at, e.start, e.end);
    if (!span) return undefined;
    placed.push({ ...span, newText: e.newText });
  }
  return { title, edits: placed };
}
