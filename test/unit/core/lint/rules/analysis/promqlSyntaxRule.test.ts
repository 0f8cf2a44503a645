import { strict as assert } from 'node:assert';
import { findings, underlined, yaml } from '../../../../support/lintHelpers';

const RULE = 'promql-syntax';
const TAIL = ' — every measurement of this metric would end in phase Error';

/** A template whose query is given as raw YAML lines (the first line follows `query:`). */
function withQuery(first: string, ...rest: string[]): string {
  return yaml(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: AnalysisTemplate',
    'metadata:',
    '  name: success-rate',
    'spec:',
    '  args:',
    '  - name: service-name',
    '  - name: window',
    '    value: 5m',
    '  metrics:',
    '  - name: success-rate',
    '    successCondition: result[0] >= 0.95',
    '    provider:',
    '      prometheus:',
    '        address: http://prometheus:9090',
    `        query: ${first}`,
    ...rest,
  );
}

describe('the promql-syntax rule', () => {
  it('accepts an NGINX success-rate query written as a block scalar with {{args}}', () => {
    const text = withQuery(
      '|',
      '          sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}",status!~"5.*"}[{{args.window}}]))',
      '          /',
      '          sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}"}[{{args.window}}]))',
    );
    assert.deepEqual(findings(text, RULE), []);
  });

  it('underlines the unclosed parenthesis inside a literal block scalar', () => {
    const text = withQuery('|', '          sum(rate(nginx_ingress_controller_requests{exported_service="{{args.service-name}}"}[{{args.window}}]))', '          /', '          sum(rate(x[5m])');
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, `3:16: parse error: unclosed left parenthesis${TAIL}`);
    assert.equal(f!.path, 'spec.metrics[0].provider.prometheus.query');
    assert.equal(underlined(text, f!), '(');
    assert.equal(text.slice(f!.span.start - 3, f!.span.end), 'sum(');
  });

  it('maps errors through folded block scalars', () => {
    const text = withQuery('>-', '          histogram_quantile(0.95,', '          sum(rate(x_bucket[5m])) by le)');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, `1:53: parse error: unexpected identifier "le"${TAIL}`);
    assert.equal(underlined(text, f!), 'le');
  });

  it('maps errors through double-quoted scalars with escapes', () => {
    const text = withQuery('"sum(rate(x{a=\\"b\\"}[5m])) +* 2"');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, `1:26: parse error: unexpected "*"${TAIL}`);
    assert.equal(underlined(text, f!), '*');
  });

  it('maps errors through multi-line plain scalars', () => {
    const text = withQuery('sum(rate(x[5m]))', '          by le');
    const [f] = findings(text, RULE);
    assert.equal(underlined(text, f!), 'le');
  });

  it('does not flag placeholders in label values, ranges or numbers', () => {
    const text = withQuery('\'histogram_quantile(0.99, sum(rate(h_bucket{svc="{{args.service-name}}"}[{{args.window}}])) by (le)) > {{args.window}}\'');
    assert.deepEqual(findings(text, RULE), []);
  });
});
