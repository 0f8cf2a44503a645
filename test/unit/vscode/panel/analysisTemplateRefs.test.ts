import { strict as assert } from 'node:assert';
import { analysisTemplateRefs, metricIndex, metricOfKey } from '../../../../src/vscode/panel/analysisTemplateRefs';

describe('the AnalysisTemplates a Rollout names (for "open template")', () => {
  it('lists background, step and experiment templates of a canary once each, in spec order, with their scope', () => {
    const rollout = {
      spec: {
        strategy: {
          canary: {
            analysis: { templates: [{ templateName: 'success-rate' }] },
            steps: [
              { setWeight: 10 },
              { analysis: { templates: [{ templateName: 'latency' }, { templateName: 'success-rate' }] } },
              { experiment: { analyses: [{ name: 'a', templateName: 'global-check', clusterScope: true }] } },
            ],
          },
        },
      },
    };
    assert.deepEqual(analysisTemplateRefs(rollout), [
      { name: 'success-rate', clusterScope: false },
      { name: 'latency', clusterScope: false },
      { name: 'global-check', clusterScope: true },
    ]);
  });

  it('lists blue-green pre- and post-promotion templates, and nothing for a malformed object', () => {
    const rollout = { spec: { strategy: { blueGreen: { prePromotionAnalysis: { templates: [{ templateName: 'smoke' }] }, postPromotionAnalysis: { templates: [{ templateName: 5 }] } } } } };
    assert.deepEqual(analysisTemplateRefs(rollout), [{ name: 'smoke', clusterScope: false }]);
    assert.deepEqual(analysisTemplateRefs('not a rollout'), []);
  });

  it('splits a metric key at the first slash and finds the metric in a template', () => {
    assert.equal(metricOfKey('gitops-hugo-6f9-2-1/success/rate'), 'success/rate');
    assert.equal(metricIndex({ spec: { metrics: [{ name: 'a' }, { name: 'success/rate' }] } }, 'success/rate'), 1);
    assert.equal(metricIndex({ spec: {} }, 'a'), -1);
  });
});
