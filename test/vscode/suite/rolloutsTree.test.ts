// The live Rollouts view against the Kubernetes API double that runVsCodeTests.js starts (see
// test/vscode/testCluster.ts): default/gitops-hugo is Healthy, payments/gitops-hugo Paused.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { control, rowAt, rowIfAny, rows, waitForTree, openRolloutsView } from './clusterHelpers';

async function openWatches(count?: number): Promise<number> {
  const answer = await control('GET', count === undefined ? '/watches' : `/watches?count=${count}`);
  return Number(answer['count']);
}

/** Like waitForTree, but `ok` is checked only after tree events: reading the rows must not be what brings the change in. */
function afterTreeEvents(tree: RolloutsTreeProvider, ok: () => Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no tree event after which ${what}, within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = tree.onDidChangeTreeData(() => void ok().then((yes) => {
      if (!yes) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }, reject));
  });
}

async function setNamespaces(value: string[]): Promise<void> {
  await vscode.workspace.getConfiguration('argoRollouts').update('namespaces', value, vscode.ConfigurationTarget.Global);
}

describe('the Rollouts view', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
  });

  after(async () => {
    await setNamespaces([]);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('shows the context with its namespace, and the healthy rollout with its revision, ReplicaSet and pods', async () => {
    const [context] = await rows(tree);
    assert.equal(context?.label, 'test-cluster');
    assert.equal(context?.description, 'default');
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster', 'default')).el)).some((r) => r.label === 'gitops-hugo'), 'the first list');
    const rollout = await rowAt(tree, 'test-cluster', 'default', 'gitops-hugo');
    assert.equal(rollout.description, 'Healthy · step 8/8 · 100%');
    const [revision] = await rows(tree, rollout.el);
    assert.equal(revision?.label, 'revision:1');
    const [rs] = await rows(tree, revision?.el);
    assert.match(rs?.description ?? '', /^Healthy · stable$/);
    const pods = await rows(tree, rs?.el);
    assert.equal(pods.length, 5);
    assert.ok(pods.every((p) => p.description === 'Running · ready:1/1'), JSON.stringify(pods.map((p) => p.description)));
    assert.equal(api.contextStatusBar.text, '$(server-environment) test-cluster: default');
  });

  it('shows every namespace that holds rollouts when the setting says "*", the paused one with promote offered', async () => {
    await setNamespaces(['*']);
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).map((r) => r.label).join() === 'default,payments', 'both namespaces');
    assert.equal((await rowAt(tree, 'test-cluster')).description, 'all namespaces');
    const paused = await rowAt(tree, 'test-cluster', 'payments', 'gitops-hugo');
    assert.equal(paused.description, 'Paused · step 1/8 · 10%');
    assert.match(paused.contextValue, /^rollout:.*\bpromote\b.*\babort\b/);
    assert.equal(api.contextStatusBar.text, '$(server-environment) test-cluster: all namespaces');
  });

  it('updates the rollout row when the cluster promotes it, then when it aborts', async () => {
    const description = async (): Promise<string> => (await rowAt(tree, 'test-cluster', 'payments', 'gitops-hugo')).description;
    const fired: string[] = [];
    const sub = tree.onDidChangeTreeData((e) => fired.push(...(e === undefined ? ['everything'] : (Array.isArray(e) ? e : [e]).map((el) => el.id))));
    try {
      await control('POST', '/rollouts/payments/gitops-hugo/promote');
      // Checked at once and after each refresh event (the view may also have re-read the rows meanwhile).
      await waitForTree(tree, async () => (await description()) === 'Paused · step 3/8 · 30%', 'the row showing the next pause after promote');
      // Only rows of the changed rollout's namespace were refreshed, never the whole tree or the untouched rollout.
      assert.ok(fired.every((id) => id.includes('/ns:payments')), JSON.stringify(fired));
      // The tree is quiet now and nothing reads it until the refresh event: the abort must fire exactly this row.
      const refreshed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no refresh of the rollout row after abort; refreshed: ${JSON.stringify(fired)}`)), 15000);
        const watch = tree.onDidChangeTreeData((e) => {
          if (!(Array.isArray(e) ? e : e ? [e] : []).some((el) => el.id.endsWith('/ns:payments/ro:gitops-hugo'))) return;
          clearTimeout(timer);
          watch.dispose();
          resolve();
        });
      });
      await control('POST', '/rollouts/payments/gitops-hugo/abort');
      await refreshed;
      assert.match(await description(), /^Degraded/);
      assert.match((await rowAt(tree, 'test-cluster', 'payments', 'gitops-hugo')).contextValue, /\bretry\b/);
    } finally {
      sub.dispose();
    }
  });

  it('closes its watches when the view is hidden and opens them again when it shows', async () => {
    assert.equal(await openWatches(11), 11, 'five kinds in two namespaces, and the rollouts of all namespaces, are watched while the view is visible');
    await vscode.commands.executeCommand('workbench.view.explorer');
    assert.equal(await openWatches(0), 0);
    assert.deepEqual(tree.heldNamespaces(), []);
    await vscode.commands.executeCommand('workbench.view.extension.argoRollouts');
    assert.equal(await openWatches(11), 11);
  });

  it('with "*", shows a namespace when its first rollout is created and drops it when its last one is deleted, without Refresh', async () => {
    const NS = 'late-arrival';
    const namespaceRows = async (): Promise<string> => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).map((r) => r.label).join();
    assert.equal(await namespaceRows(), 'default,payments');
    const appeared = afterTreeEvents(tree, async () => (await namespaceRows()) === `default,${NS},payments`, `the ${NS} row is there`);
    await control('POST', `/seed/${NS}`);
    await appeared;
    await waitForTree(tree, async () => (await rowIfAny(tree, 'test-cluster', NS, 'gitops-hugo')) !== undefined, `the rollout under ${NS}`);
    assert.equal(await openWatches(16), 16, 'the new namespace\'s five kinds are watched too');
    const gone = afterTreeEvents(tree, async () => (await namespaceRows()) === 'default,payments', `the ${NS} row is gone`);
    await control('POST', `/rollouts/${NS}/gitops-hugo/delete`);
    await gone;
    assert.equal(await openWatches(11), 11, 'its watches closed with its row');
  });

  it('shows one error row with the message and next steps when the cluster cannot be reached', async () => {
    await setNamespaces([]);
    await vscode.commands.executeCommand('argoRollouts.switchContext', 'unreachable');
    try {
      assert.equal(api.contextStatusBar.text, '$(server-environment) unreachable: default');
      const context = await rowAt(tree, 'unreachable');
      const children = await rows(tree, context.el);
      assert.equal(children.length, 1, JSON.stringify(children.map((c) => c.label)));
      assert.match(children[0]?.label ?? '', /^Cannot reach the cluster at https:\/\/127\.0\.0\.1:\d+ \(context unreachable\): .+ Check your VPN\/network or switch context\.$/);
      assert.equal(children[0]?.contextValue, 'error:retry,switchContext,openKubeconfig');
      assert.equal(tree.getTreeItem(children[0]!.el).command?.command, 'argoRollouts.refresh');
    } finally {
      await vscode.commands.executeCommand('argoRollouts.switchContext', 'test-cluster');
    }
    assert.equal((await rowAt(tree, 'test-cluster', 'default', 'gitops-hugo')).description, 'Healthy · step 8/8 · 100%');
  });
});
