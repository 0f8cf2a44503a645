import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { argoDiagnostics, describeDiagnostics, hasRule, openFixture, replaceText, ruleOf, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  let doc: vscode.TextDocument;
  let ds: vscode.Diagnostic[];

  before(async () => {
    doc = await openFixture('rollout.yaml');
    ds = await waitForDiagnostics(
      doc.uri,
      (d) => hasRule('canary-max-surge-unavailable-zero')(d) && hasRule('pause-duration')(d),
      'the maxSurge/maxUnavailable and pause-duration diagnostics',
    );
  });

  function only(rule: string): vscode.Diagnostic {
    const found = ds.filter((d) => ruleOf(d) === rule);
    assert.equal(found.length, 1, `one ${rule} diagnostic in ${describeDiagnostics(ds)}`);
    return found[0]!;
  }

  it('reports maxSurge and maxUnavailable both zero as an error at the maxSurge value', () => {
    const d = only('canary-max-surge-unavailable-zero');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.message.startsWith('Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero'), true, d.message);
    assert.equal(doc.getText(d.range), '0');
    assert.equal(doc.lineAt(d.range.start.line).text.trim(), 'maxSurge: 0');
  });

  it('reports a pause duration in days as an error at the duration value', () => {
    const d = only('pause-duration');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d.range), '1d');
  });

  it('names its source and links each diagnostic to its rule in the README', () => {
    for (const d of ds) {
      assert.equal(d.source, 'argo-rollouts');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(code.target.fragment, `rule-${code.value}`);
      assert.ok(code.target.path.endsWith('/README.md'), code.target.toString());
    }
  });

  it('explains a canary step when hovering its key', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.includes('- setWeight: 20'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 12));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Canary step `setWeight`/);
    assert.match(text, /share of traffic/);
  });

  it("shows the rule's title when hovering a diagnostic", async () => {
    const d = only('pause-duration');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, d.range.start.translate(0, 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /`pause-duration`/);
  });

  it('reports nothing for YAML without Argo kinds, even when it does not parse', async () => {
    const unrelated = await openFixture('other/unrelated.yaml');
    const configMap = await openFixture('other/configmap.yaml');
    // Documents are linted in the order they open: once a later Argo document has its diagnostics,
    // the two before it have been looked at.
    const sentinel = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: {replicas: 1\n' });
    await waitForDiagnostics(sentinel.uri, hasRule('yaml-syntax'), 'the syntax error of the untitled Rollout');
    assert.deepEqual(argoDiagnostics(unrelated.uri), []);
    assert.deepEqual(argoDiagnostics(configMap.uri), []);
  });

  it('clears the diagnostics of a document that stops mentioning argoproj.io', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec: {replicas: 1\n' });
    await waitForDiagnostics(untitled.uri, hasRule('yaml-syntax'), 'the syntax error of the untitled Rollout');
    await replaceText(untitled, 'argoproj.io/v1alpha1', 'example.com/v1');
    await waitForDiagnostics(untitled.uri, (d) => d.length === 0, 'the diagnostics to be cleared');
  });

  // User settings (Global): the test host's user-data folder is a fresh temporary one.
  it('applies per-rule severity settings', async () => {
    const config = vscode.workspace.getConfiguration('argoRollouts.lint');
    await config.update('rules', { 'pause-duration': 'info' }, vscode.ConfigurationTarget.Global);
    try {
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleOf(x) === 'pause-duration' && x.severity === vscode.DiagnosticSeverity.Information), 'pause-duration as info');
      await config.update('rules', { 'pause-duration': 'off' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(doc.uri, (d) => !hasRule('pause-duration')(d) && d.length > 0, 'pause-duration switched off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(doc.uri, hasRule('pause-duration'), 'pause-duration back with the default settings');
  });
});
