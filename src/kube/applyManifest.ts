// Sends a launch plan (src/core/launch/planLaunch.ts): SelfSubjectAccessReviews for every
// permission it needs first, then the one server-side apply PATCH. A denial or a field-manager
// conflict sends no write, so nothing in the cluster changes.
import type { KubeRequest } from '../core/actions/kubeRequest';
import { applyConflictMessage, parseApplyConflict, type ApplyConflict } from '../core/launch/applyConflict';
import { withForce, type ReadyLaunch } from '../core/launch/planLaunch';
import { undeclaredFieldMessage, undeclaredFields } from '../core/launch/undeclaredField';
import { err, ok, type Result } from '../core/result';
import type { KubeTransport } from './clusterConnection';
import { checkAccess, type ActionError } from './executePlan';

/**
 * Why a launch did not apply: the action errors, fields owned by another manager (retry with `force`),
 * or fields the cluster's CRD does not declare.
 */
export type ApplyError = ActionError
  | { kind: 'fieldConflict'; conflict: ApplyConflict; message: string }
  | { kind: 'undeclaredField'; fields: readonly string[]; message: string };

export interface Applied {
  /** kubectl's line, `rollout.argoproj.io/web serverside-applied`. */
  readonly message: string;
  /** The Rollout as the API server returned it. */
  readonly object: unknown;
  /** 201: the apply created the Rollout. */
  readonly created: boolean;
}

export interface ApplyOptions {
  /** Take over fields other managers own (the user confirmed after a conflict). */
  readonly force?: boolean;
  /** Ask SelfSubjectAccessReviews first (default true). */
  readonly checkAccess?: boolean;
}

export async function applyManifest(transport: KubeTransport, plan: ReadyLaunch, options: ApplyOptions = {}): Promise<Result<Applied, ApplyError>> {
  const launch = options.force === true ? withForce(plan) : plan;
  const { request } = launch;
  if (options.checkAccess !== false) {
    // checkAccess reads only method and rbac of each request; one stand-in per permission.
    const probes: KubeRequest[] = launch.rbac.map((rbac) => ({ method: 'PATCH', path: request.path, rbac }));
    const access = await checkAccess(transport, probes);
    if (!access.ok) return access;
  }
  const answer = await transport.send({
    method: request.method,
    path: request.path,
    query: { ...request.query },
    contentType: request.contentType,
    body: request.body,
  });
  if (!answer.ok) {
    const conflict = answer.error.kind === 'conflict' ? parseApplyConflict(answer.error.apiMessage, answer.error.causes) : undefined;
    if (conflict) return err({ kind: 'fieldConflict', conflict, message: applyConflictMessage(launch.ref, conflict, transport.context) });
    const undeclared = answer.error.kind === 'serverError' ? undeclaredFields(answer.error.apiMessage) : [];
    if (undeclared.length > 0) {
      return err({ kind: 'undeclaredField', fields: undeclared, message: undeclaredFieldMessage(launch.ref, undeclared, transport.context, launch.lintErrors.length > 0) });
    }
    return answer;
  }
  return ok({ message: launch.message, object: answer.value.body, created: answer.value.status === 201 });
}
