// Promote from the Rollouts tree's context menu: a right click on the paused rollout, "Promote",
// the modal confirmation, and the row moves on to the next pause.
import { strict as assert } from 'node:assert';
import { workbench } from './hooks';

describe('promoting from the tree', () => {
  it('right click → Promote on payments/gitops-hugo, confirmed, moves the row from step 1/8 to the pause at step 3/8, 30%', async () => {
    const wb = workbench();
    const row = wb.treeRow('gitops-hugo', 'payments');
    assert.equal(await row.locator('.label-description').innerText(), 'Paused · step 1/8 · 10%');
    await wb.contextMenu(row, 'Promote');
    const dialog = await wb.confirmDialog('Promote', 'promote-dialog');
    assert.match(dialog.message, /gitops-hugo/);
    assert.match(dialog.message, /payments/);
    await row.locator('.label-description', { hasText: /^Paused · step 3\/8 · 30%$/ }).waitFor();
    await wb.screenshot('promoted');
  });
});
