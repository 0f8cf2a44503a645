import { strict as assert } from 'node:assert';
import { errorNextSteps, isClusterWideError } from '../../../../src/core/tree/errorNextSteps';

describe('the next steps of an error row', () => {
  it('offers retry first for an unreachable cluster, then switching context', () => {
    assert.deepEqual(errorNextSteps({ kind: 'unreachable', context: 'c', url: 'https://x', cause: 'refused' }).slice(0, 2), ['retry', 'switchContext']);
  });
  it('opens the kubeconfig first when it cannot be used', () => {
    assert.equal(errorNextSteps({ kind: 'config', detail: 'no kubeconfig found' })[0], 'openKubeconfig');
  });
  it('offers another context first when the CRDs are missing or access is forbidden', () => {
    assert.equal(errorNextSteps({ kind: 'crdMissing', context: 'c' })[0], 'switchContext');
    assert.equal(errorNextSteps({ kind: 'forbidden', context: 'c', apiMessage: 'no' })[0], 'switchContext');
  });
  it('treats connection and credential failures as about the whole cluster, a 403 as about one namespace', () => {
    assert.equal(isClusterWideError({ kind: 'unauthorized', context: 'c' }), true);
    assert.equal(isClusterWideError({ kind: 'forbidden', context: 'c', apiMessage: 'no' }), false);
  });
});
