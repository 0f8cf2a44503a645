import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { stringify } from 'yaml';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { loadKubeContexts, type KubeContexts } from '../../../src/kube/kubeContexts';

interface UserSpec {
  token?: string;
  exec?: { command: string; args?: string[] };
}

function kubeconfig(o: { contexts: { name: string; server: string; ca?: string; namespace?: string; user?: UserSpec; insecure?: boolean }[]; current?: string }): string {
  return stringify({
    apiVersion: 'v1', kind: 'Config',
    clusters: o.contexts.map((c) => ({
      name: c.name,
      cluster: { server: c.server, ...(c.ca ? { 'certificate-authority-data': Buffer.from(c.ca).toString('base64') } : {}), ...(c.insecure ? { 'insecure-skip-tls-verify': true } : {}) },
    })),
    users: o.contexts.map((c) => ({
      name: `${c.name}-user`,
      user: c.user?.exec ? { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: c.user.exec.command, args: c.user.exec.args ?? [], interactiveMode: 'Never' } } : { token: c.user?.token ?? 'x' },
    })),
    contexts: o.contexts.map((c) => ({ name: c.name, context: { cluster: c.name, user: `${c.name}-user`, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    ...(o.current ? { 'current-context': o.current } : {}),
  });
}

function loaded(result: ReturnType<typeof loadKubeContexts>): KubeContexts {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

describe('Kubeconfig loading and contexts', function () {
  this.timeout(20000);
  let dir: string;
  let cluster: TestCluster;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-contexts-'));
    cluster = await startTestCluster({ contextName: 'kind-dev' });
  });
  after(async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('merges every file in KUBECONFIG like kubectl: the first file to name a context or current-context wins, missing files are skipped', async () => {
    const a = await file('a.yaml', kubeconfig({ contexts: [{ name: 'shared', server: 'https://a.example:6443', namespace: 'from-a' }], current: 'shared' }));
    const b = await file('b.yaml', kubeconfig({ contexts: [{ name: 'shared', server: 'https://b.example:6443' }, { name: 'only-b', server: 'https://b.example:6443' }], current: 'only-b' }));
    const kc = loaded(loadKubeContexts({ env: { KUBECONFIG: [join(dir, 'missing.yaml'), a, b].join(delimiter) } }));
    assert.deepEqual(kc.contexts().map((c) => [c.name, c.server, c.namespace]), [['shared', 'https://a.example:6443', 'from-a'], ['only-b', 'https://b.example:6443', undefined]]);
    assert.equal(kc.currentContext, 'shared');
    assert.equal(kc.currentNamespace, 'from-a');
  });

  it('prefers an explicit kubeconfig path over KUBECONFIG', async () => {
    const a = await file('explicit.yaml', kubeconfig({ contexts: [{ name: 'explicit', server: 'https://e.example' }], current: 'explicit' }));
    const b = await file('env.yaml', kubeconfig({ contexts: [{ name: 'env', server: 'https://v.example' }], current: 'env' }));
    assert.equal(loaded(loadKubeContexts({ path: a, env: { KUBECONFIG: b } })).currentContext, 'explicit');
  });

  it('reads ~/.kube/config when KUBECONFIG is not set', async () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    await writeFile(join(home, '.kube', 'config'), kubeconfig({ contexts: [{ name: 'home-ctx', server: 'https://h.example' }], current: 'home-ctx' }));
    assert.equal(loaded(loadKubeContexts({ env: {}, homeDir: home })).currentContext, 'home-ctx');
  });

  it('says where it looked when there is no kubeconfig at all', () => {
    const result = loadKubeContexts({ env: {}, homeDir: join(dir, 'nobody') });
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'config');
    assert.match(result.error.message, /^The kubeconfig cannot be used: no kubeconfig found \(looked for .*nobody.\.kube.config\)\./);
  });

  it('lists contexts with short display names for EKS and GKE', async () => {
    const path = await file('cloud.yaml', kubeconfig({ contexts: [
      { name: 'arn:aws:eks:eu-west-1:123456789012:cluster/prod', server: 'https://eks.example' },
      { name: 'gke_proj-1_europe-west1-b_staging', server: 'https://gke.example' },
    ] }));
    assert.deepEqual(loaded(loadKubeContexts({ path })).contexts().map((c) => c.displayName), ['prod (eu-west-1)', 'staging']);
  });

  it('switches context and namespace in memory without writing the kubeconfig', async () => {
    const text = kubeconfig({ contexts: [{ name: 'one', server: 'https://1.example', namespace: 'team-a' }, { name: 'two', server: 'https://2.example' }], current: 'one' });
    const path = await file('switch.yaml', text);
    const kc = loaded(loadKubeContexts({ path }));
    kc.useNamespace('payments');
    assert.equal(kc.currentNamespace, 'payments');
    assert.ok(kc.useContext('two').ok);
    assert.deepEqual([kc.currentContext, kc.currentNamespace], ['two', 'default']);
    const conn = kc.connect();
    assert.ok(conn.ok);
    assert.equal(conn.value.server, 'https://2.example');
    assert.equal(await readFile(path, 'utf8'), text);
  });

  it('refuses to switch to a context the kubeconfig does not have', async () => {
    const kc = loaded(loadKubeContexts({ path: cluster.kubeconfigPath }));
    const result = kc.useContext('nope');
    assert.ok(!result.ok);
    assert.match(result.error.message, /there is no context named "nope"/);
    assert.equal(kc.currentContext, 'kind-dev');
  });

  it('talks to the cluster of the current context with its CA and token', async () => {
    const conn = loaded(loadKubeContexts({ path: cluster.kubeconfigPath })).connect();
    assert.ok(conn.ok);
    const answer = await conn.value.send({ method: 'GET', path: '/version' });
    assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
    assert.equal((answer.value.body as { gitVersion?: unknown }).gitVersion, 'v1.32.0');
  });

  it('keeps TLS verification on: a cluster whose CA the kubeconfig lacks is not trusted', async () => {
    const path = await file('no-ca.yaml', kubeconfig({ contexts: [{ name: 'no-ca', server: cluster.url, user: { token: cluster.token } }], current: 'no-ca' }));
    const conn = loaded(loadKubeContexts({ path })).connect();
    assert.ok(conn.ok);
    const answer = await conn.value.send({ method: 'GET', path: '/version' });
    assert.ok(!answer.ok);
    assert.equal(answer.error.kind, 'untrustedCertificate');
    assert.match(answer.error.message, /^The cluster at https:\/\/127\.0\.0\.1:\d+ \(context no-ca\) presented a certificate that is not trusted: unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\. Check certificate-authority-data/);
  });

  it('skips TLS verification only when the kubeconfig says insecure-skip-tls-verify', async () => {
    const path = await file('insecure.yaml', kubeconfig({ contexts: [{ name: 'insecure', server: cluster.url, insecure: true, user: { token: cluster.token } }], current: 'insecure' }));
    const conn = loaded(loadKubeContexts({ path })).connect();
    assert.ok(conn.ok);
    assert.ok((await conn.value.send({ method: 'GET', path: '/version' })).ok);
  });

  describe('exec credential plugins', () => {
    async function pluginConfig(name: string, script: string | undefined, command?: string): Promise<KubeContexts> {
      const exec = script === undefined ? { command: command ?? '' } : { command: process.execPath, args: [await file(`${name}.js`, script)] };
      const path = await file(`${name}.yaml`, kubeconfig({ contexts: [{ name, server: cluster.url, ca: cluster.caPem, user: { exec } }], current: name }));
      return loaded(loadKubeContexts({ path }));
    }

    it('authenticates with the token a plugin prints', async () => {
      const kc = await pluginConfig('plugin-ok', `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: ${JSON.stringify(cluster.token)} } }));`);
      const conn = kc.connect();
      assert.ok(conn.ok);
      const answer = await conn.value.send({ method: 'GET', path: '/api/v1/namespaces' });
      assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
    });

    it('says which user runs which command when the plugin is not on PATH', async () => {
      const kc = await pluginConfig('plugin-missing', undefined, 'argo-test-no-such-credential-plugin');
      const conn = kc.connect();
      assert.ok(conn.ok);
      const answer = await conn.value.send({ method: 'GET', path: '/version' });
      assert.ok(!answer.ok);
      assert.ok(answer.error.message.startsWith('The kubeconfig user "plugin-missing-user" runs "argo-test-no-such-credential-plugin" to get credentials, but "argo-test-no-such-credential-plugin" is not on PATH. Install it or'), answer.error.message);
    });

    it('kills a plugin that hangs and says it did not answer in time', async () => {
      const pidFile = join(dir, 'hanging.pid');
      const kc = await pluginConfig('plugin-hangs', `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`);
      const conn = kc.connect({ credentialTimeoutMs: 700 });
      assert.ok(conn.ok);
      const started = Date.now();
      const answer = await conn.value.send({ method: 'GET', path: '/version' });
      assert.ok(!answer.ok);
      assert.equal(answer.error.message, 'The kubeconfig user "plugin-hangs-user" runs "' + process.execPath + '" to get credentials, but it did not answer within 0.7s. Run it in a terminal to see whether it waits for a login, or switch context.');
      console.log(`      hanging plugin reported after ${Date.now() - started} ms`);
      const pid = Number(await readFile(pidFile, 'utf8'));
      assert.throws(() => process.kill(pid, 0), /ESRCH/);
    });

    it('quotes what a failing plugin wrote to stderr', async () => {
      const kc = await pluginConfig('plugin-fails', `process.stderr.write('error: SSO session expired'); process.exit(1);`);
      const conn = kc.connect();
      assert.ok(conn.ok);
      const answer = await conn.value.send({ method: 'GET', path: '/version' });
      assert.ok(!answer.ok);
      assert.match(answer.error.message, /runs ".*" to get credentials, but it failed: error: SSO session expired\. Run it in a terminal/);
    });
  });
});
