import { strict as assert } from 'node:assert';
import { checkPromql } from '../../../../src/core/promql/promqlCheck';

function problem(q: string): { message: string; at: string } | undefined {
  const p = checkPromql(q);
  return p && { message: p.message, at: q.slice(p.start, p.end) };
}

const SUCCESS_RATE =
  'sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}",status!~"5.*"}[{{args.window}}])) / ' +
  'sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}"}[{{args.window}}]))';
const LATENCY =
  'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{ingress="{{args.ingress}}"}[5m])) by (le)) > {{args.threshold}}';

describe('checking PromQL queries', () => {
  it('accepts NGINX ingress success-rate and latency queries with {{args}} in label values, ranges and numbers', () => {
    assert.equal(problem(SUCCESS_RATE), undefined);
    assert.equal(problem(LATENCY), undefined);
  });

  it('accepts tags as metric names, grouping labels, offsets, subquery ranges and whole queries', () => {
    for (const q of [
      'sum(rate({{args.metric}}[5m]))',
      '{{args.metric}}_total',
      'sum by ({{args.label}}) (x)',
      'x offset {{args.offset}}',
      'x[{{args.range}}:{{args.step}}]',
      'topk({{args.k}}, x)',
      '{{args.query}}',
      'sum(x) {{args.op}} sum(y)',
    ]) {
      assert.equal(problem(q), undefined, q);
    }
  });

  it('reports an unclosed parenthesis like Prometheus, underlining the open one', () => {
    assert.deepEqual(problem('sum(rate(http_requests_total[5m])'), { message: '1:34: parse error: unclosed left parenthesis', at: '(' });
  });

  it('reports a stray closing parenthesis', () => {
    assert.deepEqual(problem('rate(x[5m]))'), { message: "1:12: parse error: unexpected right parenthesis ')'", at: ')' });
  });

  it('reports a missing operand at the end of the input', () => {
    assert.deepEqual(problem('sum(rate(a[5m])) /'), { message: '1:19: parse error: unexpected end of input', at: '/' });
  });

  it('reports unquoted label values, unknown functions, bad durations and unterminated strings', () => {
    assert.deepEqual(problem('a{b=1}'), { message: '1:5: parse error: unexpected number "1" in label matching, expected string', at: '1' });
    assert.deepEqual(problem('rates(x[5m])'), { message: '1:1: parse error: unknown function with name "rates"', at: 'rates' });
    assert.deepEqual(problem('sum(x) by le'), { message: '1:11: parse error: unexpected identifier "le"', at: 'le' });
    assert.deepEqual(problem('x{a="b}'), { message: '1:5: parse error: unterminated quoted string', at: '"b}' });
  });

  it('maps positions after tags back to the original query and counts lines', () => {
    const q = 'sum(rate(x{svc="{{args.service-name}}"}[5m]))\n/\nsum(rate(y[5m])';
    assert.deepEqual(problem(q), { message: '3:16: parse error: unclosed left parenthesis', at: '(' });
    const r = problem('x{svc="{{args.s}}"} +* y');
    assert.deepEqual(r, { message: '1:22: parse error: unexpected "*"', at: '*' });
  });
});
