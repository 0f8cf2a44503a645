// A Helm template in the workbench: the reference repository's gitops-hugo chart, copied into the
// workspace, with the values from envValues/local.yaml. The CodeLens above the template names the
// values it is rendered with (rendered by the real helm when realcluster/build.sh has built it), and a
// mistake typed into the template is underlined — nothing else is. Its screenshot is the README's.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { workbench } from './hooks';

const ROOT = nodePath.resolve(__dirname, '../..');
const HUGO = nodePath.resolve(ROOT, '../shared/corpus/gitops-playground-apps/helm/stack/gitops-hugo');

function builtHelm(): string | undefined {
  const r = spawnSync('bash', [nodePath.join(ROOT, 'realcluster/build.sh'), 'helm'], { encoding: 'utf8', env: { ...process.env, REALCLUSTER_NO_BUILD: '1' } });
  const dir = r.status === 0 ? r.stdout.split('\n').find((l) => l.startsWith('helm='))?.slice(5) : undefined;
  return dir ? nodePath.join(dir, 'helm') : undefined;
}

describe('a Helm template in the editor', () => {
  it('shows the values it is rendered with above the template and underlines only the mistake typed into it', async function () {
    if (!existsSync(HUGO)) {
      if (process.env.CI === 'true') throw new Error(`the gitops-playground-apps corpus is required under CI=true and is not at ${HUGO}`);
      this.skip();
    }
    const wb = workbench();
    cpSync(HUGO, nodePath.join(wb.workspace, 'helm', 'gitops-hugo'), { recursive: true });
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
    const problems = await wb.problems(1);
    assert.deepEqual(problems.map((p) => p.rule), ['unknown-field']);
    assert.match(problems[0]!.message, /revisionHistoryLimit/);
    assert.equal(await wb.page.locator('.editor-instance .monaco-editor .squiggly-error').count(), 1, 'one error underlined: the misspelt field');
    await wb.screenshot('helm-template');
  });
});
