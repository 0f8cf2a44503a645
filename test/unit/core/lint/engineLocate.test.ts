import { strict as assert } from 'node:assert';
import { createWorkspace } from '../../../../src/core/lint/lint';

describe('locating an object of the lint workspace (the rollout panel\'s "open template")', () => {
  it('gives the file and the offset of a metric in the template document that defines it, in a multi-document file', () => {
    const ws = createWorkspace();
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: svc}',
      '---',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: AnalysisTemplate',
      'metadata:',
      '  name: success-rate',
      '  namespace: payments',
      'spec:',
      '  metrics:',
      '  - name: first',
      '    provider: {job: {}}',
      '  - name: success-rate',
      '    provider: {job: {}}',
      '',
    ].join('\n');
    ws.setFile('file:///w/templates.yaml', text);
    const doc = ws.locate('AnalysisTemplate', 'success-rate', 'payments');
    assert.equal(doc?.file, 'file:///w/templates.yaml');
    assert.equal(doc?.offset, text.indexOf('---'), 'the document starts at its separator line');
    const metric = ws.locate('AnalysisTemplate', 'success-rate', 'payments', ['spec', 'metrics', 1, 'name']);
    assert.equal(text.slice(metric?.offset ?? 0).split('\n')[0], 'success-rate');
    assert.equal(ws.locate('AnalysisTemplate', 'success-rate', 'default'), undefined);
    assert.equal(ws.locate('ClusterAnalysisTemplate', 'success-rate', undefined), undefined);
  });
});
