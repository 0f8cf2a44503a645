import { strict as assert } from 'node:assert';
import { rolloutDocumentRefs } from '../../../../src/vscode/panel/rolloutDocumentRefs';

describe('the Rollouts a YAML file declares (for the "Open panel" lens)', () => {
  it('finds each Rollout document with its name, namespace and the offset of its kind line, skipping other kinds', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      '  name: gitops-hugo',
      '  namespace: "payments" # team',
      '  labels:',
      '    name: not-this-one',
      'spec: {}',
      '---',
      'kind: Service',
      'metadata:',
      '  name: svc',
      '---',
      'kind: Rollout',
      'metadata:',
      '  labels:',
      '    namespace: nested',
      '  name: \'other\'',
    ].join('\n');
    assert.deepEqual(rolloutDocumentRefs(text), [
      { offset: text.indexOf('kind: Rollout'), name: 'gitops-hugo', namespace: 'payments' },
      { offset: text.lastIndexOf('kind: Rollout'), name: 'other', namespace: undefined },
    ]);
  });

  it('reads CRLF files and leaves out Rollouts whose name is missing or a Helm template', () => {
    assert.deepEqual(rolloutDocumentRefs('kind: Rollout\r\nmetadata:\r\n  name: a\r\n'), [{ offset: 0, name: 'a', namespace: undefined }]);
    assert.deepEqual(rolloutDocumentRefs('kind: Rollout\nmetadata:\n  name: {{ .Values.name }}\n'), []);
    assert.deepEqual(rolloutDocumentRefs('kind: Rollout\nspec: {}\n'), []);
    assert.deepEqual(rolloutDocumentRefs('kind: RolloutX\nmetadata:\n  name: a\n'), []);
  });
});
