// Builds the Prometheus client a plan (src/core/prometheus/planPromTarget.ts) describes: a direct
// URL over axios, or the API server's service proxy through the request function the kube layer
// supplies (src/kube/serviceProxyRequest.ts).
import type { PromTargetPlan } from '../core/prometheus/planPromTarget';
import { err, ok, type Result } from '../core/result';
import { PrometheusClient, type PromRequest } from './prometheusClient';

export interface PromTarget {
  /** Query with `instant(query, timeSec, signal?)` and `range(query, start, end, step, signal?)`. */
  readonly client: PrometheusClient;
  /** Where the queries go, in words, e.g. "http://localhost:9090 (URL setting for context kind-dev)". */
  readonly where: string;
}

/** `proxyRequest` is required for a service-proxy plan; `signal` aborts every query of the client. */
export function createPromTarget(plan: PromTargetPlan, proxyRequest: PromRequest | undefined, signal?: AbortSignal): Result<PromTarget, string> {
  const common = { where: plan.clientWhere, headers: plan.headers, timeoutMs: plan.timeoutMs, signal };
  if (plan.address.kind === 'serviceProxy') {
    if (proxyRequest === undefined) return err(`Cannot query Prometheus through the ${plan.where}: there is no connection to the cluster.`);
    return ok({ client: new PrometheusClient({ ...common, request: proxyRequest }), where: plan.where });
  }
  const client = new PrometheusClient({ ...common, baseUrl: plan.address.url, auth: plan.credentials, rejectUnauthorized: plan.tlsVerify });
  return ok({ client, where: plan.where });
}
