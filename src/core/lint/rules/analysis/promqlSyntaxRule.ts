// Beyond Argo: the Prometheus query is only parsed by Prometheus at measurement time; a syntax error
// makes every measurement fail with phase Error. We parse it here, tags replaced by stand-ins.
import { checkPromql } from '../../../promql/promqlCheck';
import type { Rule } from '../../rule';
import { ANALYSIS_KINDS, isRecord, metricsOf, specOf, spanInValue } from './analysisShape';

export const promqlSyntaxRule = {
  id: 'promql-syntax',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'Prometheus queries must be valid PromQL',
  description:
    'Argo sends `provider.prometheus.query` to Prometheus as is (after substituting args); a query that does not parse makes every measurement end in phase Error, and the analysis fails once consecutiveErrorLimit is reached, aborting the rollout. The query is parsed with Prometheus\' own grammar; `{{args.x}}` tags are read as whatever fits where they stand (a label value, a duration, a number or a name).',
  source: 'beyond Argo',
  check(ctx) {
    for (const { index, metric } of metricsOf(specOf(ctx.value))) {
      const provider = metric.provider;
      if (!isRecord(provider) || !isRecord(provider.prometheus)) continue;
      const query = provider.prometheus.query;
      if (typeof query !== 'string') continue;
      const problem = checkPromql(query);
      if (!problem) continue;
      const at = ['spec', 'metrics', index, 'provider', 'prometheus', 'query'];
      ctx.report({
        message: `${problem.message} — every measurement of this metric would end in phase Error`,
        at,
        span: spanInValue(ctx, at, problem.start, problem.end),
      });
    }
  },
} as const satisfies Rule;
