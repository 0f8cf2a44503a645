import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { lintText } from '../../../src/core/lint/lint';
import { fixture, hasRule, openFixture, ruleOf, waitForDiagnostics } from './helpers';

describe('quick fixes', () => {
  it('replace a pause duration in days by hours, and the diagnostic disappears', async () => {
    const doc = await openFixture('rollout.yaml');
    const ds = await waitForDiagnostics(doc.uri, hasRule('pause-duration'), 'the pause-duration diagnostic');
    const diagnostic = ds.find((d) => ruleOf(d) === 'pause-duration')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The API command drops the actions' attached diagnostics: find ours by the fix title the engine gives.
    const title = lintText(doc.getText()).find((f) => f.rule === 'pause-duration')?.fix?.title;
    assert.ok(title, 'the engine offers a fix for pause-duration');
    const fix = actions.find((a) => a.title === title);
    assert.ok(fix?.edit, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(fix.isPreferred, true);

    const gone = waitForDiagnostics(doc.uri, (d) => !hasRule('pause-duration')(d), 'the pause-duration diagnostic to disappear');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(doc.getText(), /- pause: \{duration: 24h\}/);
    const after = await gone;
    assert.ok(hasRule('canary-max-surge-unavailable-zero')(after), 'the other finding stays');
  });

  it('add the missing canaryService and create that Service in the stable Service\'s file, and the Rollout has no error left', async () => {
    const rolloutUri = fixture('services/tmp-edge-rollout.yaml');
    const servicesUri = fixture('services/tmp-edge-services.yaml');
    const rolloutText = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      '  name: edge',
      'spec:',
      '  selector:',
      '    matchLabels: {app: edge}',
      '  template:',
      '    metadata:',
      '      labels: {app: edge}',
      '    spec:',
      '      containers: [{name: edge, image: example/edge:1}]',
      '  strategy:',
      '    canary:',
      '      stableService: edge-stable',
      '      trafficRouting:',
      '        smi: {}',
      '      steps: [{setWeight: 50}, {pause: {}}]',
      '',
    ].join('\n');
    const servicesText = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: edge-stable', 'spec:', '  selector: {app: edge}', '  ports: [{port: 80, targetPort: 8080}]', ''].join('\n');
    await vscode.workspace.fs.writeFile(servicesUri, new TextEncoder().encode(servicesText));
    await vscode.workspace.fs.writeFile(rolloutUri, new TextEncoder().encode(rolloutText));
    try {
      await openFixture('services/tmp-edge-services.yaml');
      const doc = await openFixture('services/tmp-edge-rollout.yaml');
      const ds = await waitForDiagnostics(doc.uri, hasRule('traffic-routing-services-required'), 'the missing canaryService');
      const diagnostic = ds.find((d) => ruleOf(d) === 'traffic-routing-services-required')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === 'Add canaryService edge-canary and create that Service next to edge-stable');
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      const clean = waitForDiagnostics(doc.uri, (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Error), 'no error left on the Rollout');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.match(doc.getText(), /\n {6}stableService: edge-stable\n {6}canaryService: edge-canary\n/);
      const services = await vscode.workspace.openTextDocument(servicesUri);
      assert.match(services.getText(), /\n---\n# The canary Service of rollout edge: a copy of edge-stable's selector and ports\.\napiVersion: v1\nkind: Service\nmetadata:\n {2}name: edge-canary\n/);
      await clean;
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(rolloutUri);
      await vscode.workspace.fs.delete(servicesUri);
    }
  });
});
