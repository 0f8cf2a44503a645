// A manifest with two mistakes Argo rejects (test/vscode/fixtures/workspace/rollout.yaml): the
// Problems panel lists them, and the light bulb's quick fix repairs the pause in days.
import { strict as assert } from 'node:assert';
import { workbench } from './hooks';

const MAX_SURGE =
  'Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero — with both 0 the canary can neither add a pod nor take one away, so the update could never move; set one of them to at least 1';
const PAUSE_DAYS = /^Invalid value: -1: Duration needs to be greater than 0 .*did you mean `24h`\?$/;

describe('linting a manifest in the editor', () => {
  it('lists the manifest\'s two mistakes in the Problems panel with Argo\'s messages and our rule ids', async () => {
    const wb = workbench();
    await wb.quickOpen('rollout.yaml');
    const problems = await wb.problems(2);
    assert.equal(problems.length, 2, JSON.stringify(problems));
    assert.deepEqual(problems.map((p) => [p.rule, p.location]), [
      ['canary-max-surge-unavailable-zero', '[Ln 22, Col 17]'],
      ['pause-duration', '[Ln 26, Col 29]'],
    ]);
    assert.equal(problems[0]?.message, MAX_SURGE);
    assert.match(problems[1]?.message ?? '', PAUSE_DAYS);
    await wb.screenshot('problems-panel');
  });

  it('fixes the pause in days from the light bulb: the editor says 24h and only the other problem stays', async () => {
    const wb = workbench();
    // Enter on the problem puts the cursor on the diagnostic in the editor.
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'pause-duration' }).click();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.editor-instance .monaco-editor.focused').waitFor();
    // The light bulb shows once the editor has the code actions for the cursor's line (Ctrl+. pressed
    // earlier than that can find none on a loaded machine).
    const bulb = wb.page.locator('.editor-instance .monaco-editor .lightBulbWidget');
    await bulb.waitFor();
    await bulb.click();
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Fix a duration: use 24h' });
    await fix.waitFor();
    await wb.screenshot('quick-fix-menu');
    await fix.click();
    await wb.waitForEditorLine(/- pause: \{duration: 24h\}/);
    const problems = await wb.problems(1);
    assert.deepEqual(problems.map((p) => p.rule), ['canary-max-surge-unavailable-zero']);
    await wb.screenshot('quick-fix-applied');
  });
});
