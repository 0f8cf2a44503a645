// A server-side apply that would change fields another field manager owns fails with 409 and the API
// server's text `Apply failed with 1 conflict: conflict with "kubectl" using argoproj.io/v1alpha1: .spec.replicas`.
// This turns that into who owns what and the next step: confirm, then re-apply with force.
import type { ObjectRef } from '../actions/kubeRequest';

export interface ApplyConflict {
  /** Managers that own the conflicting fields, in order of first mention. */
  readonly managers: readonly string[];
  /** `.spec.replicas`, ... */
  readonly fields: readonly string[];
}

const CONFLICT = /conflict with "([^"]*)"(?: using [^:\n]*)?(?::\s*(\S+))?/g;

/** The managers and fields named by the API server's conflict text; undefined when it names none (a resourceVersion conflict). */
export function parseApplyConflict(apiMessage: string): ApplyConflict | undefined {
  const managers: string[] = [];
  const fields: string[] = [];
  for (const m of apiMessage.matchAll(CONFLICT)) {
    const manager = m[1] ?? '';
    if (!managers.includes(manager)) managers.push(manager);
    if (m[2] !== undefined && !fields.includes(m[2])) fields.push(m[2]);
  }
  return managers.length > 0 ? { managers, fields } : undefined;
}

/** Who a field manager is, for people: Argo CD and kubectl are the usual owners of a Rollout's fields. */
export function managerDescription(manager: string): string {
  if (manager === 'argocd-controller' || manager.startsWith('argocd')) return `"${manager}" (Argo CD, which may revert the change on its next sync)`;
  if (manager === 'kubectl' || manager.startsWith('kubectl-')) return `"${manager}" (kubectl apply)`;
  if (manager === 'helm') return `"${manager}" (Helm)`;
  if (manager === 'kustomize-controller' || manager === 'helm-controller') return `"${manager}" (Flux, which may revert the change on its next reconcile)`;
  return `"${manager}"`;
}

export function applyConflictMessage(ref: ObjectRef, conflict: ApplyConflict, context: string): string {
  const owners = conflict.managers.map(managerDescription).join(', ');
  const fields = conflict.fields.length > 0 ? ` (${conflict.fields.join(', ')})` : '';
  return `Nothing was changed: rollout ${ref.name} in namespace "${ref.namespace}" (context "${context}") has fields${fields} owned by ${owners}. `
    + 'Re-apply with force to take them over, after confirming that is intended.';
}
