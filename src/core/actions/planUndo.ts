// `kubectl argo rollouts undo NAME [--to-revision N]` (cmd/undo/undo.go): GET the rollout, LIST
// the ReplicaSets it controls, pick a revision, and JSON-patch its pod template back into the
// rollout (or into the workloadRef object), unless the template already matches.
import { deepDerivative } from './deepDerivative';
import { type ActionPlan, type KubeRequest, type ObjectRef, type Resource, groupOf, resourcePath } from './kubeRequest';
import { labelSelectorString } from './labelSelector';
import { type JsonRecord, arrayAt, at, cloneJson, isRecord, recordAt, stringAt } from './untrusted';

export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
/** The label the controller adds to each ReplicaSet's template; never copied back into the rollout. */
export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';

/** The LIST of ReplicaSets matching the rollout's selector, in its namespace. */
export function undoListRequest(ref: ObjectRef, rollout: unknown): KubeRequest | { error: string } {
  const selector = labelSelectorString(at(rollout, 'spec', 'selector'));
  if ('error' in selector) return selector;
  return {
    method: 'LIST',
    path: resourcePath('replicasets', ref.namespace),
    ...(selector.selector === '' ? {} : { labelSelector: selector.selector }),
    rbac: { group: 'apps', resource: 'replicasets', verb: 'list', namespace: ref.namespace },
  };
}

export interface RolloutRevision {
  revision: number;
  replicaSet: string;
  /** The ReplicaSet's pod template, for showing images in a revision picker. */
  template: JsonRecord | undefined;
}

/** metav1.IsControlledBy: the first controller ownerReference carries the rollout's UID. */
function isControlledBy(rs: unknown, rollout: unknown): boolean {
  const controller = arrayAt(rs, 'metadata', 'ownerReferences').find((o) => at(o, 'controller') === true);
  return controller !== undefined && (stringAt(controller, 'uid') ?? '') === (stringAt(rollout, 'metadata', 'uid') ?? '');
}

/** strconv.ParseInt of the revision annotation; a missing annotation counts as revision 0. */
function revisionOf(rs: unknown): number | undefined {
  const v = at(rs, 'metadata', 'annotations', REVISION_ANNOTATION);
  if (v === undefined) return 0;
  if (typeof v !== 'string' || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

/** The rollout's own ReplicaSets with a readable revision, in list order. */
function ownedRevisions(rollout: unknown, replicaSets: readonly unknown[]): (RolloutRevision & { rs: unknown })[] {
  const out: (RolloutRevision & { rs: unknown })[] = [];
  for (const rs of replicaSets) {
    if (!isControlledBy(rs, rollout)) continue;
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    out.push({ revision, replicaSet: stringAt(rs, 'metadata', 'name') ?? '', template: recordAt(rs, 'spec', 'template'), rs });
  }
  return out;
}

/** The revisions Undo can go back to, newest first (for the revision picker and for enablement). */
export function rolloutRevisions(rollout: unknown, replicaSets: readonly unknown[]): RolloutRevision[] {
  return ownedRevisions(rollout, replicaSets)
    .map(({ revision, replicaSet, template }) => ({ revision, replicaSet, template }))
    .sort((a, b) => b.revision - a.revision);
}

/** The plugin's choice: revision N, or the second-highest revision when N is 0 / not given. */
function pickRevision(rollout: unknown, replicaSets: readonly unknown[], toRevision: number): { rs: unknown } | { error: string } {
  let latest = -1;
  let latestRs: unknown;
  let previous = -1;
  let previousRs: unknown;
  for (const { revision, rs } of ownedRevisions(rollout, replicaSets)) {
    if (toRevision === 0) {
      if (latest < revision) {
        previous = latest;
        previousRs = latestRs;
        latest = revision;
        latestRs = rs;
      } else if (previous < revision) {
        previous = revision;
        previousRs = rs;
      }
    } else if (toRevision === revision) {
      return { rs };
    }
  }
  if (toRevision > 0) return { error: `unable to find specified revision ${toRevision} in history` };
  if (previousRs === undefined) return { error: `no revision found for rollout "${stringAt(rollout, 'metadata', 'name') ?? ''}"` };
  return { rs: previousRs };
}

function withoutHashLabel(template: JsonRecord): JsonRecord {
  const copy = cloneJson(template);
  const labels = recordAt(copy, 'metadata', 'labels');
  if (labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    // Go marshals `labels` with omitempty: an emptied map disappears from the patch.
    if (Object.keys(labels).length === 0) delete (copy['metadata'] as JsonRecord)['labels'];
  }
  return copy;
}

const WORKLOAD_RESOURCES: Record<string, Resource> = { Deployment: 'deployments', ReplicaSet: 'replicasets', PodTemplate: 'podtemplates' };

/** Where the template patch goes: the rollout, or the object its workloadRef names. */
function patchTarget(ref: ObjectRef, rollout: unknown): { resource: Resource; name: string } | { error: string } {
  const workloadRef = at(rollout, 'spec', 'workloadRef');
  if (!isRecord(workloadRef)) return { resource: 'rollouts', name: ref.name };
  const kind = stringAt(workloadRef, 'kind') ?? '';
  const resource = WORKLOAD_RESOURCES[kind];
  if (resource === undefined) return { error: `workload of type ${kind} is not supported` };
  return { resource, name: stringAt(workloadRef, 'name') ?? '' };
}

export type UndoPlan = ActionPlan | { skipped: string } | { error: string };

/**
 * From the fetched rollout and the listed ReplicaSets: the JSON patch restoring revision
 * `toRevision` (default: the previous one), a no-op message when the template already matches,
 * or the plugin's error.
 */
export function planUndo(ref: ObjectRef, rollout: unknown, replicaSets: readonly unknown[], toRevision = 0): UndoPlan {
  const picked = pickRevision(rollout, replicaSets, toRevision);
  if ('error' in picked) return picked;
  const rsTemplate = recordAt(picked.rs, 'spec', 'template');
  if (rsTemplate === undefined) {
    // Go would patch in an empty template here; refusing is safer than wiping the pod spec.
    const rsName = stringAt(picked.rs, 'metadata', 'name') ?? '';
    return { error: `failed restoring revision ${toRevision}: ReplicaSet "${rsName}" has no pod template` };
  }
  const roTemplate = recordAt(rollout, 'spec', 'template');
  if (roTemplate !== undefined && deepDerivative(withoutHashLabel(roTemplate), withoutHashLabel(rsTemplate))) {
    // The plugin prints the flag's value here, so the default undo says "revision 0".
    return { skipped: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const target = patchTarget(ref, rollout);
  if ('error' in target) return { error: `failed restoring revision ${toRevision}: ${target.error}` };
  const request: KubeRequest = {
    method: 'PATCH',
    path: resourcePath(target.resource, ref.namespace, target.name),
    contentType: 'application/json-patch+json',
    body: [{ op: 'replace', path: '/spec/template', value: withoutHashLabel(rsTemplate) }],
    rbac: { group: groupOf(target.resource), resource: target.resource, verb: 'patch', namespace: ref.namespace },
  };
  return { requests: [request], message: `rollout '${ref.name}' undo` };
}
