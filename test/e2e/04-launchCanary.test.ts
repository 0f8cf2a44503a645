// "Launch Canary in Current Context" from the command palette on a Rollout file, confirmed in the
// modal dialog: the first launch creates e2e-hugo (test/e2e/fixtures/e2e-hugo.yaml), the second, with
// a new image, starts a canary the tree shows at its first step.
import { strict as assert } from 'node:assert';
import { workbench } from './hooks';

const LAUNCH = 'Argo Rollouts: Launch Canary in Current Context';
const FILE = 'launch/e2e-hugo.yaml';

describe('launching a canary from the command palette', () => {
  it('creates the rollout after the confirmation naming context, namespace and rollout, and the tree shows it Healthy', async () => {
    const wb = workbench();
    await wb.hidePanel();
    await wb.quickOpen(FILE);
    await wb.runCommand(LAUNCH);
    const dialog = await wb.confirmDialog('Launch', 'launch-create-dialog');
    assert.equal(dialog.message, 'Launch rollout "e2e-hugo" in namespace "default" on context "test-cluster"?');
    assert.match(dialog.detail, /^creates rollout e2e-hugo in namespace default with 5 replicas/);
    await wb.treeRow('e2e-hugo', 'default').locator('.label-description', { hasText: /^Healthy · step 8\/8 · 100%$/ }).waitFor();
    await wb.screenshot('launch-created');
  });

  it('with a new image says a canary will start, and after the confirmation the tree shows it progressing at step 1, 10%', async () => {
    const wb = workbench();
    // The diff editor of the first launch is in front: back to the manifest, and edit its image.
    await wb.quickOpen(FILE);
    await wb.replaceInEditor('gitops-hugo:1.0.0', 'gitops-hugo:1.1.0');
    await wb.runCommand(LAUNCH);
    const dialog = await wb.confirmDialog('Launch', 'launch-canary-dialog');
    assert.match(dialog.detail, /pod template changed: a canary will start at step 1, setWeight 10/);
    assert.match(dialog.detail, /image hugo: ghcr\.io\/example\/gitops-hugo:1\.0\.0 → ghcr\.io\/example\/gitops-hugo:1\.1\.0/);
    const row = wb.treeRow('e2e-hugo', 'default');
    await row.locator('.label-description', { hasText: /^\w+ · step 1\/8 · 10%$/ }).waitFor();
    assert.doesNotMatch(await row.locator('.label-description').innerText(), /^Healthy/);
    await wb.screenshot('launch-canary-progressing');
  });
});
