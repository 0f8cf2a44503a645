// `kubectl get` prints what the API server's Table answer holds: a custom resource's printer columns
// from its CRD, a built-in kind's columns from the server's own printers. The same objects — a Rollout
// the real controller made Healthy, its ReplicaSet and pods, a Service and a terminated AnalysisRun — are
// copied, status and all, from the real cluster into the API double; the real kubectl (the one built
// from Go modules, and /usr/bin/kubectl when present) then prints them from both, and the headers and
// rows must be equal, ages aside (each side stamps its own creation time).
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonObject } from '../../testbed/apiDouble/jsonValue';
import { RESOURCES, type PrinterColumn } from '../../testbed/apiDouble/resourceTable';
import { startTestCluster, type TestCluster } from '../../testbed/apiDouble/startTestCluster';
import { realWorld } from './hooks';
import { createNamespace, eventually, getJson, kubectlOk } from './realClusterKit';

const NS = 'table-output';
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

const manifests = {
  apiVersion: 'v1', kind: 'List', items: [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
    {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: NS },
      spec: {
        replicas: 2, selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
        strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
      },
    },
    {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'web-check', namespace: NS },
      spec: { terminate: true, metrics: [{ name: 'ok', provider: { job: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } } }] },
    },
  ],
};

interface Printed {
  readonly header: string[];
  readonly rows: string[][];
}

/** kubectl's columns cut at the header's column starts (cells may be empty), without AGE. */
function parseTables(text: string): Printed[] {
  const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').filter((l) => l.trim() !== '')).filter((b) => b.length > 0);
  return blocks.map(([headerLine = '', ...lines]) => {
    const starts = [...headerLine.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index);
    const cut = (line: string): string[] => starts.map((s, i) => line.slice(s, starts[i + 1]).trim());
    const header = cut(headerLine);
    const ageAt = header.indexOf('AGE');
    const withoutAge = (cells: string[]): string[] => cells.filter((_, i) => i !== ageAt);
    return { header, rows: lines.map((l) => withoutAge(cut(l))) };
  });
}

function runKubectl(bin: string, kubeconfig: string, context: string, args: readonly string[], home: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, ['--kubeconfig', kubeconfig, '--context', context, '--cache-dir', path.join(home, 'cache', context), ...args], { env: { ...process.env, HOME: home } },
      (err, stdout, stderr) => (err ? reject(new Error(`${bin} ${args.join(' ')}: ${stderr}`)) : resolve(stdout)));
  });
}

function tableOf(server: { url: string; caPem: string; token: string }, apiPath: string): Promise<JsonObject> {
  return new Promise((resolve, reject) => {
    https.get(`${server.url}${apiPath}`, { ca: server.caPem, headers: { Authorization: `Bearer ${server.token}`, Accept: TABLE_ACCEPT } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text) as JsonObject) : reject(new Error(`${apiPath}: ${res.statusCode} ${text}`))));
    }).on('error', reject);
  });
}

interface TableShape {
  readonly kind: unknown;
  readonly columns: { name: unknown; type: unknown; format: unknown; priority: unknown; description?: unknown }[];
  readonly rows: { cells: unknown[]; object: unknown }[];
}

/** A Table as a client reads it: column definitions (descriptions for Argo kinds), cells but Age, each row's object kind and name. */
function shapeOf(table: JsonObject, withDescriptions: boolean): TableShape {
  const columns = (table.columnDefinitions as { name: string; type: string; format: string; priority: number; description: string }[]);
  const ageAt = columns.findIndex((c) => c.name === 'Age');
  return {
    kind: table.kind,
    columns: columns.map((c) => ({ name: c.name, type: c.type, format: c.format, priority: c.priority, ...(withDescriptions ? { description: c.description } : {}) })),
    rows: (table.rows as { cells: unknown[]; object?: { kind?: string; metadata?: { name?: string } } }[])
      .map((r) => ({ cells: r.cells.filter((_, i) => i !== ageAt), object: `${r.object?.kind ?? ''}/${r.object?.metadata?.name ?? ''}` })),
  };
}

/** Real kubectl binaries to print with: the one built from Go modules, and the system's when there is one. */
function kubectls(): string[] {
  const bins = [realWorld().cluster.binaries.kubectl];
  if (fs.existsSync('/usr/bin/kubectl')) bins.push('/usr/bin/kubectl');
  return bins;
}

