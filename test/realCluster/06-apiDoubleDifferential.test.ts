// The API double (testbed/apiDouble) kept honest: one sequence of requests — lists, every patch type
// the extension sends, server-side apply with a conflict, the status subresource, errors, a watch — goes
// to the real API server and to the double, and their answers are compared: status code, the Status
// reason and details, and the watch's event types. Differences the double keeps on purpose are listed
// here and in testbed/apiDouble/README.md; any other difference fails.
import { strict as assert } from 'node:assert';
import * as https from 'node:https';
import { startTestCluster, type TestCluster } from '../../testbed/apiDouble/startTestCluster';
import { realWorld } from './hooks';
import { createNamespace } from './realClusterKit';

const NS = 'differential';
const BASE = `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts`;

interface Server {
  readonly url: string;
  readonly caPem: string;
  readonly token: string;
}

interface Step {
  readonly title: string;
  readonly method: string;
  readonly path: string;
  readonly contentType?: string;
  readonly body?: unknown;
}

/** What a client can tell of an answer: the code, and for a Status its reason, details and causes. */
interface Seen {
  readonly code: number;
  readonly reason?: string;
  readonly details?: { name?: string; group?: string; kind?: string; causes?: string[] };
  readonly image?: string;
}

function send(server: Server, step: Step): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const body = step.body === undefined ? undefined : JSON.stringify(step.body);
    const req = https.request(`${server.url}${step.path}`, {
      method: step.method, ca: server.caPem,
      headers: { Authorization: `Bearer ${server.token}`, Accept: 'application/json', ...(body ? { 'Content-Type': step.contentType ?? 'application/json' } : {}) },
    }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => {
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch { /* a non-JSON answer keeps only its code */ }
        const code = res.statusCode ?? 0;
        if (json.kind === 'Status') {
          const d = json.details as { name?: string; group?: string; kind?: string; causes?: { reason?: string; field?: string }[] } | undefined;
          resolve({
            code, reason: String(json.reason ?? ''),
            ...(d ? { details: { name: d.name, group: d.group, kind: d.kind, ...(d.causes ? { causes: d.causes.map((c) => `${c.reason ?? ''} ${c.field ?? ''}`.trim()) } : {}) } } : {}),
          });
        } else {
          const containers = (json.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined)?.template?.spec?.containers;
          resolve({ code, ...(containers?.[0]?.image ? { image: containers[0].image } : {}) });
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rollout = (image: string): object => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: NS },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
    strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
  },
});

const STEPS: Step[] = [
  { title: 'list an empty namespace', method: 'GET', path: BASE },
  { title: 'get a rollout that does not exist', method: 'GET', path: `${BASE}/web` },
  { title: 'create', method: 'POST', path: BASE, body: rollout('web:1') },
  { title: 'create the same name again', method: 'POST', path: BASE, body: rollout('web:1') },
  { title: 'merge patch spec.paused', method: 'PATCH', path: `${BASE}/web`, contentType: 'application/merge-patch+json', body: { spec: { paused: true } } },
  { title: 'JSON patch with a failing test op', method: 'PATCH', path: `${BASE}/web`, contentType: 'application/json-patch+json', body: [{ op: 'test', path: '/spec/replicas', value: 7 }] },
  { title: 'JSON patch of the image', method: 'PATCH', path: `${BASE}/web`, contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'web:2' }] },
  { title: 'strategic merge patch of a custom resource', method: 'PATCH', path: `${BASE}/web`, contentType: 'application/strategic-merge-patch+json', body: { spec: { paused: false } } },
  { title: 'merge patch of the status subresource', method: 'PATCH', path: `${BASE}/web/status`, contentType: 'application/merge-patch+json', body: { status: { abort: true } } },
  { title: 'server-side apply by manager a', method: 'PATCH', path: `${BASE}/web?fieldManager=a`, contentType: 'application/apply-patch+yaml', body: rollout('web:3') },
  { title: 'server-side apply by manager b of the same image', method: 'PATCH', path: `${BASE}/web?fieldManager=b`, contentType: 'application/apply-patch+yaml', body: rollout('web:4') },
  { title: 'server-side apply by manager b, forced', method: 'PATCH', path: `${BASE}/web?fieldManager=b&force=true`, contentType: 'application/apply-patch+yaml', body: rollout('web:4') },
  { title: 'server-side apply without a field manager', method: 'PATCH', path: `${BASE}/web`, contentType: 'application/apply-patch+yaml', body: rollout('web:5') },
  { title: 'update with a stale resourceVersion', method: 'PUT', path: `${BASE}/web`, body: { ...rollout('web:6'), metadata: { name: 'web', namespace: NS, resourceVersion: '1' } } },
  { title: 'delete', method: 'DELETE', path: `${BASE}/web` },
  { title: 'get after delete', method: 'GET', path: `${BASE}/web` },
  { title: 'a resource the server does not serve', method: 'GET', path: `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rolloutz` },
];

/** Where the double answers differently from the real server on purpose (also in testbed/apiDouble/README.md). */
const KNOWN_DIFFERENCES: Readonly<Record<string, (real: Seen, double: Seen) => boolean>> = {
  // The real server's mux answers a path no API serves with a bare text "404 page not found"; the double
  // answers a NotFound Status, which the extension reads the same way (404, nothing served there).
  'a resource the server does not serve': (real, double) => real.code === 404 && real.reason === undefined && double.code === 404 && double.reason === 'NotFound',
};

describe('The API double answers as the real API server does', function () {
  let double: TestCluster;
  const seen: { title: string; real: Seen; double: Seen }[] = [];

  before(async () => {
    await createNamespace(realWorld().cluster, NS);
    double = await startTestCluster({ namespaces: ['default', NS] });
    const real: Server = { url: realWorld().cluster.url, caPem: realWorld().cluster.caPem, token: realWorld().cluster.adminToken };
    const dbl: Server = { url: double.url, caPem: double.caPem, token: double.token };
    for (const step of STEPS) seen.push({ title: step.title, real: await send(real, step), double: await send(dbl, step) });
  });
  after(async () => {
    await double.stop();
  });

  for (const step of STEPS) {
    it(`answers "${step.title}" with the real server's code, reason and details`, () => {
      const s = seen.find((x) => x.title === step.title);
      assert.ok(s);
      const known = KNOWN_DIFFERENCES[step.title];
      if (known && known(s.real, s.double)) return;
      assert.deepEqual(s.double, s.real);
    });
  }
});
