// The Rollouts view's "needs attention" filter and pins, and its error rows for credentials the
// cluster rejects (401), a permission the user lacks (403) and a cluster without the Argo Rollouts
// CRDs, against the API double (test/vscode/testCluster.ts). Pins use a namespace of their own with
// two rollouts (deleted at the end); the error cases switch to the double's `expired-token` and
// `no-argo` contexts or deny a verb, and put everything back.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { control, openRolloutsView, rowAt, rows, waitForTree, type Row } from './clusterHelpers';

const NS = 'pins';

const setNamespaces = (value: string[]): Thenable<void> =>
  vscode.workspace.getConfiguration('argoRollouts').update('namespaces', value, vscode.ConfigurationTarget.Global);

describe('the Rollouts view filter, pins and error rows', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;

  const labelsIn = async (namespace: string): Promise<string[]> => (await rows(tree, (await rowAt(tree, 'test-cluster', namespace)).el)).map((r) => r.label);
  /** The only row under the context row (or under its namespace row), once it is an error. */
  const errorRow = async (context: string, namespace?: string): Promise<Row> => {
    let found: Row | undefined;
    await waitForTree(tree, async () => {
      const parent = namespace === undefined ? await rowAt(tree, context) : await rowAt(tree, context, namespace);
      const children = await rows(tree, parent.el);
      found = children.length === 1 && children[0]?.contextValue.startsWith('error:') ? children[0] : undefined;
      return found !== undefined;
    }, `an error row under ${context}${namespace ? `/${namespace}` : ''}`);
    assert.ok(found);
    return found;
  };
  const backOnTestCluster = async (): Promise<void> => {
    await vscode.commands.executeCommand('argoRollouts.switchContext', 'test-cluster');
    await waitForTree(tree, async () => (await labelsIn('default')).includes('gitops-hugo'), 'the test cluster\'s rollouts again');
  };

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    await control('POST', `/seed/${NS}`);
    await control('POST', `/rollouts/${NS}/gitops-hugo/copy?as=alpha-hugo`);
    await setNamespaces(['*']);
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).some((r) => r.label === NS)
      && (await labelsIn(NS)).length === 2, 'the pins namespace with two rollouts');
  });

  after(async () => {
    await vscode.commands.executeCommand('argoRollouts.showAllRollouts');
    await vscode.commands.executeCommand('argoRollouts.unpinRollout', tree.rolloutElement(NS, 'gitops-hugo'));
    await control('POST', `/rollouts/${NS}/gitops-hugo/delete`);
    await control('POST', `/rollouts/${NS}/alpha-hugo/delete`);
    await control('POST', '/faults/clear');
    await setNamespaces([]);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('pins a rollout to the top of its namespace and unpins it back into name order', async () => {
    assert.deepEqual(await labelsIn(NS), ['alpha-hugo', 'gitops-hugo']);
    await vscode.commands.executeCommand('argoRollouts.pinRollout', (await rowAt(tree, 'test-cluster', NS, 'gitops-hugo')).el);
    await waitForTree(tree, async () => (await labelsIn(NS)).join() === 'gitops-hugo,alpha-hugo', 'the pinned rollout first');
    assert.match((await rowAt(tree, 'test-cluster', NS, 'gitops-hugo')).contextValue, /^rollout:.*\bpinned\b/, 'the row offers Unpin');
    assert.equal(tree.isPinned(NS, 'gitops-hugo'), true, 'kept in the workspace state');
    await vscode.commands.executeCommand('argoRollouts.unpinRollout', (await rowAt(tree, 'test-cluster', NS, 'gitops-hugo')).el);
    await waitForTree(tree, async () => (await labelsIn(NS)).join() === 'alpha-hugo,gitops-hugo', 'name order again');
    assert.doesNotMatch((await rowAt(tree, 'test-cluster', NS, 'gitops-hugo')).contextValue, /\bpinned\b/);
  });

  it('with "needs attention" leaves out Healthy rollouts and a timed pause counting down, shows an aborted one, says so where none is left, and shows all again', async () => {
    // pins/gitops-hugo starts a canary: it waits in its first pause, of one minute.
    await control('POST', `/seed/${NS}/image?image=ghcr.io/example/gitops-hugo:1.1.0`);
    await waitForTree(tree, async () => /^Paused · step 1\/8/.test((await rowAt(tree, 'test-cluster', NS, 'gitops-hugo')).description), 'the canary in its timed pause');
    await vscode.commands.executeCommand('argoRollouts.showNeedsAttention');
    await waitForTree(tree, async () => (await labelsIn('default')).join() === 'No rollout in default needs attention.', 'the healthy rollout filtered out');
    assert.deepEqual(await labelsIn(NS), [`No rollout in ${NS} needs attention.`], 'a timed pause goes on by itself');
    await control('POST', `/rollouts/${NS}/gitops-hugo/abort`);
    await waitForTree(tree, async () => (await labelsIn(NS)).join() === 'gitops-hugo', 'the aborted rollout shown');
    assert.match((await rowAt(tree, 'test-cluster', NS, 'gitops-hugo')).description, /^Degraded/);
    await vscode.commands.executeCommand('argoRollouts.showAllRollouts');
    await waitForTree(tree, async () => (await labelsIn('default')).join() === 'gitops-hugo', 'the healthy rollout back');
  });

  it('shows one error row with the next steps when the cluster rejects the credentials (401)', async () => {
    await vscode.commands.executeCommand('argoRollouts.switchContext', 'expired-token');
    try {
      const row = await errorRow('expired-token');
      assert.equal(row.label, 'The cluster rejected the credentials of context expired-token (401): its token or certificate is expired or wrong. '
        + 'Log in again (refresh the token, e.g. with your cloud CLI\'s login command) or switch context.');
      assert.equal(row.contextValue, 'error:retry,switchContext,openKubeconfig');
      assert.equal(tree.getTreeItem(row.el).command?.command, 'argoRollouts.refresh');
    } finally {
      await backOnTestCluster();
    }
  });

  it('shows that the Argo Rollouts CRDs are not installed, with Switch Context as the first step, instead of loading forever', async () => {
    await vscode.commands.executeCommand('argoRollouts.switchContext', 'no-argo');
    try {
      const row = await errorRow('no-argo');
      assert.equal(row.label, 'Argo Rollouts CRDs are not installed in this cluster (no rollouts.argoproj.io) (context no-argo). Install Argo Rollouts there or switch context.');
      assert.equal(row.contextValue, 'error:switchContext,retry');
      assert.equal(tree.getTreeItem(row.el).command?.command, 'argoRollouts.switchContext');
    } finally {
      await backOnTestCluster();
    }
  });

  it('shows the API server\'s 403 under the namespace the user may not list, and the rollouts again once allowed', async () => {
    await setNamespaces([]);
    await control('POST', '/faults/deny?verb=list&resource=rollouts&namespace=default');
    try {
      await vscode.commands.executeCommand('argoRollouts.refresh');
      const row = await errorRow('test-cluster', 'default');
      assert.match(row.label, /^rollouts\.argoproj\.io is forbidden: User "test-user" cannot list resource "rollouts" in API group "argoproj\.io" in the namespace "default"\. \(403, context test-cluster\) Ask your cluster admin/);
      assert.equal(row.contextValue, 'error:switchContext,retry');
    } finally {
      await control('POST', '/faults/clear');
      await vscode.commands.executeCommand('argoRollouts.refresh');
    }
    await waitForTree(tree, async () => (await labelsIn('default')).join() === 'gitops-hugo', 'the rollout after the permission came back');
  });
});
