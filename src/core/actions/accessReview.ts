// Ask the API server whether the user may make a plan's writes before trying them, so a missing
// RBAC verb is explained up front instead of failing halfway (promote's status patch may succeed
// and its spec patch be forbidden).
import { type KubeRequest, type RbacAttributes, isMutating } from './kubeRequest';
import { isRecord } from './untrusted';

export interface SelfSubjectAccessReview {
  apiVersion: 'authorization.k8s.io/v1';
  kind: 'SelfSubjectAccessReview';
  spec: { resourceAttributes: RbacAttributes };
}

export function accessReviewBody(rbac: RbacAttributes): SelfSubjectAccessReview {
  const { namespace, verb, group, resource, subresource } = rbac;
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        ...(namespace !== undefined ? { namespace } : {}),
        verb,
        group,
        resource,
        ...(subresource !== undefined ? { subresource } : {}),
      },
    },
  };
}

/** The POST that asks; any authenticated user may create SelfSubjectAccessReviews. */
export function accessReviewRequest(rbac: RbacAttributes): KubeRequest {
  return {
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    contentType: 'application/json',
    body: accessReviewBody(rbac),
    rbac: { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', verb: 'create' },
  };
}

/** The review for the plan's first write, or undefined for a plan without writes. */
export function accessReviewForPlan(requests: readonly KubeRequest[]): SelfSubjectAccessReview | undefined {
  const first = requests.find(isMutating);
  return first && accessReviewBody(first.rbac);
}

/**
 * One review per distinct permission the plan's writes need, first write first. The fallbacks
 * for pre-0.10 controllers are left out: they only run when the first request is answered 404.
 */
export function accessReviewsForPlan(requests: readonly KubeRequest[]): SelfSubjectAccessReview[] {
  const seen = new Set<string>();
  const out: SelfSubjectAccessReview[] = [];
  for (const r of requests.filter(isMutating)) {
    const review = accessReviewBody(r.rbac);
    const key = JSON.stringify(review.spec.resourceAttributes);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(review);
    }
  }
  return out;
}

/** `status.allowed` of the server's answer, with its reason; undefined when the answer is malformed. */
export function accessReviewResult(response: unknown): { allowed: boolean; reason?: string } | undefined {
  const status = isRecord(response) ? response['status'] : undefined;
  if (!isRecord(status) || typeof status['allowed'] !== 'boolean') return undefined;
  const reason = typeof status['reason'] === 'string' && status['reason'] !== '' ? status['reason'] : undefined;
  return { allowed: status['allowed'], ...(reason ? { reason } : {}) };
}

/**
 * `You cannot patch rollouts/status in namespace "x" (context "c"): ask for the patch verb on
 * rollouts/status in argoproj.io, or use a context that has it.`
 */
export function accessDeniedMessage(rbac: RbacAttributes, context: string): string {
  const what = rbac.subresource ? `${rbac.resource}/${rbac.subresource}` : rbac.resource;
  const where = rbac.namespace !== undefined ? ` in namespace "${rbac.namespace}"` : '';
  const group = rbac.group === '' ? 'the core API group' : rbac.group;
  return `You cannot ${rbac.verb} ${what}${where} (context "${context}"): ask for the ${rbac.verb} verb on ${what} in ${group}, or use a context that has it.`;
}
