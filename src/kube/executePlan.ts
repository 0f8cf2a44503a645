// Runs a core action plan against a cluster, following the rules in src/core/actions/kubeRequest.ts:
// requests in order, the first failure stops the plan, a 404 on a request with `onNotFound` runs
// the fallback instead of the rest. Before any write, SelfSubjectAccessReviews ask whether each
// write is allowed; a denial is explained and nothing is sent.
import { accessDeniedMessage, accessReviewRequest, accessReviewResult } from '../core/actions/accessReview';
import { type ActionPlan, type KubeRequest, type RbacAttributes, isMutating } from '../core/actions/kubeRequest';
import type { KubeError } from '../core/kube/kubeErrors';
import { err, ok, type Result } from '../core/result';
import type { HttpAnswer, HttpCall, KubeTransport } from './clusterConnection';

/** Why an action did not complete: a cluster error, an RBAC denial found up front, or the plan's own refusal. */
export type ActionError = KubeError | { kind: 'denied'; rbac: RbacAttributes; message: string } | { kind: 'refused'; message: string };

export interface ActionDone {
  /** The plugin's line, e.g. `rollout 'web' promoted`. */
  readonly message: string;
  /** Answers of the requests that ran, in order (fallbacks included). */
  readonly answers: readonly HttpAnswer[];
}

/** The HTTP call a plan request stands for: LIST is a GET with `labelSelector` as query parameter. */
export function httpCallOf(request: KubeRequest): HttpCall {
  const query = request.labelSelector !== undefined ? { labelSelector: request.labelSelector } : undefined;
  return {
    method: request.method === 'LIST' ? 'GET' : request.method,
    path: request.path,
    ...(query ? { query } : {}),
    ...(request.contentType ? { contentType: request.contentType } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

/** Sends one request of a plan (no access check, no fallback). */
export async function sendRequest(transport: KubeTransport, request: KubeRequest): Promise<Result<HttpAnswer, KubeError>> {
  return transport.send(httpCallOf(request));
}

/**
 * Asks the API server about every write of the plan. A denial comes back as an error with the
 * explanation; a server that cannot answer reviews (some managed clusters restrict them) lets the
 * writes go ahead, since they will be refused with the API server's own 403 text anyway.
 */
export async function checkAccess(transport: KubeTransport, requests: readonly KubeRequest[]): Promise<Result<void, ActionError>> {
  const writes = requests.filter(isMutating);
  const seen = new Set<string>();
  for (const write of writes) {
    const key = JSON.stringify(write.rbac);
    if (seen.has(key)) continue;
    seen.add(key);
    const answer = await sendRequest(transport, accessReviewRequest(write.rbac));
    if (!answer.ok) {
      if (answer.error.kind === 'unreachable' || answer.error.kind === 'unauthorized' || answer.error.kind === 'credentialPlugin') return answer;
      continue;
    }
    const result = accessReviewResult(answer.value.body);
    if (result && !result.allowed) {
      return err({ kind: 'denied', rbac: write.rbac, message: accessDeniedMessage(write.rbac, transport.context) });
    }
  }
  return ok(undefined);
}

export interface ExecuteOptions {
  /** Ask SelfSubjectAccessReviews first (default true). */
  readonly checkAccess?: boolean;
}

/** Runs the plan; on success the plan's message is the result. */
export async function executePlan(transport: KubeTransport, plan: ActionPlan, options: ExecuteOptions = {}): Promise<Result<ActionDone, ActionError>> {
  if (options.checkAccess !== false) {
    const access = await checkAccess(transport, plan.requests);
    if (!access.ok) return access;
  }
  const answers: HttpAnswer[] = [];
  const ran = await runRequests(transport, plan.requests, answers);
  if (!ran.ok) return ran;
  return ok({ message: plan.message, answers });
}

async function runRequests(transport: KubeTransport, requests: readonly KubeRequest[], answers: HttpAnswer[]): Promise<Result<void, KubeError>> {
  for (const request of requests) {
    const answer = await sendRequest(transport, request);
    if (!answer.ok) {
      // A 404 here means "no status subresource" (pre-0.10 controllers): the fallback replaces the rest.
      if (request.onNotFound !== undefined && answer.error.kind === 'notFound') return runRequests(transport, request.onNotFound, answers);
      return answer;
    }
    answers.push(answer.value);
  }
  return ok(undefined);
}
