import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { RESOURCES } from '../../../testbed/apiDouble/resourceTable';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { humanDuration, tableRequested } from '../../../testbed/apiDouble/tableOutput';
import { describeWithCorpus } from '../../support/argoRolloutsCorpus';
import { kubectl, kubectlPresent } from './kubectlKit';

// The double answers `kubectl get` with Tables as the API server does (issue 9 §3.11); the real-cluster
// suite (test/realCluster/07-tableOutput.test.ts) compares the same objects against the real server.

const T0 = Date.parse('2026-12-08T10:00:00Z');

describe('Table answers of the API double', () => {
  it('are what a client gets when its Accept header asks for a Table first, as kubectl get does', () => {
    assert.deepEqual(tableRequested('application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'), { version: 'v1' });
    assert.deepEqual(tableRequested('application/json;as=Table;v=v1beta1;g=meta.k8s.io, application/json'), { version: 'v1beta1' });
    assert.equal(tableRequested('application/json'), undefined);
    assert.equal(tableRequested(undefined), undefined);
    assert.equal(tableRequested('application/json, application/json;as=Table;v=v1;g=meta.k8s.io'), undefined, 'plain JSON comes first');
    assert.equal(tableRequested('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json'), undefined);
  });

  it('say ages as the API server does (apimachinery duration.HumanDuration)', () => {
    const s = 1000;
    const h = 3600 * s;
    const cases: [number, string][] = [
      [-2 * s, '<invalid>'], [-1999, '0s'], [0, '0s'], [70 * s, '70s'], [120 * s - 1, '119s'], [120 * s, '2m'], [190 * s, '3m10s'],
      [10 * 60 * s, '10m'], [70 * 60 * s, '70m'], [3 * h, '3h'], [3 * h + 60 * s, '3h1m'], [8 * h + 59 * 60 * s, '8h'], [47 * h, '47h'],
      [49 * h, '2d1h'], [(8 * 24 + 2) * h, '8d'], [367 * 24 * h, '367d'], [(365 * 2 * 24 + 25) * h, '2y1d'], [(365 * 8 * 24 + 2) * h, '8y'],
    ];
    for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms} ms`);
  });

  describe('over HTTPS', () => {
    let cluster: TestCluster;
    let now = T0;
    before(async () => {
      cluster = await startTestCluster({ now: () => new Date(now) });
      cluster.store.create('rollouts', {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3 },
      });
      cluster.store.patchStatus({ resource: 'rollouts', namespace: 'default', name: 'web' }, { replicas: 3, updatedReplicas: 1, availableReplicas: 2 });
      cluster.store.create('analysisruns', { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'web-1', namespace: 'default' }, spec: {}, status: { phase: 'Running' } });
      now = T0 + 190_000;
    });
    after(async () => {
      await cluster.stop();
    });

    function table(apiPath: string, accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'): Promise<Record<string, unknown>> {
      return new Promise((resolve, reject) => {
        https.get(`${cluster.url}${apiPath}`, { ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}`, Accept: accept } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString('utf8')));
          res.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
        }).on('error', reject);
      });
    }

    it('list rollouts with the CRD\'s printer columns after Name, integers as integers, and the age from the store\'s clock', async () => {
      const t = await table('/apis/argoproj.io/v1alpha1/namespaces/default/rollouts');
      assert.equal(t.kind, 'Table');
      assert.deepEqual((t.columnDefinitions as { name: string; type: string }[]).map((c) => `${c.name}:${c.type}`),
        ['Name:string', 'Desired:integer', 'Current:integer', 'Up-to-date:integer', 'Available:integer', 'Age:date']);
      const rows = t.rows as { cells: unknown[]; object: { kind: string; metadata: { name: string } } }[];
      assert.deepEqual(rows.map((r) => r.cells), [['web', 3, 3, 1, 2, '3m10s']]);
      assert.equal(rows[0]?.object.kind, 'PartialObjectMetadata');
      assert.equal(rows[0]?.object.metadata.name, 'web');
    });

    it('get one object as a one-row Table, and carry the whole object or none when includeObject says so', async () => {
      const one = await table('/apis/argoproj.io/v1alpha1/namespaces/default/analysisruns/web-1?includeObject=Object');
      const rows = one.rows as { cells: unknown[]; object: { kind: string } }[];
      assert.deepEqual(rows.map((r) => r.cells), [['web-1', 'Running', '3m10s']]);
      assert.equal(rows[0]?.object.kind, 'AnalysisRun');
      const none = await table('/apis/argoproj.io/v1alpha1/namespaces/default/analysisruns?includeObject=None');
      assert.equal((none.rows as { object?: unknown }[])[0]?.object, undefined);
      const bad = await table('/apis/argoproj.io/v1alpha1/namespaces/default/analysisruns?includeObject=All');
      assert.equal(bad.reason, 'BadRequest');
    });

    it('stay plain objects for a client that asks for JSON', async () => {
      const list = await table('/apis/argoproj.io/v1alpha1/namespaces/default/rollouts', 'application/json');
      assert.equal(list.kind, 'RolloutList');
    });

    it('make kubectl get rollouts print the printer columns, not only NAME and AGE', async function () {
      if (!kubectlPresent()) {
        console.warn(`skipped: '${kubectl}' is not installed (set KUBECTL to its path)`);
        this.skip();
      }
      const home = await mkdtemp(path.join(tmpdir(), 'table-kubectl-'));
      try {
        const out = await new Promise<string>((resolve, reject) => execFile(kubectl, ['--kubeconfig', cluster.kubeconfigPath, '--cache-dir', path.join(home, 'cache'), 'get', 'rollouts,analysisruns'],
          { env: { ...process.env, HOME: home } }, (err, stdout, stderr) => (err ? reject(new Error(stderr)) : resolve(stdout))));
        const lines = out.split('\n').map((l) => l.trim().split(/\s+/).join(' '));
        assert.deepEqual(lines.filter((l) => l !== ''), [
          'NAME DESIRED CURRENT UP-TO-DATE AVAILABLE AGE', 'rollout.argoproj.io/web 3 3 1 2 3m10s',
          'NAME STATUS AGE', 'analysisrun.argoproj.io/web-1 Running 3m10s',
        ]);
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    });
  });
});

describeWithCorpus('The API double\'s printer columns', (corpus) => {
  const files: Record<string, string> = {
    rollouts: 'rollout-crd.yaml', analysisruns: 'analysis-run-crd.yaml', analysistemplates: 'analysis-template-crd.yaml',
    clusteranalysistemplates: 'cluster-analysis-template-crd.yaml', experiments: 'experiment-crd.yaml',
  };
  for (const [plural, file] of Object.entries(files)) {
    it(`are the additionalPrinterColumns of the ${plural} CRD`, () => {
      const crd = parse(fs.readFileSync(path.join(corpus, 'crd', file), 'utf8')) as { spec: { versions: { name: string; additionalPrinterColumns?: unknown[] }[] } };
      const columns = crd.spec.versions.find((v) => v.name === 'v1alpha1')?.additionalPrinterColumns;
      assert.deepEqual(RESOURCES.find((r) => r.group === 'argoproj.io' && r.plural === plural)?.printerColumns, columns);
    });
  }
});
