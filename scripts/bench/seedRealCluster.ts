// Seeds the real API server with the same objects seedRollouts() writes into the double: 2,000 canary
// Rollouts with their ReplicaSets, pods and AnalysisRuns as the controller would have left them. The
// cluster runs without controllers (startRealCluster components 'apiServer'), so nothing changes
// them; statuses go through each kind's status subresource, and owner references get the UIDs the
// server assigned to their owners.
import * as https from 'node:https';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import type { JsonObject } from '../../testbed/apiDouble/jsonValue';
import { benchNamespaces, seedRollouts, type SeedCounts } from './seedRollouts';

// statusSubresource: the status is written through /status (a create ignores it); without one (the
// AnalysisRun CRD declares none) the status goes with the object.
const KINDS: Readonly<Record<string, { apiVersion: string; kind: string; base: string; statusSubresource: boolean }>> = {
  rollouts: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', base: '/apis/argoproj.io/v1alpha1', statusSubresource: true },
  analysisruns: { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', base: '/apis/argoproj.io/v1alpha1', statusSubresource: false },
  replicasets: { apiVersion: 'apps/v1', kind: 'ReplicaSet', base: '/apis/apps/v1', statusSubresource: true },
  pods: { apiVersion: 'v1', kind: 'Pod', base: '/api/v1', statusSubresource: true },
};

interface Pending {
  readonly resource: string;
  readonly namespace: string;
  readonly object: JsonObject;
}

export interface RealServer {
  readonly url: string;
  readonly caPem: string;
  readonly adminToken: string;
}

function requester(server: RealServer): (method: string, path: string, body: unknown, contentType?: string) => Promise<JsonObject> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca: server.caPem });
  return (method, path, body, contentType = 'application/json') => new Promise((resolve, reject) => {
    const req = https.request(`${server.url}${path}`, { method, agent, headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': contentType } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve(JSON.parse(text) as JsonObject) : reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 300)}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Runs `work` over `items` with `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  }));
}

export async function seedRealCluster(server: RealServer, namespaceCount: number, perNamespace: number): Promise<SeedCounts> {
  const send = requester(server);
  const namespaces = benchNamespaces(namespaceCount);
  // seedRollouts writes through ClusterStore.create only; this stand-in records what it would create,
  // with a placeholder uid that owner references point at until the server assigns the real one.
  const pending: Pending[] = [];
  let uid = 0;
  const recorder = {
    create(resource: string, object: JsonObject, options: { namespace: string }): JsonObject {
      const k = KINDS[resource];
      if (!k) throw new Error(`the real-cluster seeder does not know ${resource}`);
      const full: JsonObject = { apiVersion: k.apiVersion, kind: k.kind, ...object, metadata: { ...(object.metadata as JsonObject), namespace: options.namespace, uid: `placeholder-${uid++}` } };
      pending.push({ resource, namespace: options.namespace, object: full });
      return full;
    },
  };
  const counts = seedRollouts(recorder as unknown as ClusterStore, namespaces, perNamespace);

  await inParallel(namespaces, 8, async (ns) => {
    await send('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    // No controller-manager runs, so nobody creates the ServiceAccount pods are admitted with.
    await send('POST', `/api/v1/namespaces/${ns}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
  });
  const realUid = new Map<string, string>();
  const post = async (p: Pending): Promise<void> => {
    const k = KINDS[p.resource];
    if (!k) return;
    const { status, ...withoutStatus } = p.object;
    const rest: JsonObject = k.statusSubresource ? withoutStatus : p.object;
    const metadata = { ...(rest.metadata as JsonObject) };
    const placeholder = String(metadata.uid);
    delete metadata.uid;
    if (Array.isArray(metadata.ownerReferences)) {
      metadata.ownerReferences = (metadata.ownerReferences as JsonObject[]).map((r) => ({ ...r, uid: realUid.get(String(r.uid)) ?? String(r.uid) }));
    }
    const created = await send('POST', `${k.base}/namespaces/${p.namespace}/${p.resource}`, { ...rest, metadata });
    realUid.set(placeholder, String((created.metadata as JsonObject).uid));
    if (status !== undefined && k.statusSubresource) {
      await send('PATCH', `${k.base}/namespaces/${p.namespace}/${p.resource}/${String(metadata.name)}/status`, { status }, 'application/merge-patch+json');
    }
  };
  // Owners before what they own.
  for (const kind of ['rollouts', 'replicasets', 'pods', 'analysisruns']) await inParallel(pending.filter((p) => p.resource === kind), 16, post);
  return counts;
}
