import * as assert from 'node:assert/strict';
import { templateMetrics } from '../../../../src/core/preview/templateMetrics';
import { TEMPLATES } from './previewFixtures';

describe('templateMetrics', () => {
  const metrics = templateMetrics(TEMPLATES);

  it('lists every metric of the templates in a multi-document file and nothing of other kinds', () => {
    assert.deepEqual(metrics.map((m) => `${m.templateKind}/${m.templateName}/${m.metricName}`), ['AnalysisTemplate/success-rate/success-rate', 'AnalysisTemplate/success-rate/web-check']);
  });

  it('places the lens on the metric name and the hover on the query, in file offsets', () => {
    const m = metrics[0]!;
    assert.equal(TEMPLATES.slice(m.nameSpan.start, m.nameSpan.end), 'name');
    assert.match(TEMPLATES.slice(m.nameSpan.start), /^name: success-rate/);
    assert.ok(m.querySpan);
    assert.match(TEMPLATES.slice(m.querySpan.start, m.querySpan.end), /^\|\n\s+sum\(rate/);
  });

  it('keeps the address and the query as written, placeholders included', () => {
    assert.equal(metrics[0]!.address, 'http://prometheus.monitoring:9090');
    assert.match(metrics[0]!.query, /\{\{args\.service-name\}\}/);
  });

  it('has no query for a metric of another provider', () => {
    assert.equal(metrics[1]!.query, '');
    assert.equal(metrics[1]!.querySpan, undefined);
  });

  it('skips a document that does not parse and keeps the others', () => {
    const broken = `kind: AnalysisTemplate\nspec: [unclosed\n---\n${TEMPLATES.split('---\n')[1]!}`;
    assert.deepEqual(templateMetrics(broken).map((m) => m.metricName), ['success-rate', 'web-check']);
  });
});
