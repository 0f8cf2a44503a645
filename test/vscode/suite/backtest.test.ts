// "Backtest" in a real VS Code: the lens beside Preview query runs the metric over the last hour of
// the test Prometheus (two hours of backfilled gitops-hugo traffic), through the API double's service
// proxy, with the args of the workspace Rollout, and opens the report.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { BacktestOutcome } from '../../../src/vscode/preview/backtestCommand';
import { openRolloutsView, requestCount, writesSince } from './clusterHelpers';
import { openFixture } from './helpers';

const PROMETHEUS = process.env.ARGO_ROLLOUTS_TEST_PROMETHEUS ?? '';

describe('Backtest', () => {
  let doc: vscode.TextDocument;

  before(async function () {
    if (!PROMETHEUS) this.skip(); // Debian's prometheus is not installed
    await openRolloutsView();
    doc = await openFixture('other/preview.yaml');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers a Backtest lens beside Preview query on each Prometheus metric', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const backtests = lenses.filter((l) => l.command?.title === '$(history) Backtest');
    assert.equal(backtests.length, 2);
    assert.deepEqual(backtests[0]?.command?.arguments?.slice(1), ['preview-success-rate', 'success-rate']);
  });

  it('replays the metric over the last hour and says in one sentence what it would have decided, writing nothing to the cluster', async () => {
    const mark = await requestCount();
    const outcome = await vscode.commands.executeCommand<BacktestOutcome | undefined>('argoRollouts.backtestMetric', doc.uri, 'preview-success-rate', 'success-rate', {}, 3600);
    assert.ok(outcome, 'a result');
    assert.match(outcome.sentence, /^started any time in the last 1 h, this analysis would (have passed all \d+ times|have failed \d+ of \d+ times \(first at [^)]+\)|never have failed \(it has no count, so it runs until the rollout ends\))$/);
    assert.match(outcome.markdown, /^# Backtest: preview-success-rate \/ success-rate/);
    assert.match(outcome.markdown, /Sent to service proxy of the API server of context test-cluster to monitoring\/prometheus:9090; args of background analysis in Rollout preview-web\./);
    assert.match(outcome.markdown, /!\[values, threshold and verdicts\]\(data:image\/svg\+xml;base64,/);
    assert.deepEqual(await writesSince(mark), [], 'a backtest writes nothing to the cluster');
    assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'argo-rollouts-backtest' && d.getText() === outcome.markdown && !d.isDirty), 'the report is a read-only Markdown document');
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(tabs.some((t) => t.startsWith('backtest-preview-success-rate-success-rate')), `the report is shown; tabs: ${JSON.stringify(tabs)}`);
  });
});
