import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { describeDiagnostics, fixture, openFixture, replaceText, ruleOf, waitForDiagnostics } from './helpers';

describe('references across files', () => {
  it("update a Rollout's diagnostics when a Service in another file stops selecting its pods", async () => {
    const rollout = await openFixture('services/rollout-with-services.yaml');
    // Lint Workspace waits for the start-up scan, so the Services in services.yaml are known.
    await vscode.commands.executeCommand('argoRollouts.lintWorkspace');
    const before = await waitForDiagnostics(rollout.uri, (d) => d.every((x) => ruleOf(x) !== 'reference-not-found'), 'the Services to be found');
    assert.deepEqual(before.filter((d) => ruleOf(d) === 'rollout-service-selector'), [], describeDiagnostics(before));

    const services = await openFixture('services/services.yaml');
    const mismatch = (d: vscode.Diagnostic[]) => d.some((x) => ruleOf(x) === 'rollout-service-selector' && x.message.includes('has unmatch label "app"'));
    const reported = waitForDiagnostics(rollout.uri, mismatch, 'a rollout-service-selector diagnostic on the Rollout');
    await replaceText(services, 'app: shop', 'app: shop-v2');
    const ds = await reported;
    const d = ds.find((x) => ruleOf(x) === 'rollout-service-selector')!;
    assert.equal(rollout.getText(d.range), 'shop-canary');
    assert.equal(d.message.startsWith('Invalid value: "shop-canary": Service "shop-canary" has unmatch label "app" in rollout'), true, d.message);

    const cleared = waitForDiagnostics(rollout.uri, (x) => !mismatch(x), 'the diagnostic to go when the Service matches again');
    await replaceText(services, 'app: shop-v2', 'app: shop');
    await cleared;
  });

  it('follow files created and deleted on disk once the workspace has been linted', async () => {
    const uri = fixture('services/tmp-disk-rollout.yaml');
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      '  name: shop-mislabelled',
      'spec:',
      '  selector:',
      '    matchLabels: {app: other}',
      '  template:',
      '    metadata:',
      '      labels: {app: other}',
      '    spec:',
      '      containers: [{name: c, image: example/c:1}]',
      '  strategy:',
      '    canary:',
      '      canaryService: shop-canary',
      '      stableService: shop-stable',
      '',
    ].join('\n');
    await vscode.commands.executeCommand('argoRollouts.lintWorkspace');
    const reported = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'rollout-service-selector'), 'diagnostics for the Rollout written to disk');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const ds = await reported;
      assert.ok(ds.every((d) => d.message.length > 0));
    } finally {
      const cleared = waitForDiagnostics(uri, (d) => d.length === 0, 'the diagnostics of the deleted file to be cleared');
      await vscode.workspace.fs.delete(uri);
      await cleared;
    }
  });
});
