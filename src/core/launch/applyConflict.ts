// A server-side apply that would change fields another field manager owns fails with 409. The API
// server (k8s.io/apimachinery managedfields/internal/conflict.go) lists each conflict as a Status
// cause {reason: FieldManagerConflict, message: `conflict with "helm" using apps/v1 at 2026-…Z`,
// field: `.spec.template.spec.containers[name="web"].image`}; its `message` joins them in a text
// whose layout differs for one and for several conflicts (and whose timestamps contain colons), so
// the causes are read first and the text only when a server sends none.
// This turns that into who owns what and the next step: confirm, then re-apply with force.
import type { ObjectRef } from '../actions/kubeRequest';
import type { StatusCause } from '../kube/statusCause';
import { FIELD_MANAGER } from './fieldManager';

export interface FieldConflict {
  /** `.spec.replicas`, `.spec.template.spec.containers[name="web"].image`. */
  readonly field: string;
  readonly manager: string;
  /** Update: the manager wrote with PUT/PATCH (client-side kubectl apply, Helm, Argo CD without ServerSideApply); Apply: server-side apply. */
  readonly operation: 'Apply' | 'Update';
  /** `scale`, `status`: the manager wrote through that subresource. */
  readonly subresource?: string;
  /** When an Update manager last wrote (RFC 3339). */
  readonly time?: string;
}

export interface ApplyConflict {
  /** Managers that own the conflicting fields, in order of first mention. */
  readonly managers: readonly string[];
  /** Conflicting fields, in order of first mention. */
  readonly fields: readonly string[];
  readonly conflicts: readonly FieldConflict[];
}

export const FIELD_MANAGER_CONFLICT = 'FieldManagerConflict';

/**
 * The managers and fields of an apply conflict, from the Status causes (reason FieldManagerConflict),
 * else from the message; undefined when neither names a manager (a resourceVersion conflict).
 */
export function parseApplyConflict(apiMessage: string, causes: readonly StatusCause[] = []): ApplyConflict | undefined {
  const fromCauses = causes.filter((c) => c.reason === FIELD_MANAGER_CONFLICT).flatMap((c) => {
    const owner = parseOwner(c.message.replace(/^conflicts? with /, ''));
    return owner && c.field !== '' ? [conflict(owner, c.field)] : [];
  });
  const conflicts = fromCauses.length > 0 ? fromCauses : conflictsInMessage(apiMessage);
  if (conflicts.length === 0) return undefined;
  return { managers: unique(conflicts.map((c) => c.manager)), fields: unique(conflicts.map((c) => c.field)), conflicts };
}

/** `"helm" with subresource "scale" using apps/v1 at 2026-12-08T10:00:00Z` (printManager in conflict.go). */
const OWNER = /^("(?:[^"\\]|\\.)*")(?: with subresource ("(?:[^"\\]|\\.)*"))?(?: using ([^\s:]+)(?: at (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z))?)?/;

function parseOwner(text: string): (Omit<FieldConflict, 'field'> & { rest: string }) | undefined {
  const m = OWNER.exec(text);
  if (!m?.[1]) return undefined;
  const manager = goQuoted(m[1]);
  if (manager === undefined) return undefined;
  // Only Update entries are printed with `using <apiVersion>`; an Apply manager is its name alone.
  const operation = m[3] !== undefined ? 'Update' : 'Apply';
  const subresource = m[2] !== undefined ? goQuoted(m[2]) : undefined;
  return {
    manager, operation,
    ...(subresource !== undefined ? { subresource } : {}),
    ...(m[4] !== undefined ? { time: m[4] } : {}),
    rest: text.slice(m[0].length),
  };
}

/** Go's %q of a plain string is a JSON string in all but rare escapes; those fall back to the raw text. */
function goQuoted(q: string): string | undefined {
  try {
    const v: unknown = JSON.parse(q);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return q.slice(1, -1);
  }
}

