import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { downwardApiPathOk } from '../../../../../../src/core/lint/rules/rollout/analysisArgFieldPathRule';
import { canary, none, only } from './rolloutFixtures';

function analysisStep(...fieldPaths: string[]): string {
  return canary(
    'steps:',
    '  - analysis:',
    '      templates: [{templateName: t}]',
    '      args:',
    ...fieldPaths.flatMap((p, i) => [`        - name: a${i}`, '          valueFrom:', '            fieldRef:', `              fieldPath: ${p}`]),
  );
}

describe('analysis arg fieldPath rule', () => {
  it("reports metadata.label['app'] at spec.strategy.steps[i].analyses with all the step's args as JSON", () => {
    const text = analysisStep('metadata.name', "metadata.label['app']");
    const f = only(text, 'analysis-arg-field-path');
    assert.equal(
      f.message,
      'Invalid value: [{"name":"a0","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}},{"name":"a1","valueFrom":{"fieldRef":{"fieldPath":"metadata.label[\'app\']"}}}]: ' +
        'Analyses arguments must refer to valid object metadata supported by downwardAPI',
    );
    assert.equal(f.path, 'spec.strategy.steps[0].analyses');
    assert.equal(underlined(text, f), "metadata.label['app']");
  });

  it('checks experiment analyses args too', () => {
    const text = canary('steps:', '  - experiment:', '      templates: []', '      analyses:', '        - name: a', '          templateName: t', '          args:', '            - {name: x, valueFrom: {fieldRef: {fieldPath: metadata.owner}}}');
    assert.equal(only(text, 'analysis-arg-field-path').path, 'spec.strategy.steps[0].analyses');
  });

  it('accepts the downward-API metadata paths and non-metadata paths', () => {
    none(analysisStep('metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.labels', "metadata.annotations['Example.com/x']", 'spec.replicas'), 'analysis-arg-field-path');
  });

  it('resolves field paths like the downward API', () => {
    assert.deepEqual(
      ["metadata.labels['app']", "metadata.labels['bad key']", "metadata.name['x']", 'metadata.generation', "metadata.annotations['A.b/C']"].map(downwardApiPathOk),
      [true, false, false, false, true],
    );
  });
});
