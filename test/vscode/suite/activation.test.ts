import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, openFixture, waitForDiagnostics } from './helpers';

describe('activation', () => {
  it('waits until a YAML or JSON file opens', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed in the test host`);
    assert.equal(ext.isActive, false);
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
