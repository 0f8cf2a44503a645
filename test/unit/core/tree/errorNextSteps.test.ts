import { strict as assert } from 'node:assert';
import { kubeError } from '../../../../src/core/kube/kubeErrors';
import { errorNextSteps, isClusterWideError } from '../../../../src/core/tree/errorNextSteps';

describe('the next steps of an error row', () => {
  it('offers retry first for an unreachable cluster, then switching context', () => {
    assert.deepEqual(errorNextSteps(kubeError({ kind: 'unreachable', context: 'c', url: 'https://x', cause: 'refused' })).slice(0, 2), ['retry', 'switchContext']);
  });
  it('opens the kubeconfig first when it cannot be used', () => {
    assert.equal(errorNextSteps(kubeError({ kind: 'config', detail: 'no kubeconfig found' }))[0], 'openKubeconfig');
  });
  it('offers another context first when the CRDs are missing or access is forbidden', () => {
    assert.equal(errorNextSteps(kubeError({ kind: 'crdMissing', context: 'c' }))[0], 'switchContext');
    assert.equal(errorNextSteps(kubeError({ kind: 'forbidden', context: 'c', apiMessage: 'no' }))[0], 'switchContext');
  });
  it('treats connection and credential failures as about the whole cluster, a 403 as about one namespace', () => {
    assert.equal(isClusterWideError(kubeError({ kind: 'unauthorized', context: 'c' })), true);
    assert.equal(isClusterWideError(kubeError({ kind: 'forbidden', context: 'c', apiMessage: 'no' })), false);
  });
});
