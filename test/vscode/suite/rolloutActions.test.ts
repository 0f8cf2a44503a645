// The rollout actions from the Rollouts view against the API double (test/vscode/testCluster.ts):
// payments/gitops-hugo starts Paused at step 1/8. The dialogs are answered through the extension's
// `actionPrompts`; the cluster's side is read from the tree and the double's request log. The last
// test leaves the rollout at its first pause again, as rolloutsTree.test.ts expects it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { acceptAndRecord, openRolloutsView, requestCount, rowAt, rows, runAction, setSetting, waitForTree, writesSince, type Row } from './clusterHelpers';

describe('the rollout actions', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;
  const confirmations: string[] = [];
  let typedName: string | undefined;
  let prompts: vscode.Disposable;

  const paused = (): Promise<Row> => rowAt(tree, 'test-cluster', 'payments', 'gitops-hugo');
  const waitForDescription = (description: string): Promise<void> =>
    waitForTree(tree, async () => (await paused()).description === description, `the row to read "${description}"`);

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    prompts = api.actionPrompts.use({
      confirm: acceptAndRecord(confirmations),
      typeName: () => Promise.resolve(typedName),
    });
    await setSetting('namespaces', ['*']);
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).some((r) => r.label === 'payments'), 'the payments namespace');
    await waitForDescription('Paused · step 1/8 · 10%');
  });

  after(async () => {
    prompts.dispose();
    await setSetting('readOnly', undefined);
    await setSetting('protectedContexts', undefined);
    await setSetting('namespaces', []);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('promotes the paused rollout from its row after a confirmation naming context, namespace and rollout and what promoting does now, and the row shows the next pause', async () => {
    const outcome = await runAction('argoRollouts.promoteRollout', await paused());
    assert.deepEqual(outcome, { status: 'done', message: 'rollout \'gitops-hugo\' promoted' });
    assert.equal(
      confirmations.at(-1),
      'Promote rollout "gitops-hugo" in namespace "payments" on context "test-cluster"? The rest of the pause at step 2 (pause 1m) is skipped and the rollout goes on with step 3 (setWeight 30).',
    );
    await waitForDescription('Paused · step 3/8 · 30%');
  });

  it('from the command palette offers only the rollouts whose state allows the action, and sends nothing when a prompt is cancelled', async () => {
    const offered: string[][] = [];
    let pick: 'none' | 'first' = 'none';
    let confirm = true;
    const answers = api.actionPrompts.use({
      pickRollout: (_title, choices) => {
        offered.push(choices.map((c) => `${c.namespace}/${c.name}`));
        return Promise.resolve(pick === 'first' ? choices[0] : undefined);
      },
      confirm: (message, detail) => {
        confirmations.push([message, detail ?? ''].join(' ').trim());
        return Promise.resolve(confirm);
      },
      restartDelay: () => Promise.resolve('5m'),
    });
    try {
      const mark = await requestCount();
      assert.deepEqual(await vscode.commands.executeCommand('argoRollouts.promoteRollout'), { status: 'cancelled' });
      assert.deepEqual(offered.at(-1), ['payments/gitops-hugo'], 'the healthy default/gitops-hugo has nothing to promote');
      await vscode.commands.executeCommand('argoRollouts.restartRollout');
      assert.deepEqual(offered.at(-1), ['default/gitops-hugo', 'payments/gitops-hugo']);
      pick = 'first';
      confirm = false;
      assert.deepEqual(await vscode.commands.executeCommand('argoRollouts.restartRollout'), { status: 'cancelled' });
      assert.equal(confirmations.at(-1), 'Restart rollout "gitops-hugo" in namespace "default" on context "test-cluster"? Every pod of the rollout is restarted. Pods restart in 5m.');
      assert.deepEqual(await writesSince(mark), []);
    } finally {
      answers.dispose();
    }
  });

  it('in a protected context refuses the action when the typed name is wrong, and writes nothing', async () => {
    await setSetting('protectedContexts', ['test-*']);
    const mark = await requestCount();
    typedName = 'gitops';
    const refused = await runAction('argoRollouts.abortRollout', await paused());
    assert.equal(refused.status, 'refused');
    assert.match(refused.status === 'refused' ? refused.message : '', /does not match rollout "gitops-hugo".*protected context "test-cluster"/);
    typedName = undefined;
    assert.deepEqual(await runAction('argoRollouts.abortRollout', await paused()), { status: 'cancelled' });
    assert.deepEqual(await writesSince(mark), []);
    assert.equal((await paused()).description, 'Paused · step 3/8 · 30%');
  });

  it('in a protected context aborts once the name is typed, and Retry brings the rollout back to its first pause', async () => {
    typedName = ' gitops-hugo ';
    const mark = await requestCount();
    assert.deepEqual(await runAction('argoRollouts.abortRollout', await paused()), { status: 'done', message: 'rollout \'gitops-hugo\' aborted' });
    assert.ok((await writesSince(mark)).some((w) => w.startsWith('PATCH /apis/argoproj.io/v1alpha1/namespaces/payments/rollouts/gitops-hugo')));
    await waitForTree(tree, async () => /^Degraded/.test((await paused()).description), 'the aborted row');
    assert.match((await paused()).contextValue, /\bretry\b/);
    assert.equal((await runAction('argoRollouts.retryRollout', await paused())).status, 'done');
    await waitForDescription('Paused · step 1/8 · 10%');
  });

  it('with argoRollouts.readOnly offers no action on the rows and refuses a command invoked anyway', async () => {
    await setSetting('readOnly', true);
    await waitForTree(tree, async () => (await paused()).contextValue === 'rollout:', 'the read-only row');
    const mark = await requestCount();
    const refused = await runAction('argoRollouts.promoteRollout', await paused());
    assert.equal(refused.status, 'refused');
    assert.deepEqual(await writesSince(mark), []);
    await setSetting('readOnly', false);
    await waitForTree(tree, async () => /^rollout:.*\bpromote\b/.test((await paused()).contextValue), 'the actions back on the row');
  });
});
