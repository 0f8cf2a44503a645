// Several clusters at once (`argoRollouts.contexts`): the API double's `test-cluster` and `mirror-prod`
// (the same double under a second context whose namespace is `fleet`, protected by the default
// `*prod*` pattern) side by side as roots of the Rollouts view, each with its own watches; the view's
// badge counting what needs attention across them; an action from a row of the second context whose
// confirmation and typed-name guard name that context. `fleet/gitops-hugo` is seeded here and deleted
// at the end; the setting is put back.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { control, openRolloutsView, requestCount, rowAt, rows, setSetting, waitForTree, writesSince } from './clusterHelpers';

const NS = 'fleet';

describe('several contexts side by side', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;

  const rootLabels = async (): Promise<string[]> => (await rows(tree)).map((r) => r.label);
  const fleetRow = () => rowAt(tree, 'mirror-prod', NS, 'gitops-hugo');

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    await control('POST', `/seed/${NS}`);
  });

  after(async () => {
    await setSetting('contexts', undefined);
    await control('POST', `/rollouts/${NS}/gitops-hugo/delete`);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('shows each listed context as a root with its own namespace, rollouts and watches, and an error row under a context that cannot connect or does not exist', async () => {
    await setSetting('contexts', ['test-cluster', 'mirror-prod', 'unreachable', 'gone']);
    await waitForTree(tree, async () => (await rootLabels()).join() === 'test-cluster,mirror-prod,unreachable,gone', 'four roots');
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'mirror-prod', NS)).el)).some((r) => r.label === 'gitops-hugo'), 'fleet/gitops-hugo under mirror-prod');
    assert.equal((await rowAt(tree, 'test-cluster')).description, 'default');
    assert.equal((await rowAt(tree, 'mirror-prod')).description, NS);
    assert.ok(await rowAt(tree, 'test-cluster', 'default', 'gitops-hugo'));
    assert.match((await fleetRow()).description, /^Healthy/);
    const held = tree.heldNamespaces();
    assert.ok(held.includes('mirror-prod/fleet') && held.includes('test-cluster/default'), held.join());
    const errorUnder = async (context: string): Promise<string> => {
      let labels: string[] = [];
      await waitForTree(tree, async () => {
        labels = (await rows(tree, (await rowAt(tree, context)).el)).map((r) => r.label);
        return labels.length === 1 && labels[0] !== 'Loading…' && labels[0] !== 'default';
      }, `the error row of ${context}`);
      return labels[0] ?? '';
    };
    assert.match(await errorUnder('unreachable'), /^Cannot reach the cluster at https:\/\/127\.0\.0\.1:\d+ \(context unreachable\)/);
    assert.match(await errorUnder('gone'), /argoRollouts\.contexts names "gone", which no kubeconfig file read defines/);
    // The other two are unaffected by the third one's failure.
    assert.match((await fleetRow()).description, /^Healthy/);
  });

  it('counts in the view badge the rollouts needing attention across contexts, saying where, and the filter shows them under their context', async () => {
    await setSetting('contexts', ['test-cluster', 'mirror-prod']);
    await waitForTree(tree, async () => (await rootLabels()).join() === 'test-cluster,mirror-prod', 'two roots');
    await waitForTree(tree, async () => /^Healthy/.test((await fleetRow()).description), 'fleet/gitops-hugo Healthy');
    const before = api.rolloutsViewBadge()?.value ?? 0;
    assert.doesNotMatch(api.rolloutsViewBadge()?.tooltip ?? '', /mirror-prod/);
    await control('POST', `/seed/${NS}/image?image=ghcr.io/example/gitops-hugo:1.1.0`);
    await control('POST', `/rollouts/${NS}/gitops-hugo/abort`);
    await waitForTree(tree, async () => /^Degraded/.test((await fleetRow()).description), 'the aborted canary');
    await waitForTree(tree, () => Promise.resolve(api.rolloutsViewBadge()?.value === before + 1), 'the badge counting it');
    assert.match(api.rolloutsViewBadge()?.tooltip ?? '', /need(s)? attention: .*1 in mirror-prod/);

    await vscode.commands.executeCommand('argoRollouts.showNeedsAttention');
    try {
      await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'mirror-prod', NS)).el)).map((r) => r.label).join() === 'gitops-hugo', 'the aborted rollout under mirror-prod');
      assert.deepEqual(await rootLabels(), ['test-cluster', 'mirror-prod']);
    } finally {
      await vscode.commands.executeCommand('argoRollouts.showAllRollouts');
    }
  });

  it('runs an action from a row of the second context against that context: the confirmation and the protected-context guard name it, and a wrong name sends nothing', async () => {
    const questions: string[] = [];
    const typed: string[] = [];
    const prompts = api.actionPrompts.use({
      confirm: (message) => {
        questions.push(message);
        return Promise.resolve(true);
      },
      typeName: (prompt) => {
        typed.push(prompt);
        return Promise.resolve('not-the-name');
      },
    });
    try {
      const mark = await requestCount();
      const outcome = await vscode.commands.executeCommand('argoRollouts.retryRollout', (await fleetRow()).el);
      assert.deepEqual(outcome, {
        status: 'refused', message: 'The typed name does not match rollout "gitops-hugo": retry was not sent to protected context "mirror-prod".',
      });
      assert.match(questions.at(-1) ?? '', /^Retry rollout "gitops-hugo" in namespace "fleet" on context "mirror-prod"\?/);
      assert.equal(typed.at(-1), 'Context "mirror-prod" is protected. Type the rollout name "gitops-hugo" to confirm.');
      assert.deepEqual(await writesSince(mark), []);
    } finally {
      prompts.dispose();
    }
  });

  it('opens the rollout panel of a row of the second context on that context', async () => {
    await vscode.commands.executeCommand('argoRollouts.openPanel', (await fleetRow()).el);
    try {
      await new Promise<void>((resolve, reject) => {
        const done = (): boolean => api.panels.stateOf(NS, 'gitops-hugo')?.header.context === 'mirror-prod';
        if (done()) return resolve();
        const timer = setTimeout(() => reject(new Error(`no state naming mirror-prod; last header ${JSON.stringify(api.panels.stateOf(NS, 'gitops-hugo')?.header)}`)), 15000);
        const sub = api.panels.onDidPost(() => {
          if (!done()) return;
          clearTimeout(timer);
          sub.dispose();
          resolve();
        });
      });
      assert.equal(api.panels.stateOf(NS, 'gitops-hugo')?.header.status, 'Degraded');
    } finally {
      api.panels.close(NS, 'gitops-hugo');
    }
  });

  it('goes back to the current context alone when the setting is emptied', async () => {
    await setSetting('contexts', []);
    await waitForTree(tree, async () => (await rootLabels()).join() === 'test-cluster', 'the single context');
    assert.equal(api.rolloutsViewBadge(), undefined);
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).some((r) => r.label === 'default'), 'its namespace');
    assert.deepEqual(tree.heldNamespaces(), ['default']);
  });
});