describe('kubectl get prints the same columns from the API double as from the real API server', function () {
  this.timeout(180_000);
  let double: TestCluster;
  let home: string;

  before(async () => {
    const { cluster } = realWorld();
    await createNamespace(cluster, NS);
    await kubectlOk(cluster, ['apply', '-f', '-'], JSON.stringify(manifests));
    await eventually('rollout web Healthy with 2 available pods', async () => {
      const ro = await getJson(cluster, ['rollout', 'web', '-n', NS]) as { status?: { phase?: string; availableReplicas?: number } };
      return ro.status?.phase === 'Healthy' && ro.status.availableReplicas === 2 ? true : undefined;
    });
    await eventually('the AnalysisRun terminated', async () => {
      const ar = await getJson(cluster, ['analysisrun', 'web-check', '-n', NS]) as { status?: { phase?: string } };
      return ar.status?.phase === 'Successful' ? true : undefined;
    });
    await eventually('both pods Running and ready', async () => {
      const pods = await getJson(cluster, ['pods', '-n', NS]) as { items: { status?: { containerStatuses?: { ready?: boolean }[] } }[] };
      return pods.items.length === 2 && pods.items.every((p) => p.status?.containerStatuses?.every((c) => c.ready)) ? true : undefined;
    });
    double = await startTestCluster({ namespaces: ['default', NS] });
    // The same objects, status and all (the double stamps its own uid, creation time and resourceVersion).
    for (const resource of ['services', 'replicasets', 'pods', 'rollouts', 'analysisruns']) {
      const list = await getJson(cluster, [resource, '-n', NS]) as { items: JsonObject[] };
      for (const item of list.items) double.store.create(resource, item, { namespace: NS, keepStatus: true });
    }
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'table-output-'));
  });
  after(async () => {
    await double?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('declares the printer columns of the v1.9.1 CRDs the real API server serves', async () => {
    const crds = await getJson(realWorld().cluster, ['crd']) as { items: { spec: { group: string; names: { plural: string }; versions: { name: string; additionalPrinterColumns?: PrinterColumn[] }[] } }[] };
    const argo = crds.items.filter((c) => c.spec.group === 'argoproj.io');
    assert.equal(argo.length, 5);
    for (const crd of argo) {
      const served = crd.spec.versions.find((v) => v.name === 'v1alpha1')?.additionalPrinterColumns ?? [];
      const ours = RESOURCES.find((r) => r.group === 'argoproj.io' && r.plural === crd.spec.names.plural)?.printerColumns;
      assert.deepEqual(ours, served.map((c) => ({ name: c.name, type: c.type, jsonPath: c.jsonPath, description: c.description, ...(c.priority ? { priority: c.priority } : {}) })), crd.spec.names.plural);
    }
  });

  const prints: { title: string; args: string[] }[] = [
    { title: 'rollouts and analysisruns', args: ['get', 'rollouts,analysisruns', '-n', NS] },
    { title: 'one rollout by name', args: ['get', 'rollout', 'web', '-n', NS] },
    { title: 'replicasets, pods and services, wide', args: ['get', 'replicasets,pods,services', '-n', NS, '-o', 'wide'] },
    { title: 'the namespace', args: ['get', 'namespace', NS] },
  ];
  for (const { title, args } of prints) {
    it(`prints ${title} with the real server's header and rows (kubectl ${args.join(' ')})`, async () => {
      const { cluster } = realWorld();
      for (const bin of kubectls()) {
        const real = parseTables(await runKubectl(bin, cluster.kubeconfigPath, cluster.contextName, args, home));
        const dbl = parseTables(await runKubectl(bin, double.kubeconfigPath, double.contextName, args, home));
        assert.ok(real.length > 0 && real.every((t) => t.rows.length > 0), `the real server printed rows for ${title}`);
        assert.deepEqual(dbl, real, `${bin}: the double's table differs from the real server's`);
      }
    });
  }

  it('prints the rollout header as the real server does: NAME DESIRED CURRENT UP-TO-DATE AVAILABLE AGE', async () => {
    const { cluster } = realWorld();
    const dbl = parseTables(await runKubectl(cluster.binaries.kubectl, double.kubeconfigPath, double.contextName, ['get', 'rollouts', '-n', NS], home));
    assert.deepEqual(dbl[0]?.header, ['NAME', 'DESIRED', 'CURRENT', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    assert.deepEqual(dbl[0]?.rows, [['web', '2', '2', '2', '2']]);
  });

  const tables = [
    `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts`, `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/web`,
    `/apis/argoproj.io/v1alpha1/namespaces/${NS}/analysisruns`, `/apis/argoproj.io/v1alpha1/namespaces/${NS}/analysistemplates`,
    `/apis/argoproj.io/v1alpha1/namespaces/${NS}/experiments`, `/apis/apps/v1/namespaces/${NS}/replicasets`,
    `/api/v1/namespaces/${NS}/pods`, `/api/v1/namespaces/${NS}/services`, `/api/v1/namespaces/${NS}`,
  ];
  for (const apiPath of tables) {
    it(`answers a Table request for ${apiPath} with the real server's column definitions and cells`, async () => {
      const { cluster } = realWorld();
      const argo = apiPath.includes('argoproj.io');
      const real = shapeOf(await tableOf({ url: cluster.url, caPem: cluster.caPem, token: cluster.adminToken }, apiPath), argo);
      const dbl = shapeOf(await tableOf({ url: double.url, caPem: double.caPem, token: double.token }, apiPath), argo);
      assert.deepEqual(dbl, real);
    });
  }
});
