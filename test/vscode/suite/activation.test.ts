import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, openFixture, waitForDiagnostics } from './helpers';

describe('activation', () => {
  it('is activated by YAML, JSON and Helm template documents only, never at start-up', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed in the test host`);
    // Read from the manifest VS Code loaded, not checked by the extension's state: VS Code itself fires
    // onLanguage:json at start-up in about one run in three with no document open (its extension host
    // log shows every JSON extension activated by that event at once), so "not active yet" is not ours to decide.
    assert.deepEqual((ext.packageJSON as { activationEvents?: unknown }).activationEvents, ['onLanguage:yaml', 'onLanguage:json', 'onLanguage:helm']);
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
