import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { promMetric, template } from './analysisFixtures';

const RULE = 'analysis-metrics';
const TAIL = ' — an AnalysisRun with this spec goes to phase Error ("Analysis spec invalid") and aborts its rollout';

function one(text: string): { message: string; path: string; at: string } {
  const fs = findings(text, RULE);
  assert.equal(fs.length, 1, JSON.stringify(fs));
  return { message: fs[0]!.message, path: fs[0]!.path, at: underlined(text, fs[0]!) };
}

describe('the analysis-metrics rule', () => {
  it('accepts a well-formed template', () => {
    const text = template('  metrics:', ...promMetric('success-rate', 'up', '    interval: 5m', '    count: 3', '    failureLimit: 1', '    successCondition: result[0] >= 0.95'));
    assert.deepEqual(findings(text, RULE), []);
  });

  it('reports an empty metrics list at metrics', () => {
    const text = template('  metrics: []');
    assert.deepEqual(one(text), { message: `no metrics specified${TAIL}`, path: 'spec.metrics', at: '[]' });
  });

  it('does not require metrics when the template includes other templates', () => {
    assert.deepEqual(findings(template('  templates:', '  - templateName: base'), RULE), []);
  });

  it('reports a duplicate metric name at the second name', () => {
    const text = template('  metrics:', ...promMetric('x', 'up'), ...promMetric('x', 'up'));
    assert.deepEqual(one(text), { message: `metrics[1]: duplicate name 'x'${TAIL}`, path: 'spec.metrics[1].name', at: 'x' });
  });

  it('reports a count below failureLimit + consecutiveSuccessLimit at count', () => {
    const text = template('  metrics:', ...promMetric('m', 'up', '    interval: 1m', '    count: 2', '    failureLimit: 3'));
    assert.deepEqual(one(text), {
      message: `metrics[0]: count (2) must be >= failureLimit + consecutiveSuccessLimit (3 + 0) if both >= 0${TAIL}`,
      path: 'spec.metrics[0].count',
      at: '2',
    });
  });

  it('resolves {{args}} in limits from the template defaults, and skips unresolvable ones', () => {
    const resolvable = template('  args:', '  - name: limit', '    value: "5"', '  metrics:', ...promMetric('m', 'up', '    interval: 1m', '    count: 2', '    failureLimit: "{{args.limit}}"'));
    assert.equal(one(resolvable).message, `metrics[0]: count (2) must be >= failureLimit + consecutiveSuccessLimit (5 + 0) if both >= 0${TAIL}`);
    const open = template('  args:', '  - name: limit', '  metrics:', ...promMetric('m', 'up', '    interval: 1m', '    count: 2', '    failureLimit: "{{args.limit}}"'));
    assert.deepEqual(findings(open, RULE), []);
  });

  it('reports limits out of range at the limit', () => {
    const text = template('  metrics:', ...promMetric('m', 'up', '    failureLimit: -2'));
    assert.deepEqual(one(text), { message: `metrics[0]: failureLimit must be >= 0, or -1 to be disabled${TAIL}`, path: 'spec.metrics[0].failureLimit', at: '-2' });
    const both = template('  metrics:', ...promMetric('m', 'up', '    failureLimit: -1'));
    assert.equal(one(both).message, `metrics[0]: failureLimit and consecutiveSuccessLimit cannot both be disabled${TAIL}`);
    const inc = template('  metrics:', ...promMetric('m', 'up', '    inconclusiveLimit: -1'));
    assert.deepEqual(one(inc).path, 'spec.metrics[0].inconclusiveLimit');
    const cel = template('  metrics:', ...promMetric('m', 'up', '    consecutiveErrorLimit: -1'));
    assert.equal(one(cel).message, `metrics[0]: consecutiveErrorLimit must be >= 0${TAIL}`);
    const csl = template('  metrics:', ...promMetric('m', 'up', '    consecutiveSuccessLimit: -1'));
    assert.equal(one(csl).message, `metrics[0]: consecutiveSuccessLimit must be >= 0${TAIL}`);
  });

  it('reports a missing interval when count > 1 at count', () => {
    const text = template('  metrics:', ...promMetric('m', 'up', '    count: 3'));
    assert.deepEqual(one(text), { message: `metrics[0]: interval must be specified when count > 1${TAIL}`, path: 'spec.metrics[0].interval', at: '3' });
  });

  it("reports intervals and initial delays that are not Go durations with Go's error", () => {
    const text = template('  metrics:', ...promMetric('m', 'up', '    interval: 1d'));
    assert.deepEqual(one(text), { message: `metrics[0]: invalid interval string: time: unknown unit "d" in duration "1d"${TAIL}`, path: 'spec.metrics[0].interval', at: '1d' });
    const delay = template('  metrics:', ...promMetric('m', 'up', '    initialDelay: soon'));
    assert.deepEqual(one(delay), { message: `metrics[0]: invalid startDelay string: time: invalid duration "soon"${TAIL}`, path: 'spec.metrics[0].initialDelay', at: 'soon' });
  });

  it('reports a metric without provider and one with two providers', () => {
    const none = template('  metrics:', '  - name: m', '    successCondition: "true"');
    assert.deepEqual(one(none), { message: `metrics[0]: no provider specified${TAIL}`, path: 'spec.metrics[0].provider', at: 'name' });
    const two = template('  metrics:', '  - name: m', '    provider:', '      web:', '        url: http://x', '      job: {}');
    assert.deepEqual(one(two), { message: `metrics[0]: multiple providers specified${TAIL}`, path: 'spec.metrics[0].provider', at: 'provider' });
  });

  it('survives metrics of the wrong shape', () => {
    assert.deepEqual(findings(template('  metrics: nope'), RULE).length, 0);
    assert.doesNotThrow(() => findings(template('  metrics:', '  - 3', '  - name: [1]', '    count: {a: 1}'), RULE));
  });
});
