// Launch (server-side apply, field manager argo-rollouts-vscode) over a Rollout that others wrote first,
// as on a real cluster: kubectl's client-side apply, another server-side-apply manager, and a plain
// create/update as Helm and Argo CD without ServerSideApply do. The real API server decides the
// conflicts; the extension must name the real managers and fields, and Force Apply must take them over.
import { strict as assert } from 'node:assert';
import { FIELD_MANAGER } from '../../src/core/launch/fieldManager';
import { planLaunch, type ReadyLaunch } from '../../src/core/launch/planLaunch';
import type { ClusterConnection } from '../../src/kube/clusterConnection';
import { applyManifest } from '../../src/kube/applyManifest';
import { realWorld } from './hooks';
import { connectReal, createNamespace, getJson, kubectlOk } from './realClusterKit';

const NS = 'launch';

function rollout(name: string, tag: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name },
    spec: {
      replicas: 2, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: `ghcr.io/example/web:${tag}` }] } },
      strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }], ...extra } },
    },
  };
}

describe('Launch by server-side apply on the real API server', function () {
  let conn: ClusterConnection;

  const plan = async (manifest: Record<string, unknown>): Promise<ReadyLaunch> => {
    const name = String((manifest.metadata as { name: string }).name);
    const live = await realWorld().cluster.kubectl(['get', 'rollout', name, '-n', NS, '-o', 'json']);
    const p = planLaunch({ manifest, span: { start: 0, end: 1 } }, live.code === 0 ? JSON.parse(live.stdout) : undefined, { context: realWorld().cluster.contextName, namespace: NS, lintFindings: [] });
    assert.equal(p.verdict, 'ready', 'message' in p ? p.message : '');
    return p as ReadyLaunch;
  };
  const imageOf = async (name: string): Promise<string> =>
    ((await getJson(realWorld().cluster, ['rollout', name, '-n', NS])) as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]?.image ?? '';

  before(async () => {
    await createNamespace(realWorld().cluster, NS);
    conn = connectReal(realWorld().cluster);
  });
  after(() => conn.dispose());

  it('creates a new Rollout and records argo-rollouts-vscode as the manager of its fields', async () => {
    const applied = await applyManifest(conn, await plan(rollout('fresh', '1.0')));
    assert.ok(applied.ok, applied.ok ? '' : applied.error.message);
    assert.equal(applied.value.created, true);
    const live = await getJson(realWorld().cluster, ['rollout', 'fresh', '-n', NS, '--show-managed-fields']) as { metadata: { managedFields: { manager: string; operation: string }[] } };
    assert.deepEqual(live.metadata.managedFields.filter((m) => m.operation === 'Apply').map((m) => m.manager), [FIELD_MANAGER]);
  });

  const conflictCases: { title: string; name: string; manager: string; write: (m: string) => Promise<void> }[] = [
    {
      title: 'kubectl apply (client-side)', name: 'by-kubectl', manager: 'kubectl-client-side-apply',
      write: async (m) => void await kubectlOk(realWorld().cluster, ['apply', '-n', NS, '-f', '-'], m),
    },
    {
      title: 'another server-side-apply manager', name: 'by-other-ssa', manager: 'other-tool',
      write: async (m) => void await kubectlOk(realWorld().cluster, ['apply', '--server-side', '--field-manager', 'other-tool', '-n', NS, '-f', '-'], m),
    },
    {
      title: 'a plain create as Helm does', name: 'by-helm', manager: 'helm',
      write: async (m) => void await kubectlOk(realWorld().cluster, ['create', '--field-manager', 'helm', '-n', NS, '-f', '-'], m),
    },
  ];
  for (const c of conflictCases) {
    it(`over a Rollout written by ${c.title}, names manager "${c.manager}" and the image field, changes nothing, and Force Apply takes it over`, async () => {
      await c.write(JSON.stringify(rollout(c.name, '1.0')));
      const launch = await plan(rollout(c.name, '2.0'));
      const first = await applyManifest(conn, launch);
      assert.ok(!first.ok, 'the apply over another manager\'s image must conflict');
      assert.equal(first.error.kind, 'fieldConflict', first.error.message);
      assert.match(first.error.message, new RegExp(`"?${c.manager}"?`));
      assert.match(first.error.message, /\.spec\.template\.spec\.containers\[name="web"\]\.image/);
      assert.equal(await imageOf(c.name), 'ghcr.io/example/web:1.0', 'a refused apply changes nothing');
      const forced = await applyManifest(conn, launch, { force: true });
      assert.ok(forced.ok, forced.ok ? '' : forced.error.message);
      assert.equal(await imageOf(c.name), 'ghcr.io/example/web:2.0');
    });
  }

  it('predicts the spec the server holds after the apply: keyed lists merge by name and another manager\'s sidecar stays', async () => {
    const name = 'keyed';
    const withContainers = (containers: object[]): Record<string, unknown> => {
      const r = rollout(name, '1.0') as { spec: { template: { spec: { containers: object[] } } } };
      r.spec.template.spec.containers = containers;
      return r as unknown as Record<string, unknown>;
    };
    const first = await applyManifest(conn, await plan(withContainers([{ name: 'web', image: 'ghcr.io/example/web:1.0', env: [{ name: 'A', value: '1' }] }])));
    assert.ok(first.ok, first.ok ? '' : first.error.message);
    // A mesh injector's manager adds a sidecar by server-side apply.
    await kubectlOk(realWorld().cluster, ['apply', '--server-side', '--field-manager', 'mesh-injector', '-n', NS, '-f', '-'], JSON.stringify({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name },
      spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.30' }] } } },
    }));
    const launch = await plan(withContainers([{ name: 'web', image: 'ghcr.io/example/web:2.0', env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }] }]));
    const containersOf = (spec: unknown): string[] => ((spec as { spec: { template: { spec: { containers: { name: string; image: string; env?: { name: string; value: string }[] }[] } } } }).spec.template.spec.containers)
      .map((c) => `${c.name}=${c.image}${c.env ? ` [${c.env.map((e) => `${e.name}=${e.value}`).sort().join(',')}]` : ''}`).sort();
    const predicted = containersOf(launch.description.afterApply);
    const applied = await applyManifest(conn, launch);
    assert.ok(applied.ok, applied.ok ? '' : applied.error.message);
    const live = containersOf(await getJson(realWorld().cluster, ['rollout', name, '-n', NS]));
    assert.deepEqual(live, ['proxy=envoyproxy/envoy:v1.30', 'web=ghcr.io/example/web:2.0 [A=1,B=2]'], 'the server kept the sidecar and merged env by name');
    assert.deepEqual(predicted, live, 'the launch diff predicted what the server did');
  });

  it('names the field the CRD does not declare when the server refuses the manifest', async () => {
    const launch = await plan(rollout('unknown-field', '1.0', { notAnArgoField: true }));
    const applied = await applyManifest(conn, launch);
    assert.ok(!applied.ok, 'the server refuses a field its schema does not declare');
    assert.match(applied.error.message, /notAnArgoField/);
    assert.doesNotMatch(applied.error.message, /health/i, 'not an API server health problem');
    const r = await realWorld().cluster.kubectl(['get', 'rollout', 'unknown-field', '-n', NS]);
    assert.notEqual(r.code, 0, 'nothing was created');
  });
});
