// Beyond Argo: successCondition / failureCondition are expr-lang expressions compiled at measurement
// time; a syntax error or unknown function makes every measurement end in phase Error.
import { checkConditionTemplate, type ConditionEnv, CONDITION_ENV, EXPR_BUILTINS } from '../../../expr/conditionCheck';
import type { Rule, RuleContext } from '../../rule';
import type { Path } from '../../yamlPath';
import { ANALYSIS_KINDS, isRecord, metricsOf, specOf, spanInValue } from './analysisShape';

/** rangeQuery start/end are evaluated with only isNaN/isInf and the expr built-ins (§4.2). */
const RANGE_ENV: ConditionEnv = { variables: [], functions: ['isNaN', 'isInf', ...EXPR_BUILTINS] };

export const conditionSyntaxRule = {
  id: 'condition-syntax',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'Success and failure conditions must be valid expr expressions',
  description:
    'Argo evaluates `successCondition` and `failureCondition` with the expr language, where `result` is the measurement and asInt, asFloat, isNaN, isInf, isNil, default and the expr built-ins are the functions. A condition that does not compile, or calls an unknown function, makes every measurement end in phase Error ("could not evaluate successCondition …"), failing the analysis. Unknown names other than `result` are reported as warnings.',
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
    ctx.report({ message: `${p.message}${consequence}`, at, severity: p.severity, span: spanInValue(ctx, at, p.start, p.end) });
  }
}
