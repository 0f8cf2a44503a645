import { strict as assert } from 'node:assert';
import {
  accessDeniedMessage,
  accessReviewBody,
  accessReviewForPlan,
  accessReviewRequest,
  accessReviewResult,
  accessReviewsForPlan,
} from '../../../../src/core/actions/accessReview';
import { getRolloutRequest } from '../../../../src/core/actions/kubeRequest';
import { planAbort } from '../../../../src/core/actions/planPatches';
import { planPromote } from '../../../../src/core/actions/planPromote';
import { REF, aRollout } from './rolloutBuilder';

const pausedByHandAtStep = aRollout().withCanarySteps(2).pausedBySpec().updating().withStatus({ pauseConditions: [{}] }).build();

describe('RBAC check before an action', () => {
  it('builds the SelfSubjectAccessReview for the first write of a plan', () => {
    const plan = [getRolloutRequest(REF), ...planAbort(REF).requests];
    assert.equal(
      JSON.stringify(accessReviewForPlan(plan)),
      JSON.stringify({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { namespace: 'shop', verb: 'patch', group: 'argoproj.io', resource: 'rollouts', subresource: 'status' } },
      }),
    );
  });

  it('has nothing to check for a plan that only reads', () => {
    assert.equal(accessReviewForPlan([getRolloutRequest(REF)]), undefined);
  });

  it('checks every distinct permission of a plan, so promote cannot stop halfway', () => {
    const reviews = accessReviewsForPlan(planPromote(REF, pausedByHandAtStep, { full: false }).requests);
    assert.deepEqual(
      reviews.map((r) => r.spec.resourceAttributes),
      [
        { namespace: 'shop', verb: 'patch', group: 'argoproj.io', resource: 'rollouts', subresource: 'status' },
        { namespace: 'shop', verb: 'patch', group: 'argoproj.io', resource: 'rollouts' },
      ],
    );
  });

  it('POSTs the review to the authorization API', () => {
    const rbac = { group: 'argoproj.io', resource: 'rollouts', verb: 'patch' as const, namespace: 'shop' };
    assert.deepEqual(accessReviewRequest(rbac), {
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      contentType: 'application/json',
      body: accessReviewBody(rbac),
      rbac: { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', verb: 'create' },
    });
  });

  it('reads the answer, and nothing from a malformed one', () => {
    assert.deepEqual(accessReviewResult({ status: { allowed: false, reason: 'no RBAC policy matched' } }), { allowed: false, reason: 'no RBAC policy matched' });
    assert.deepEqual(accessReviewResult({ status: { allowed: true } }), { allowed: true });
    assert.equal(accessReviewResult({ status: { allowed: 'yes' } }), undefined);
    assert.equal(accessReviewResult(null), undefined);
  });

  it('explains a denial naming verb, resource, namespace, context and group', () => {
    assert.equal(
      accessDeniedMessage({ group: 'argoproj.io', resource: 'rollouts', subresource: 'status', verb: 'patch', namespace: 'x' }, 'c'),
      'You cannot patch rollouts/status in namespace "x" (context "c"): ask for the patch verb on rollouts/status in argoproj.io, or use a context that has it.',
    );
    assert.equal(
      accessDeniedMessage({ group: 'apps', resource: 'deployments', verb: 'update', namespace: 'shop' }, 'prod'),
      'You cannot update deployments in namespace "shop" (context "prod"): ask for the update verb on deployments in apps, or use a context that has it.',
    );
    assert.equal(
      accessDeniedMessage({ group: '', resource: 'podtemplates', verb: 'patch', namespace: 'shop' }, 'prod'),
      'You cannot patch podtemplates in namespace "shop" (context "prod"): ask for the patch verb on podtemplates in the core API group, or use a context that has it.',
    );
  });
});
