// A request plan: the exact Kubernetes API calls an action makes, as data. The I/O layer
// (src/kube) executes them in order; core decides what they are, so every body, path and patch
// type can be checked in plain unit tests against what `kubectl argo rollouts` sends.
//
// Execution rules the I/O layer must follow:
// - Requests run in order; a failure stops the plan and is reported.
// - `onNotFound`: if this request fails with 404, run these requests INSTEAD of this one and all
//   the ones after it. The plugin does this for pre-0.10 controllers whose CRD has no status
//   subresource (abort, retry, promote); a 404 there means "no status subresource", not "no rollout".
// - `labelSelector` (LIST only) is sent as the `labelSelector` query parameter.

export type HttpMethod = 'GET' | 'PATCH' | 'PUT' | 'POST' | 'LIST';

export type ContentType = 'application/merge-patch+json' | 'application/json-patch+json' | 'application/json';

/** What the request needs from RBAC, in SelfSubjectAccessReview terms. */
export interface RbacAttributes {
  group: string;
  resource: string;
  subresource?: string;
  verb: 'get' | 'list' | 'patch' | 'update' | 'create';
  /** Absent for cluster-scoped objects (ClusterAnalysisTemplate). */
  namespace?: string;
}

export interface KubeRequest {
  method: HttpMethod;
  path: string;
  contentType?: ContentType;
  body?: unknown;
  labelSelector?: string;
  rbac: RbacAttributes;
  onNotFound?: KubeRequest[];
}

/** The namespaced object an action is about. */
export interface ObjectRef {
  namespace: string;
  name: string;
}

/** Requests to send and the line the plugin prints when they all succeed. */
export interface ActionPlan {
  requests: KubeRequest[];
  message: string;
}

export const ARGO_GROUP = 'argoproj.io';

const MUTATING: readonly HttpMethod[] = ['PATCH', 'PUT', 'POST'];

export function isMutating(request: KubeRequest): boolean {
  return MUTATING.includes(request.method);
}

/** The Kubernetes resources the actions touch, with their API path prefix and group. */
export type Resource =
  | 'rollouts'
  | 'analysisruns'
  | 'analysistemplates'
  | 'clusteranalysistemplates'
  | 'experiments'
  | 'deployments'
  | 'replicasets'
  | 'podtemplates';

const GROUPS: Record<Resource, { group: string; version: string }> = {
  rollouts: { group: ARGO_GROUP, version: 'v1alpha1' },
  analysisruns: { group: ARGO_GROUP, version: 'v1alpha1' },
  analysistemplates: { group: ARGO_GROUP, version: 'v1alpha1' },
  clusteranalysistemplates: { group: ARGO_GROUP, version: 'v1alpha1' },
  experiments: { group: ARGO_GROUP, version: 'v1alpha1' },
  deployments: { group: 'apps', version: 'v1' },
  replicasets: { group: 'apps', version: 'v1' },
  podtemplates: { group: '', version: 'v1' },
};

export function groupOf(resource: Resource): string {
  return GROUPS[resource].group;
}

/**
 * `/apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>[/<subresource>]]`; the core group
 * lives under `/api/v1`. Names are URL-encoded because they come from the cluster or the user.
 */
export function resourcePath(resource: Resource, namespace: string | undefined, name?: string, subresource?: string): string {
  const { group, version } = GROUPS[resource];
  let p = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  if (namespace !== undefined) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  if (subresource !== undefined) p += `/${subresource}`;
  return p;
}

export function getRequest(resource: Resource, namespace: string | undefined, name: string): KubeRequest {
  return {
    method: 'GET',
    path: resourcePath(resource, namespace, name),
    rbac: withNamespace({ group: groupOf(resource), resource, verb: 'get' }, namespace),
  };
}

/** A JSON merge patch, on the object itself or on a subresource (only rollouts have `status`). */
export function mergePatch(resource: Resource, ref: ObjectRef, body: unknown, subresource?: 'status'): KubeRequest {
  return {
    method: 'PATCH',
    path: resourcePath(resource, ref.namespace, ref.name, subresource),
    contentType: 'application/merge-patch+json',
    body,
    rbac: { group: groupOf(resource), resource, ...(subresource ? { subresource } : {}), verb: 'patch', namespace: ref.namespace },
  };
}

/** GET of a rollout: the first call of promote, set image and undo. */
export function getRolloutRequest(ref: ObjectRef): KubeRequest {
  return getRequest('rollouts', ref.namespace, ref.name);
}

function withNamespace(rbac: RbacAttributes, namespace: string | undefined): RbacAttributes {
  return namespace === undefined ? rbac : { ...rbac, namespace };
}