/**
 * The text form, for a server that sent no causes:
 * `Apply failed with 1 conflict: conflict with "m" using v at T: .spec.x`, or with several,
 * `Apply failed with 2 conflicts: conflicts with "a":\n- .spec.x\nconflicts with "b" using v at T:\n- .spec.y`.
 */
function conflictsInMessage(message: string): FieldConflict[] {
  const out: FieldConflict[] = [];
  const single = /^Apply failed with 1 conflict: conflict with (.*)$/s.exec(message.trim());
  if (single?.[1]) {
    const owner = parseOwner(single[1]);
    const field = owner?.rest.replace(/^:\s*/, '').trim();
    if (owner && field) out.push(conflict(owner, field));
    return out;
  }
  let owner: ReturnType<typeof parseOwner>;
  for (const line of message.split('\n')) {
    const head = /(?:^|: )conflicts with (.*):\s*$/.exec(line);
    if (head?.[1] !== undefined) {
      owner = parseOwner(head[1]);
      continue;
    }
    const item = /^- (.+)$/.exec(line.trim());
    if (item?.[1] && owner) out.push(conflict(owner, item[1].trim()));
  }
  return out;
}

function conflict(owner: Omit<FieldConflict, 'field'> & { rest: string }, field: string): FieldConflict {
  const { rest: _rest, ...rest } = owner;
  return { ...rest, field };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

/** Who a field manager is, for people: the usual owners of a Rollout's fields. */
export function managerDescription(manager: string): string {
  const who = managerKind(manager);
  return who !== undefined ? `"${manager}" (${who})` : `"${manager}"`;
}

function managerKind(manager: string): string | undefined {
  if (manager === 'argocd-controller' || manager.startsWith('argocd')) return 'Argo CD, which may revert the change on its next sync';
  if (manager === 'kubectl') return 'kubectl apply --server-side';
  if (manager === 'kubectl-client-side-apply') return 'client-side kubectl apply';
  if (manager === 'kubectl-argo-rollouts') return 'the Argo Rollouts kubectl plugin';
  if (manager.startsWith('kubectl-')) return `kubectl ${manager.slice('kubectl-'.length)}`;
  if (manager === 'helm') return 'Helm';
  if (manager === 'kustomize-controller' || manager === 'helm-controller') return 'Flux, which may revert the change on its next reconcile';
  if (manager === 'rollouts-controller') return 'the Argo Rollouts controller';
  if (manager === FIELD_MANAGER) return 'this extension: Set Image, Undo or another action';
  // The API server names a write without fieldManager after its User-Agent; an empty one leaves ''.
  if (manager === '') return 'a client that sent neither a field manager nor a User-Agent';
  return undefined;
}

export function applyConflictMessage(ref: ObjectRef, conflict: ApplyConflict, context: string): string {
  const owners = conflict.managers.map((manager) => {
    const mine = conflict.conflicts.filter((c) => c.manager === manager);
    const about = [managerKind(manager), howWritten(mine[0])].filter((x) => x !== undefined).join(', ');
    return `"${manager}"${about !== '' ? ` (${about})` : ''} owns ${unique(mine.map((c) => c.field)).join(', ')}`;
  });
  const n = conflict.fields.length;
  const byUpdate = conflict.conflicts.some((c) => c.operation === 'Update');
  return `Nothing was changed: rollout ${ref.name} in namespace "${ref.namespace}" (context "${context}") has ${n === 1 ? 'a field' : `${n} fields`} `
    + `this file sets to another value: ${owners.join('; ')}. `
    + (byUpdate ? 'Fields written by update (client-side kubectl apply, Helm, Argo CD without ServerSideApply) are taken over without asking only by kubectl apply --server-side. ' : '')
    + 'Force Apply makes this extension their owner (that manager may set them back on its next sync); confirm that is intended.';
}

function howWritten(first: FieldConflict | undefined): string | undefined {
  if (!first) return undefined;
  const via = first.subresource !== undefined ? ` through /${first.subresource}` : '';
  if (first.operation === 'Apply') return `server-side apply${via}`;
  return `by update${via}${first.time !== undefined ? ` at ${first.time}` : ''}`;
}
