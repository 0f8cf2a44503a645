import { strict as assert } from 'node:assert';
import { applyConflictMessage, parseApplyConflict } from '../../../../src/core/launch/applyConflict';

describe('Server-side apply conflicts', () => {
  it('reads the manager and field of a single conflict', () => {
    assert.deepEqual(parseApplyConflict('Apply failed with 1 conflict: conflict with "kubectl" using argoproj.io/v1alpha1: .spec.replicas'),
      { managers: ['kubectl'], fields: ['.spec.replicas'] });
  });

  it('reads every manager and field of several conflicts, each manager once', () => {
    const text = 'Apply failed with 3 conflicts: conflict with "argocd-controller" using argoproj.io/v1alpha1: .spec.replicas\n'
      + 'conflict with "argocd-controller" using argoproj.io/v1alpha1: .spec.template.spec.containers\n'
      + 'conflict with "helm" using argoproj.io/v1alpha1: .metadata.labels.app';
    assert.deepEqual(parseApplyConflict(text), {
      managers: ['argocd-controller', 'helm'],
      fields: ['.spec.replicas', '.spec.template.spec.containers', '.metadata.labels.app'],
    });
  });

  it('finds no managers in an optimistic-lock conflict, which is not about ownership', () => {
    assert.equal(parseApplyConflict('Operation cannot be fulfilled on rollouts.argoproj.io "web": the object has been modified'), undefined);
  });

  it('names Argo CD, says nothing changed and gives the next step', () => {
    assert.equal(applyConflictMessage({ namespace: 'shop', name: 'web' }, { managers: ['argocd-controller'], fields: ['.spec.replicas'] }, 'prod'),
      'Nothing was changed: rollout web in namespace "shop" (context "prod") has fields (.spec.replicas) owned by '
      + '"argocd-controller" (Argo CD, which may revert the change on its next sync). Re-apply with force to take them over, after confirming that is intended.');
  });

  it('names kubectl apply', () => {
    assert.match(applyConflictMessage({ namespace: 'd', name: 'w' }, { managers: ['kubectl'], fields: [] }, 'c'), /owned by "kubectl" \(kubectl apply\)\./);
  });
});
