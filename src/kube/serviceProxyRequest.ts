// Prometheus queries through the Kubernetes API server's service proxy
// (/api/v1/namespaces/<ns>/services/<scheme>:<name>:<port>/proxy/...), for a template whose address
// is an in-cluster Service name the user's machine cannot resolve. Needs `get` on `services/proxy`.
import { serviceProxyPath, type PromAddress } from '../core/prometheus/resolvePromAddress';
import type { PromRequest } from '../prometheus/prometheusClient';
import type { RawRequester } from './clusterConnection';

export type ServiceProxyAddress = Extract<PromAddress, { kind: 'serviceProxy' }>;

/**
 * The API server authenticates the request with the kubeconfig's credentials and then deletes
 * Authorization before proxying, so a Prometheus credential cannot ride along; it is dropped here
 * rather than sent to the API server in place of (or beside) the user's Kubernetes token.
 */
function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
}

/** A PromRequest over `requester` (a ClusterConnection); rejects with the cluster's message when the API server cannot be reached. */
export function serviceProxyRequest(requester: RawRequester, address: ServiceProxyAddress): PromRequest {
  return async (path, query, init) => {
    const answer = await requester.sendRaw({ path: serviceProxyPath(address, path), query, headers: withoutAuthorization(init.headers), signal: init.signal });
    // No Node error code on purpose: the cluster's certificate or network is not Prometheus', and
    // the KubeError message already names the context and what to do.
    if (!answer.ok) throw new Error(answer.error.message);
    return { status: answer.value.status, contentType: answer.value.contentType, body: answer.value.body };
  };
}
