// Why a rollout waits, said where the user looks: the tree row's hover, the "Open panel" lens's hover
// and the panel's header. Against the API double: a gitops-hugo of its own in namespace `stuck`, sent
// a new image (the simulator pauses it on its first timed pause), then aborted; removed at the end.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { control, openRolloutsView, rowAt, rowIfAny, setSetting, waitForTree } from './clusterHelpers';

const NS = 'stuck';
const NAME = 'gitops-hugo';

describe('why a rollout waits', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;

  async function tooltip(): Promise<string> {
    const row = await rowAt(tree, 'test-cluster', NS, NAME);
    const t = tree.getTreeItem(row.el).tooltip;
    // The row's hover is markdown built with appendText: read it back as the text a user sees.
    const markdown = typeof t === 'string' ? t : (t?.value ?? '');
    return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\n\n/g, '\n');
  }

  /** Waits for the row's hover to contain `text`; a failure shows the hover it last had. */
  async function waitForTooltip(text: string, what: string): Promise<void> {
    let last = '';
    try {
      await waitForTree(tree, async () => (last = await tooltip()).includes(text), what);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}; the hover was: ${JSON.stringify(last)}`);
    }
  }

  async function lensTooltip(): Promise<string | undefined> {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: ${NAME}\n  namespace: ${NS}\n` });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    return lenses.find((l) => l.command?.title === 'Open panel')?.command?.tooltip;
  }

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    await setSetting('namespaces', ['*']);
    await control('POST', `/seed/${NS}`);
    await waitForTree(tree, async () => (await rowIfAny(tree, 'test-cluster', NS, NAME))?.description.startsWith('Healthy') === true, 'the seeded healthy rollout');
  });

  after(async () => {
    api.panels.close(NS, NAME);
    await control('POST', `/rollouts/${NS}/${NAME}/delete`);
    await setSetting('namespaces', []);
  });

  it('has nothing to say while the rollout is healthy', async () => {
    assert.doesNotMatch(await tooltip(), /Why it waits/);
  });

  it('says a canary on its timed pause resumes by itself, with the time left, in the row hover, the lens hover and the panel header', async () => {
    await control('POST', `/seed/${NS}/image?image=ghcr.io/example/gitops-hugo:1.1.0`);
    await waitForTooltip('Why it waits: Paused for 1m at step 2 of 8', 'the hover of the paused row');
    assert.match(await tooltip(), /Next: Nothing to do: it continues by itself\. Promote to continue to step 3 now\./);
    assert.match((await lensTooltip()) ?? '', /^Open the rollout panel of stuck\/gitops-hugo\nWhy it waits: Paused for 1m at step 2 of 8, \d+s left\./);

    await vscode.commands.executeCommand('argoRollouts.openPanel', NS, NAME);
    await waitFor(() => api.panels.stateOf(NS, NAME)?.stuck?.kind === 'timedPause', 'the panel to say why');
    assert.equal(api.panels.stateOf(NS, NAME)?.stuck?.action, 'promote');
  });

  it('says an aborted rollout aborted and offers Retry, in the row hover, the lens hover and the panel', async () => {
    await control('POST', `/rollouts/${NS}/${NAME}/abort`);
    await waitForTooltip('Why it waits: Aborted (revision 2) by hand (no analysis failed)', 'the hover of the aborted row');
    assert.match(await tooltip(), /Next: Retry to start the update again from step 1/);
    assert.match((await lensTooltip()) ?? '', /\nWhy it waits: Aborted/);
    await waitFor(() => api.panels.stateOf(NS, NAME)?.stuck?.kind === 'aborted', 'the panel to say it aborted');
    assert.equal(api.panels.stateOf(NS, NAME)?.stuck?.action, 'retry');
  });

  /** Resolves once `ok` holds, checked now and after each message a panel posts (no sleeps). */
  function waitFor(ok: () => boolean, what: string, timeoutMs = 20000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (ok()) return resolve();
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; stuck: ${JSON.stringify(api.panels.stateOf(NS, NAME)?.stuck)}`));
      }, timeoutMs);
      const sub = api.panels.onDidPost(() => {
        if (!ok()) return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
  }
});
