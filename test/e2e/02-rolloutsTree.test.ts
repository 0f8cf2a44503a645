// The Rollouts view as a user reads it: labels and descriptions of the tree's rows in the DOM.
import { strict as assert } from 'node:assert';
import { workbench } from './hooks';

describe('the Rollouts view', () => {
  it('shows both namespaces\' gitops-hugo: default Healthy at 100%, payments Paused at its first step', async () => {
    const wb = workbench();
    await wb.hidePanel();
    await wb.activityBarIcon('Argo Rollouts').click();
    const paused = wb.treeRow('gitops-hugo', 'payments');
    await paused.locator('.label-description', { hasText: 'Paused · step 1/8 · 10%' }).waitFor();
    const rows = await wb.treeRows();
    assert.deepEqual(rows.map((r) => [r.label, r.description]), [
      ['test-cluster', 'all namespaces'],
      ['default', '1 rollout'],
      ['gitops-hugo', 'Healthy · step 8/8 · 100%'],
      // Its first pause is timed (1m): it goes on by itself, so nothing needs attention.
      ['payments', '1 rollout'],
      ['gitops-hugo', 'Paused · step 1/8 · 10%'],
    ]);
    // Screen readers hear the same text.
    assert.equal(await paused.getAttribute('aria-label'), 'gitops-hugo Paused · step 1/8 · 10%, has actions');
    await wb.screenshot('rollouts-tree');
  });

  it('expanding the paused rollout lists its canary revision above the stable one', async () => {
    const wb = workbench();
    const paused = wb.treeRow('gitops-hugo', 'payments');
    await paused.locator('.monaco-tl-twistie').click();
    await wb.treeRow('revision:1', 'payments').waitFor();
    const rows = await wb.treeRows();
    const at = rows.findIndex((r) => r.label === 'payments');
    assert.deepEqual(rows.slice(at + 1).map((r) => [r.label, r.description, r.expanded]), [
      ['gitops-hugo', 'Paused · step 1/8 · 10%', true],
      ['revision:2', 'canary', false],
      ['revision:1', 'stable', false],
    ]);
    await wb.screenshot('rollout-expanded');
  });
});
