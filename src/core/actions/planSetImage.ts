// `kubectl argo rollouts set image NAME CONTAINER=IMAGE` (cmd/set/set_image.go): GET the rollout;
// with spec.workloadRef GET and PUT the referenced apps/v1 Deployment (whatever workloadRef.kind
// says, as the plugin does), else PUT the whole rollout. The GET + PUT pair is retried on 409.
import { type ActionPlan, type KubeRequest, type ObjectRef, getRequest, resourcePath } from './kubeRequest';
import { type JsonRecord, arrayAt, at, cloneJson, isRecord, recordAt, stringAt } from './untrusted';

/** The plugin tries the GET + PUT up to 5 times when the PUT answers 409 Conflict. */
export const SET_IMAGE_MAX_ATTEMPTS = 5;

export const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
export type ContainerList = (typeof CONTAINER_LISTS)[number];

export interface ContainerInfo {
  list: ContainerList;
  name: string;
  image: string | undefined;
}

/** The containers of `spec.template.spec`, for the container picker, in the plugin's match order. */
export function listContainers(obj: unknown): ContainerInfo[] {
  const out: ContainerInfo[] = [];
  for (const list of CONTAINER_LISTS) {
    for (const c of arrayAt(obj, 'spec', 'template', 'spec', list)) {
      const name = stringAt(c, 'name');
      if (name !== undefined) out.push({ list, name, image: stringAt(c, 'image') });
    }
  }
  return out;
}

/** What set image writes to: the rollout itself, or the Deployment named by spec.workloadRef. */
export type SetImageTarget = { kind: 'Rollout'; ref: ObjectRef } | { kind: 'Deployment'; ref: ObjectRef; read: KubeRequest };

export function setImageTarget(ref: ObjectRef, rollout: unknown): SetImageTarget | { error: string } {
  const workloadRef = at(rollout, 'spec', 'workloadRef');
  if (workloadRef === undefined || workloadRef === null) return { kind: 'Rollout', ref };
  if (!isRecord(workloadRef)) return { error: 'spec.workloadRef is not an object' };
  const name = workloadRef['name'];
  if (typeof name !== 'string') return { error: `spec.workloadRef.name is not a string: ${goValue(name)}` };
  const target = { namespace: ref.namespace, name };
  return { kind: 'Deployment', ref: target, read: getRequest('deployments', ref.namespace, name) };
}

/** `%v` of a missing or odd value, roughly as Go prints it. */
function goValue(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : JSON.stringify(v);
}

/**
 * The object with the image replaced in every container named `container` (`*` for all) across
 * initContainers, containers and ephemeralContainers, or the plugin's error when none matches.
 * The input is not modified.
 */
export function planSetImage(obj: unknown, container: string, image: string): { updated: JsonRecord } | { error: string } {
  const notFound = { error: `unable to find container named "${container}"` };
  if (!isRecord(obj)) return notFound;
  const updated = cloneJson(obj);
  let found = false;
  const podSpec = recordAt(updated, 'spec', 'template', 'spec');
  for (const list of CONTAINER_LISTS) {
    for (const c of arrayAt(podSpec, list)) {
      if (!isRecord(c)) continue;
      const name = typeof c['name'] === 'string' ? c['name'] : '';
      if (name === container || container === '*') {
        c['image'] = image;
        found = true;
      }
    }
  }
  return found ? { updated } : notFound;
}

/** The PUT of the updated object and the plugin's line: `rollout "x" image updated` (kind lower-cased). */
export function planSetImageUpdate(target: SetImageTarget, updated: JsonRecord): ActionPlan {
  const resource = target.kind === 'Rollout' ? 'rollouts' : 'deployments';
  const group = target.kind === 'Rollout' ? 'argoproj.io' : 'apps';
  const request: KubeRequest = {
    method: 'PUT',
    path: resourcePath(resource, target.ref.namespace, target.ref.name),
    contentType: 'application/json',
    body: updated,
    rbac: { group, resource, verb: 'update', namespace: target.ref.namespace },
  };
  return { requests: [request], message: `${target.kind.toLowerCase()} "${target.ref.name}" image updated` };
}
