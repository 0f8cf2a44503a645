import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { lintText } from '../../../src/core/lint/lint';
import { hasRule, openFixture, ruleOf, waitForDiagnostics } from './helpers';

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
});
