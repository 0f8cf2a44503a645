// Release check: the packaged .vsix installs into a clean code-server and activates.
import { strict as assert } from 'node:assert';
import { workbench } from './hooks';

describe('the packaged extension in a clean VS Code', () => {
  it('installs from the .vsix into an empty extensions dir', () => {
    assert.match(workbench().installOutput, /Extension 'argo-rollouts-vscode\.vsix' was successfully installed/);
  });

  it('puts the Argo Rollouts icon in the activity bar', async () => {
    const wb = workbench();
    await wb.activityBarIcon('Argo Rollouts').waitFor();
    await wb.screenshot('activity-bar');
  });

  it('is listed among the installed extensions', async () => {
    const wb = workbench();
    const entry = await wb.installedExtension('argo', 'Argo Rollouts');
    assert.equal(await entry.locator('.publisher').innerText(), 'argo-rollouts-tools');
    await wb.screenshot('extensions-installed');
  });

  it('activates: "Show Output" opens its log channel, which reports the activation time', async () => {
    const wb = workbench();
    await wb.runCommand('Argo Rollouts: Show Output');
    await wb.page.locator('.panel .output-view').waitFor();
    await wb.waitForText('.panel .output-view .view-line', /\[info\] activation: [\d.]+ ms/);
    await wb.screenshot('output-channel');
  });
});
