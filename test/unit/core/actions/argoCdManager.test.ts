import { strict as assert } from 'node:assert';
import { argoCdManager, argoCdWarning } from '../../../../src/core/actions/argoCdManager';

const withMeta = (metadata: unknown) => ({ metadata });

describe('Argo CD managed objects', () => {
  it('finds the application in the tracking-id annotation', () => {
    const obj = withMeta({ annotations: { 'argocd.argoproj.io/tracking-id': 'shop-web:argoproj.io/Rollout:shop/web' } });
    assert.deepEqual(argoCdManager(obj), { app: 'shop-web', via: 'annotation' });
  });

  it('finds the application in the instance label', () => {
    assert.deepEqual(argoCdManager(withMeta({ labels: { 'argocd.argoproj.io/instance': 'shop-web' } })), { app: 'shop-web', via: 'label' });
  });

  it('prefers the annotation when both are there', () => {
    const obj = withMeta({ labels: { 'argocd.argoproj.io/instance': 'old' }, annotations: { 'argocd.argoproj.io/tracking-id': 'argocd_new:apps/Deployment:a/b' } });
    assert.deepEqual(argoCdManager(obj), { app: 'argocd_new', via: 'annotation' });
  });

  it('finds nothing on unmanaged or odd objects', () => {
    assert.equal(argoCdManager(withMeta({ labels: { app: 'web' } })), undefined);
    assert.equal(argoCdManager(withMeta({ labels: { 'argocd.argoproj.io/instance': 7 }, annotations: 'x' })), undefined);
    assert.equal(argoCdManager(undefined), undefined);
  });

  it('warns that self-heal may revert spec changes, and not for status-only ones', () => {
    const m = { app: 'shop-web', via: 'label' as const };
    assert.equal(
      argoCdWarning('setImage', m),
      'This rollout is managed by Argo CD application "shop-web": if self-heal is on, Argo CD may revert this change to what Git says.',
    );
    assert.notEqual(argoCdWarning('pause', m), undefined);
    assert.equal(argoCdWarning('abort', m), undefined);
    assert.equal(argoCdWarning('retry', m), undefined);
    assert.equal(argoCdWarning('setImage', undefined), undefined);
  });

  it('names the object that changes when it is not the rollout', () => {
    assert.equal(
      argoCdWarning('setImage', { app: 'shop-web', via: 'label' }, 'Deployment "web" (spec.workloadRef)'),
      'Deployment "web" (spec.workloadRef) is managed by Argo CD application "shop-web": if self-heal is on, Argo CD may revert this change to what Git says.',
    );
  });
});
