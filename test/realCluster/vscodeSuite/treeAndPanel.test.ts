// In the real VS Code, against the real API server and the real Argo Rollouts controller: the Rollouts
// view's row and the rollout panel's header say what the real `kubectl argo rollouts get rollout`
// says, before and after a Promote sent from the tree. Paths come from the outer test's environment.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { acceptAndRecord, openRolloutsView, rowIfAny, runAction, setSetting, waitForTree } from '../../vscode/suite/clusterHelpers';

const NS = process.env.REAL_CLUSTER_NAMESPACE ?? '';
const NAME = process.env.REAL_CLUSTER_ROLLOUT ?? '';
const CONTEXT = process.env.REAL_CLUSTER_CONTEXT ?? '';

/** Status, step and weights from the real plugin, as the tree row words them: "Paused · step 1/4 · 25%". */
function pluginHeader(): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    execFile(process.env.REAL_CLUSTER_PLUGIN ?? '', ['get', 'rollout', NAME, '-n', NS, '--kubeconfig', process.env.KUBECONFIG ?? ''], (e, stdout) => {
      if (e) return reject(e);
      const header: Record<string, string> = {};
      // eslint-disable-next-line no-control-regex
      for (const line of stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
        if (line.trim() === '') break;
        const m = /^\s*([A-Za-z]+):\s+(.*)$/.exec(line);
        if (m?.[1]) header[m[1]] = (m[2] ?? '').trim();
      }
      resolve(header);
    });
  });
}

describe('the Rollouts view and the rollout panel on the real Argo Rollouts controller', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;
  const confirmations: string[] = [];
  let prompts: vscode.Disposable;

  const row = (): ReturnType<typeof rowIfAny> => rowIfAny(tree, CONTEXT, NS, NAME);
  /** Waits until the row's description holds the plugin's status, step and SetWeight, read at that moment. */
  const rowAgreesWithPlugin = async (what: string, wanted: (h: Record<string, string>) => boolean): Promise<string> => {
    let last = '';
    await waitForTree(tree, async () => {
      const h = await pluginHeader();
      const r = await row();
      last = `row "${r?.description ?? '(none)'}", plugin ${JSON.stringify(h)}`;
      const status = (h.Status ?? '').replace(/^\S+\s+/, '');
      return r !== undefined && wanted(h) && r.description.startsWith(status) && r.description.includes(`step ${h.Step}`) && r.description.includes(`${h.SetWeight}%`);
    }, what, 60_000).catch((e: unknown) => {
      throw new Error(`${String(e)}: ${last}`);
    });
    return (await row())?.description ?? '';
  };

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    prompts = api.actionPrompts.use({ confirm: acceptAndRecord(confirmations), typeName: () => Promise.resolve(NAME) });
    await setSetting('namespaces', [NS]);
  });
  after(() => prompts.dispose());

  it('shows the paused canary as the real plugin does, promotes it from the row, and follows the real controller to the next pause', async () => {
    const before = await rowAgreesWithPlugin('the row to show the canary paused at its first pause', (h) => (h.Status ?? '').endsWith('Paused') && h.Step === '1/4');
    assert.match(before, /^Paused · step 1\/4 · 25%/);
    const r = await row();
    assert.ok(r);
    const outcome = await runAction('argoRollouts.promoteRollout', r);
    assert.deepEqual(outcome, { status: 'done', message: `rollout '${NAME}' promoted` });
    assert.match(confirmations.at(-1) ?? '', new RegExp(`context "${CONTEXT}"`));
    const after = await rowAgreesWithPlugin('the row at the next pause', (h) => (h.Status ?? '').endsWith('Paused') && h.Step === '3/4');
    assert.match(after, /^Paused · step 3\/4 · 50%/);
  });

  it('opens the panel whose header has the plugin\'s status, step and weights', async () => {
    await vscode.commands.executeCommand('argoRollouts.openPanel', NS, NAME);
    const h = await pluginHeader();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const state = api.panels.stateOf(NS, NAME);
      if (state && state.header.status === (h.Status ?? '').replace(/^\S+\s+/, '') && state.header.step === h.Step) break;
      if (Date.now() > deadline) assert.fail(`the panel never showed ${JSON.stringify(h)}; it shows ${JSON.stringify(state?.header)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const header = api.panels.stateOf(NS, NAME)?.header;
    assert.equal(String(header?.setWeight), h.SetWeight);
    assert.equal(String(header?.actualWeight), h.ActualWeight);
  });
});
