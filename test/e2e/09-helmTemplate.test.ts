// A Helm template in the workbench: the reference repository's gitops-hugo chart (from the
// gitops-playground-apps corpus, located by test/support/gitopsCorpus), copied into the workspace,
// with the values from envValues/local.yaml. The CodeLens above the template names the values it is
// rendered with (rendered by the real helm when realcluster/build.sh has built it), and a mistake typed
// into the template is underlined — nothing else is. The Problems panel is filtered to the template's name:
// earlier files leave their own problems in the workspace (03's rollout.yaml keeps the mistake it does
// not fix), which a user looking at this template filters out too. Its screenshot is the README's.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { describeWithGitopsCorpus } from '../support/gitopsCorpus';
import { workbench } from './hooks';

const ROOT = nodePath.resolve(__dirname, '../..');

function builtHelm(): string | undefined {
  const r = spawnSync('bash', [nodePath.join(ROOT, 'realcluster/build.sh'), 'helm'], { encoding: 'utf8', env: { ...process.env, REALCLUSTER_NO_BUILD: '1' } });
  const dir = r.status === 0 ? r.stdout.split('\n').find((l) => l.startsWith('helm='))?.slice(5) : undefined;
  return dir ? nodePath.join(dir, 'helm') : undefined;
}

describeWithGitopsCorpus('a Helm template in the editor', (corpus) => {
  it('shows the values it is rendered with above the template and underlines only the mistake typed into it', async () => {
    const wb = workbench();
    cpSync(nodePath.join(corpus, 'helm/stack/gitops-hugo'), nodePath.join(wb.workspace, 'helm', 'gitops-hugo'), { recursive: true });
    const helm = builtHelm();
    mkdirSync(nodePath.join(wb.workspace, '.vscode'), { recursive: true });
    writeFileSync(
      nodePath.join(wb.workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'argoRollouts.helm.valueFiles': { 'helm/gitops-hugo': ['envValues/local.yaml'] }, ...(helm ? { 'argoRollouts.helm.path': helm } : {}) }, null, 2),
    );
    await wb.quickOpen('helm/gitops-hugo/templates/deployment.yaml');
    await wb.waitForText('.editor-instance .monaco-editor .codelens-decoration', helm ? /Rendered with values\.yaml, envValues\/local\.yaml · no findings/ : /Rendered with values\.yaml, envValues\/local\.yaml/);
    await wb.replaceInEditor('revisionHistoryLimit:', 'revisionHistoryLimt:');
    await wb.waitForEditorLine(/revisionHistoryLimt: \{\{ \.Values\.revisionHistoryLimit \}\}/);
    await wb.page.keyboard.press('Control+Home');
    // Typing goes through states that are not YAML (the key before its colon): wait for the lint of the last one.
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.waitForText('.markers-panel .monaco-list-row', /revisionHistoryLimit/);
    await wb.filterProblems('deployment.yaml');
    try {
      const problems = await wb.problems(1);
      assert.deepEqual(problems.map((p) => p.rule), ['unknown-field']);
      assert.match(problems[0]!.message, /revisionHistoryLimit/);
      assert.equal(await wb.page.locator('.editor-instance .monaco-editor .squiggly-error').count(), 1, 'one error underlined: the misspelt field');
      await wb.screenshot('helm-template');
    } finally {
      await wb.filterProblems('');
    }
  });
});
