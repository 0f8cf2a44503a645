// The kubeconfig a client (kubectl, @kubernetes/client-node, the extension) uses to reach the double.
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  readonly server: string;
  readonly caPem: string;
  readonly token: string;
  readonly contextName: string;
  readonly clusterName: string;
  readonly userName: string;
  readonly namespace: string;
}

export function kubeconfigYaml(o: KubeconfigOptions): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: o.clusterName, cluster: { server: o.server, 'certificate-authority-data': Buffer.from(o.caPem).toString('base64') } }],
    users: [{ name: o.userName, user: { token: o.token } }],
    contexts: [{ name: o.contextName, context: { cluster: o.clusterName, user: o.userName, namespace: o.namespace } }],
    'current-context': o.contextName,
    preferences: {},
  });
}
