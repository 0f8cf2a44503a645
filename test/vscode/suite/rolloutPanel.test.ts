// The rollout panel against the API double (test/vscode/testCluster.ts): payments/gitops-hugo starts
// Paused at step 1/8. What the page was sent is read through the extension's `panels` API (the last
// posted state, and whether the page answered `ready`); actions from the page go through the same
// confirmation as the tree's, answered by `actionPrompts`. The rollout is left at its first pause,
// as rolloutsTree.test.ts (next in order) expects it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { PanelState } from '../../../src/shared/protocol';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { acceptAndRecord, control, openRolloutsView, requestCount, rowAt, rowIfAny, rows, setSetting, waitForTree, writesSince } from './clusterHelpers';
import { fixture } from './helpers';

const NS = 'payments';
const NAME = 'gitops-hugo';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label === `Rollout ${NS}/${NAME}`);
}

async function openWatches(count: number): Promise<number> {
  return Number((await control('GET', `/watches?count=${count}`))['count']);
}

describe('the rollout panel', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;
  const confirmations: string[] = [];
  let prompts: vscode.Disposable;

  const state = (): PanelState | undefined => api.panels.stateOf(NS, NAME);
  const states = (): number => api.panels.postedMessages(NS, NAME).filter((m) => m.type === 'state').length;
  const current = (): number | undefined => state()?.timeline.find((s) => s.state === 'current')?.index;
  /** Resolves once `ok` holds: checked now and after each post, ready change or close of a panel (no sleeps). */
  const waitForPanel = (ok: () => boolean, what: string, timeoutMs = 20000): Promise<void> =>
    new Promise((resolve, reject) => {
      const subs: vscode.Disposable[] = [];
      const finish = (e?: Error): void => {
        clearTimeout(timer);
        for (const s of subs) s.dispose();
        if (e) reject(e);
        else resolve();
      };
      const check = (): void => {
        if (ok()) finish();
      };
      const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(state()?.header)}`)), timeoutMs);
      subs.push(api.panels.onDidPost(check), api.panels.onDidChangeReady(check), api.panels.onDidClose(check));
      check();
    });

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    prompts = api.actionPrompts.use({
      confirm: acceptAndRecord(confirmations),
    });
    await setSetting('namespaces', ['*']);
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).some((r) => r.label === NS), 'the payments namespace');
    await waitForTree(tree, async () => (await rowAt(tree, 'test-cluster', NS, NAME)).description === 'Paused · step 1/8 · 10%', 'the paused rollout');
  });

  after(async () => {
    prompts.dispose();
    api.panels.close(NS, NAME);
    await setSetting('namespaces', []);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('opens from the rollout row once, and its page shows the rollout Paused at step 1/8 on its pause step', async () => {
    const row = await rowAt(tree, 'test-cluster', NS, NAME);
    await vscode.commands.executeCommand('argoRollouts.openPanel', row.el);
    await waitForPanel(() => api.panels.webviewReady(NS, NAME) && state()?.header.status === 'Paused', 'the page to be ready and shown the paused rollout');
    const s = state();
    assert.equal(s?.header.context, 'test-cluster');
    assert.equal(s?.header.step, '1/8');
    assert.equal(s?.problem, undefined);
    assert.equal(current(), 1);
    assert.equal(s?.timeline[1]?.kind, 'pause');
    assert.deepEqual(s?.timeline.map((t) => t.state).slice(0, 3), ['done', 'current', 'pending']);
    assert.ok(s?.actions.some((a) => a.id === 'promote' && a.enabled), JSON.stringify(s?.actions));
    // The page got its state after saying ready: the state is the last thing posted.
    assert.equal(api.panels.postedMessages(NS, NAME).at(-1)?.type, 'state');

    await vscode.commands.executeCommand('argoRollouts.openPanel', NS, NAME);
    assert.equal(panelTabs().length, 1, 'opening it again reveals the same panel');
  });

  it('follows the cluster: a promote moves the panel to the next pause, step 3/8', async () => {
    await control('POST', `/rollouts/${NS}/${NAME}/promote`);
    await waitForPanel(() => state()?.header.step === '3/8' && state()?.header.status === 'Paused', 'the panel at the next pause');
    assert.equal(current(), 3);
    assert.deepEqual(state()?.timeline.slice(0, 4).map((t) => t.state), ['done', 'done', 'done', 'current']);
  });

  it('plots a metric\'s query over its run\'s window from Prometheus, canary and stable side by side', async function () {
    if (!process.env.ARGO_ROLLOUTS_TEST_PROMETHEUS) this.skip(); // Debian's prometheus is not installed
    await waitForPanel(() => (state()?.analysisRuns[0]?.metrics.length ?? 0) > 0, 'the background run of step 3');
    const metric = state()?.analysisRuns[0]?.metrics.find((m) => m.name === 'success-rate');
    assert.ok(metric?.hasSeries, JSON.stringify(metric));
    const answered = (): boolean => api.panels.postedMessages(NS, NAME).some((m) => m.type === 'series' && m.series.key === metric.key);
    await api.panels.receive(NS, NAME, { type: 'requestSeries', key: metric.key, widthPx: 600 });
    await waitForPanel(answered, 'the series answer');
    const answer = api.panels.postedMessages(NS, NAME).find((m) => m.type === 'series' && m.series.key === metric.key);
    assert.ok(answer?.type === 'series' && answer.series.status === 'ok', JSON.stringify(answer));
    assert.equal(answer.series.where, 'service proxy of the API server of context test-cluster to monitoring/prometheus:9090');
    assert.deepEqual(answer.series.lines.map((l) => l.role), ['canary', 'stable']);
    // The backfilled canary was aborted an hour before the data ends: it has had no traffic since (NaN → null).
    const stable = answer.series.lines.find((l) => l.role === 'stable');
    assert.ok(stable?.v.some((v) => v !== null && v >= 0.95 && v <= 1), JSON.stringify(stable));
  });

  it('backtests a metric from the page with its run\'s own arguments over the window asked, canary and stable, and ignores a metric the page does not offer', async function () {
    if (!process.env.ARGO_ROLLOUTS_TEST_PROMETHEUS) this.skip(); // Debian's prometheus is not installed
    const metric = state()?.analysisRuns[0]?.metrics.find((m) => m.name === 'success-rate');
    assert.ok(metric?.hasSeries, JSON.stringify(metric));
    const run = state()?.analysisRuns[0]?.name ?? '';
    const asked: string[] = [];
    const windows = api.actionPrompts.use({
      pickBacktestWindow: (title, choices) => {
        asked.push(`${title} [${choices.map((c) => c.label).join(', ')}]`);
        return Promise.resolve(3600);
      },
    });
    try {
      const mark = await requestCount();
      await api.panels.receive(NS, NAME, { type: 'backtest', key: 'someone-else/success-rate' });
      assert.deepEqual(asked, [], 'a metric the page does not show is not backtested');
      await api.panels.receive(NS, NAME, { type: 'backtest', key: metric.key });
      assert.deepEqual(asked, ['Backtest success-rate over which past window? (one measurement every 60 s) [Last 6 hours, Last 1 hour, Last 24 hours, Last 7 days]']);
      const report = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'argo-rollouts-backtest' && d.getText().startsWith(`# Backtest: ${run} / success-rate`));
      assert.ok(report, 'the report is open');
      const text = report.getText();
      assert.match(text, /^\*\*Started any time in the last 1 h, this analysis would /m);
      assert.match(text, /^Against the stable version \(the args swapped\): \*\*started any time in the last 1 h, this analysis would /m);
      assert.match(text, new RegExp(`Sent to service proxy of the API server of context test-cluster to monitoring/prometheus:9090; args of AnalysisRun ${run} \\(rollout ${NS}/${NAME}\\)\\.`));
      assert.deepEqual(await writesSince(mark), [], 'a backtest writes nothing to the cluster');
    } finally {
      windows.dispose();
      const reports = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.includes('backtest-'));
      await vscode.window.tabGroups.close(reports);
      await api.panels.open(NS, NAME);
      await waitForPanel(() => api.panels.webviewReady(NS, NAME), 'the panel shown again');
    }
  });

  it('posts nothing while hidden, and shows the rollout as it is now when shown again', async () => {
    // A file (not an untitled text, which would ask to be saved on close) opened over the panel hides it.
    const doc = await vscode.workspace.openTextDocument(fixture('other/unrelated.yaml'));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Active, preview: false });
    await waitForPanel(() => !api.panels.webviewReady(NS, NAME), 'the hidden page to go away');
    const postedBefore = states();
    await control('POST', `/rollouts/${NS}/${NAME}/abort`);
    await waitForTree(tree, async () => /^Degraded/.test((await rowAt(tree, 'test-cluster', NS, NAME)).description), 'the aborted row');
    assert.equal(states(), postedBefore, 'no state was posted to the hidden panel');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await api.panels.open(NS, NAME);
    await waitForPanel(() => api.panels.webviewReady(NS, NAME) && state()?.header.status === 'Degraded', 'the shown panel to show the aborted rollout');
    assert.ok(state()?.actions.some((a) => a.id === 'retry' && a.enabled));
  });

  it('runs an action from the page only when the panel offers it enabled, after the same confirmation as the tree, and drops invalid messages', async () => {
    const mark = await requestCount();
    const asked = confirmations.length;
    await api.panels.receive(NS, NAME, { type: 'action', action: 'promote' });
    await api.panels.receive(NS, NAME, { type: 'action', action: 'retry; rm -rf /' });
    await api.panels.receive(NS, NAME, { type: 'delete', what: 'everything' });
    assert.equal(confirmations.length, asked, 'nothing was offered for confirmation');
    assert.deepEqual(await writesSince(mark), []);

    await api.panels.receive(NS, NAME, { type: 'action', action: 'retry' });
    assert.equal(confirmations.at(-1), `Retry rollout "${NAME}" in namespace "${NS}" on context "test-cluster"? The aborted update starts again from the first step.`);
    assert.ok((await writesSince(mark)).some((w) => w.startsWith(`PATCH /apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/${NAME}`)));
    await waitForPanel(() => state()?.header.status === 'Paused' && state()?.header.step === '1/8', 'the retried rollout back at its first pause');
  });

  it('answers a series request for a metric it does not know with an error for that key', async () => {
    await api.panels.receive(NS, NAME, { type: 'requestSeries', key: 'no-such-run/no-such-metric', widthPx: 600 });
    const answer = api.panels.postedMessages(NS, NAME).at(-1);
    assert.equal(answer?.type, 'series');
    assert.ok(answer?.type === 'series' && answer.series.status === 'error' && answer.series.key === 'no-such-run/no-such-metric', JSON.stringify(answer));
  });

  it('opens the AnalysisTemplate that defines a metric from the cluster, read-only, at the metric, when the workspace has none', async () => {
    // The rollout names `latency` first, then `success-rate`: the metric picks the second.
    await api.panels.receive(NS, NAME, { type: 'openTemplate', key: `${NAME}-abc-1-2/success-rate` });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'argo-rollouts-template');
    assert.equal(editor.document.uri.path, `/${NS}/AnalysisTemplate/success-rate.yaml`);
    assert.equal(editor.document.languageId, 'yaml');
    assert.equal(editor.document.lineAt(editor.selection.active.line).text.trim(), '- name: success-rate');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('puts "Open panel" above the kind line of a Rollout document only when that rollout is live, and the lens opens its panel', async () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      `  name: ${NAME}`,
      `  namespace: ${NS}`,
      '---',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      '  name: not-in-the-cluster',
      `  namespace: ${NS}`,
      '',
    ].join('\n');
    // Never shown, so never asks to be saved.
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).filter((l) => l.command?.title === 'Open panel');
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.command, l.command?.arguments]), [[1, 'argoRollouts.openPanel', [NS, NAME]]]);
    const lens = lenses[0]?.command;
    assert.ok(lens);
    await vscode.commands.executeCommand(lens.command, ...(lens.arguments ?? []));
    assert.equal(panelTabs().length, 1);
    await waitForPanel(() => api.panels.webviewReady(NS, NAME), 'the revealed panel');
  });

  it('is disposed when its tab is closed, and its watch of the namespace ends', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    assert.equal(await openWatches(5), 5, 'with the view hidden, the open panel still watches the five kinds of its namespace');
    const tab = panelTabs()[0];
    assert.ok(tab);
    await vscode.window.tabGroups.close(tab);
    await waitForPanel(() => !api.panels.isOpen(NS, NAME), 'the panel to be disposed');
    assert.equal(api.panels.stateOf(NS, NAME), undefined);
    assert.equal(await openWatches(0), 0);
    await vscode.commands.executeCommand('workbench.view.extension.argoRollouts');
    // Showing the view re-lists: wait for the row instead of reading "Loading…".
    await waitForTree(tree, async () => (await rowIfAny(tree, 'test-cluster', NS, NAME))?.description === 'Paused · step 1/8 · 10%', 'the rollout back at its first pause');
  });
});
