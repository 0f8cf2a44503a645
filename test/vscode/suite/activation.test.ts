import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, openFixture, waitForDiagnostics } from './helpers';

describe('activation', () => {
  it('waits until a YAML or JSON document opens', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed in the test host`);
    if (!ext.isActive) return;
    // VS Code sometimes creates a JSON model of its own at start-up and fires onLanguage:json for
    // every extension that waits for it (seen in CI, with no document open): then its own JSON
    // language features were activated by the same event. Anything else activated us too early.
    const json = vscode.extensions.getExtension('vscode.json-language-features');
    const documents = vscode.workspace.textDocuments.map((d) => `${d.languageId} ${d.uri.toString()}`);
    assert.ok(json?.isActive, `active before any YAML or JSON document opened; open documents: ${JSON.stringify(documents)}`);
  });

  it('happens when a Rollout file opens, and reports its duration', async () => {
    await openFixture('rollout.yaml');
    await waitForDiagnostics(fixture('rollout.yaml'), (ds) => ds.length > 0, 'the first diagnostics of rollout.yaml');
    const ext = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
    assert.ok(ext?.isActive);
    const ms = ext.exports.activationMs;
    assert.equal(typeof ms, 'number');
    // Read by the benchmark README.
    console.log(`activation: ${ms} ms`);
  });
});
