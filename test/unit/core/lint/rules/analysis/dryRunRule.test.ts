import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { promMetric, template } from './analysisFixtures';

const RULE = 'analysis-dry-run';
const TAIL = ' — an AnalysisRun with this spec goes to phase Error ("Analysis spec invalid") and aborts its rollout';

describe('the analysis-dry-run rule', () => {
  it('accepts unanchored patterns that match a metric', () => {
    const text = template('  dryRun:', '  - metricName: rate', '  - metricName: .*', '  measurementRetention:', '  - metricName: success', '    limit: 5', '  metrics:', ...promMetric('success-rate', 'up'));
    assert.deepEqual(findings(text, RULE), []);
  });

  it('reports a dryRun rule that matches no metric at its metricName', () => {
    const text = template('  dryRun:', '  - metricName: error-rate', '  metrics:', ...promMetric('success-rate', 'up'));
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, `dryRun[0]: Rule didn't match any metric name(s)${TAIL}`);
    assert.equal(f!.path, 'spec.dryRun[0].metricName');
    assert.equal(underlined(text, f!), 'error-rate');
  });

  it('treats an invalid pattern such as * as matching nothing', () => {
    const text = template('  measurementRetention:', "  - metricName: '*'", '    limit: 2', '  metrics:', ...promMetric('success-rate', 'up'));
    const [f] = findings(text, RULE);
    assert.equal(f!.message, `measurementRetention[0]: Rule didn't match any metric name(s)${TAIL}`);
    assert.equal(underlined(text, f!), "'*'");
  });

  it('reports a repeated metricName', () => {
    const text = template('  dryRun:', '  - metricName: success', '  - metricName: success', '  metrics:', ...promMetric('success-rate', 'up'));
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, "two Dry-Run metric rules have the same name 'success' — the AnalysisRun cannot be created from this template");
    assert.equal(f!.path, 'spec.dryRun[1].metricName');
  });
});
