// "Preview query" in a real VS Code: the CodeLens command on a metric of an AnalysisTemplate runs the
// query now against the test Prometheus, through the API double's service proxy (the template's
// in-cluster address), with the args of the workspace Rollout that uses the template.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { PreviewResult } from '../../../src/vscode/preview/previewResults';
import { openRolloutsView, requestCount, writesSince } from './clusterHelpers';
import { openFixture } from './helpers';

const PROMETHEUS = process.env.ARGO_ROLLOUTS_TEST_PROMETHEUS ?? '';

async function lensTitles(doc: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
  return lenses.map((l) => l.command?.title ?? '').filter((t) => t !== '');
}

/** The same query straight to Prometheus' HTTP API at the same time: what the preview must show. */
async function directValue(query: string, timeSec: number): Promise<string> {
  const res = await fetch(`${PROMETHEUS}/api/v1/query?${new URLSearchParams({ query, time: String(timeSec) }).toString()}`);
  const body = (await res.json()) as { data?: { result?: { value?: [number, string] }[] } };
  const value = body.data?.result?.[0]?.value?.[1];
  assert.ok(value !== undefined, JSON.stringify(body));
  return value;
}

describe('Preview query', () => {
  let doc: vscode.TextDocument;

  before(async function () {
    if (!PROMETHEUS) this.skip(); // Debian's prometheus is not installed
    await openRolloutsView();
    doc = await openFixture('other/preview.yaml');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers a lens on each Prometheus metric of the template', async () => {
    assert.deepEqual((await lensTitles(doc)).filter((t) => t.includes('Preview query')), ['$(play) Preview query', '$(play) Preview query']);
  });

  it('runs the query with the Rollout\'s args through the service proxy and shows the value and verdict Prometheus gives', async () => {
    const mark = await requestCount();
    const result = await vscode.commands.executeCommand<PreviewResult | undefined>('argoRollouts.previewQuery', doc.uri, 'preview-success-rate', 'success-rate');
    assert.ok(result, 'a result');
    assert.equal(result.argsFrom, 'args of background analysis in Rollout preview-web');
    assert.equal(result.where, 'service proxy of the API server of context test-cluster to monitoring/prometheus:9090');
    assert.match(result.query, /exported_namespace="payments", exported_service="gitops-hugo-stable"/);
    const value = await directValue(result.query, result.evaluatedAtSec);
    const ok = Number(value) >= 0.95;
    assert.equal(result.line, `${ok ? '$(pass)' : '$(error)'} [${value}] → ${ok ? 'Successful' : 'Failed'} (successCondition result[0] >= 0.95)`);
    assert.deepEqual(await writesSince(mark), [], 'a preview writes nothing to the cluster');
    const titles = await lensTitles(doc);
    assert.ok(titles.includes(result.line), JSON.stringify(titles));
    assert.ok(titles.includes('$(refresh) Run again'));
  });

  it('answers a hover on the query with the resolved query and a 30-minute sparkline', async () => {
    const at = doc.positionAt(doc.getText().indexOf('sum(rate(') + 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Preview of success-rate\*\*/);
    assert.match(text, /!\[Last 30 minutes of success-rate, last value [\d.]+\]\(data:image\/svg\+xml;base64,/);
    assert.match(text, /exported_service="gitops-hugo-stable"/);
  });

  it('says why a metric without an address cannot be queried, and keeps its lens as it was', async () => {
    const result = await vscode.commands.executeCommand<PreviewResult | undefined>('argoRollouts.previewQuery', doc.uri, 'preview-success-rate', 'no-address');
    assert.equal(result, undefined);
    assert.equal((await lensTitles(doc)).filter((t) => t === '$(play) Preview query').length, 1);
  });
});
