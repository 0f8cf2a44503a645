// Helm templates in the real VS Code: the reference repository's deployment.yaml (a Rollout and an
// AnalysisTemplate full of template actions, read from the gitops-playground-apps corpus located by
// test/support/gitopsCorpus) opens without noise, and the rendered lint follows a values file:
// editing and saving it moves the finding to the line that now sets the bad value.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { ActionOutcome } from '../../../src/vscode/actions/runRolloutAction';
import { describeWithGitopsCorpus } from '../../support/gitopsCorpus';
import { control, openRolloutsView, requestCount, waitForTree, writesSince } from './clusterHelpers';
import { argoDiagnostics, describeDiagnostics, EXTENSION_ID, hasRule, replaceText, ruleOf, waitForDiagnostics } from './helpers';

const RENDERED = 'argo-rollouts (rendered)';

function extensionRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in the test host`);
  return ext.extensionPath;
}

function rendered(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === RENDERED);
}

/** Resolves once the rendered diagnostics of `uri` satisfy `ok` (checked now and on every change). */
function waitForRendered(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    if (ok(rendered(uri))) return resolve(rendered(uri));
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; rendered diagnostics: ${describeDiagnostics(rendered(uri))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !ok(rendered(uri))) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(rendered(uri));
    });
  });
}

/** helm v4 as realcluster/build.sh built it, or why it is not there. */
function builtHelm(root: string): { path: string } | { missing: string } {
  const r = spawnSync('bash', [nodePath.join(root, 'realcluster/build.sh'), 'helm'], { encoding: 'utf8', env: { ...process.env, REALCLUSTER_NO_BUILD: '1' } });
  if (r.status === 3) return { missing: 'Go is not installed (helm is built from the Go module proxy)' };
  if (r.status !== 0) return { missing: 'helm is not built yet: run bash realcluster/build.sh helm' };
  const line = r.stdout.split('\n').find((l) => l.startsWith('helm='));
  return line ? { path: nodePath.join(line.slice(5), 'helm') } : { missing: 'realcluster/build.sh helm printed no folder' };
}

describe('Helm templates', () => {
  describeWithGitopsCorpus('of the gitops-playground-apps corpus', (corpus) => {
    it('the reference deployment.yaml opens without noise: the only finding is the mistake typed into it', async () => {
      const file = nodePath.join(corpus, 'helm/stack/gitops-hugo/templates/deployment.yaml');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, { preview: false });
      try {
        // Typing a mistake proves the template was linted; the diagnostics are then exactly that mistake.
        await replaceText(doc, 'setWeight: 30', 'setWeight: 130');
        const ds = await waitForDiagnostics(doc.uri, hasRule('step-set-weight-range'), 'the typed setWeight 130');
        assert.deepEqual(ds.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`), [`step-set-weight-range@${doc.getText().split('\n').findIndex((l) => l.includes('setWeight: 130')) + 1}`]);
        await replaceText(doc, 'setWeight: 130', 'setWeight: 30');
        await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics once the mistake is undone');
        assert.deepEqual(argoDiagnostics(doc.uri), []);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });

  describe('rendered with the real helm', function () {
    this.timeout(90_000);
    let chart = '';
    let helm: { path: string } | { missing: string };

    before(async function () {
      helm = builtHelm(extensionRoot());
      if ('missing' in helm) {
        if (process.env.CI === 'true') throw new Error(helm.missing);
        console.log(`rendered lint: skipped: ${helm.missing}`);
        this.skip();
      }
      chart = mkdtempSync(nodePath.join(os.tmpdir(), 'argo-rollouts-chart-'));
      cpSync(nodePath.join(extensionRoot(), 'test/fixtures/helm/shop'), chart, { recursive: true });
      await vscode.workspace.getConfiguration('argoRollouts').update('helm.path', helm.path, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('argoRollouts').update('helm.path', undefined, vscode.ConfigurationTarget.Global);
      if (chart) rmSync(chart, { recursive: true, force: true });
    });

    it('editing a values file and saving moves the rendered finding to the line that now sets the bad value', async () => {
      const template = await vscode.workspace.openTextDocument(vscode.Uri.file(nodePath.join(chart, 'templates/rollout.yaml')));
      await vscode.window.showTextDocument(template, { preview: false });
      const values = await vscode.workspace.openTextDocument(vscode.Uri.file(nodePath.join(chart, 'values.yaml')));
      await vscode.window.showTextDocument(values, { preview: false });
      const replicasLine = (): number => values.getText().split('\n').findIndex((l) => l.startsWith('replicas:'));

      await replaceText(values, 'replicas: 2', 'replicas: "two"');
      await values.save();
      const first = await waitForRendered(values.uri, (ds) => ds.some((d) => ruleOf(d) === 'invalid-type'), 'the rendered invalid-type on values.yaml');
      assert.equal(first.find((d) => ruleOf(d) === 'invalid-type')!.range.start.line, replicasLine());
      const inTemplate = await waitForRendered(template.uri, (ds) => ds.some((d) => ruleOf(d) === 'invalid-type'), 'the same finding on the template line');
      const d = inTemplate.find((x) => ruleOf(x) === 'invalid-type')!;
      assert.equal(d.range.start.line, template.getText().split('\n').findIndex((l) => l.includes('replicas: {{ .Values.replicas }}')));
      assert.equal(d.relatedInformation?.[0]?.location.uri.fsPath, values.uri.fsPath, 'the related location is the values file');

      await replaceText(values, 'replicas: "two"', '# moved down\n\nreplicas: "two"');
      await values.save();
      const moved = await waitForRendered(values.uri, (ds) => ds.some((x) => ruleOf(x) === 'invalid-type' && x.range.start.line === replicasLine()), 'the finding on the new line');
      assert.equal(moved.filter((x) => ruleOf(x) === 'invalid-type').length, 1);

      await replaceText(values, 'replicas: "two"', 'replicas: 2');
      await values.save();
      await waitForRendered(values.uri, (ds) => ds.length === 0, 'no rendered finding once the value is fixed');
      await waitForRendered(template.uri, (ds) => ds.length === 0, 'no rendered finding on the template either');
    });

    it('Launch Canary on a template renders the chart and applies its Rollout by its rendered name, after a confirmation naming the chart and the values; the template then has the Open panel lens of that live rollout', async () => {
      const api: ArgoRolloutsApi = await openRolloutsView();
      const confirmations: string[] = [];
      const prompts = api.actionPrompts.use({
        confirm: (message, detail) => {
          confirmations.push([message, detail ?? ''].join('\n'));
          return Promise.resolve(true);
        },
        choose: () => Promise.resolve(undefined),
      });
      try {
        const template = await vscode.workspace.openTextDocument(vscode.Uri.file(nodePath.join(chart, 'templates/rollout.yaml')));
        await vscode.window.showTextDocument(template, { preview: false });
        const mark = await requestCount();
        const outcome = await vscode.commands.executeCommand<ActionOutcome>('argoRollouts.launchCanary', template.uri, template.getText().indexOf('kind: Rollout'));
        assert.equal(outcome?.status, 'done', JSON.stringify(outcome));
        const asked = confirmations.at(-1) ?? '';
        assert.ok(asked.startsWith('Launch rollout "shop-shop" in namespace "default"'), asked);
        assert.ok(asked.includes('The Rollout was rendered from chart shop'), asked);
        assert.ok(asked.includes('with values.yaml'), asked);
        const writes = await writesSince(mark);
        assert.ok(writes.some((w) => w.includes('/rollouts/shop-shop')), JSON.stringify(writes));
        const openPanel = async (): Promise<unknown[] | undefined> => {
          const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', template.uri);
          return lenses.find((l) => l.command?.command === 'argoRollouts.openPanel')?.command?.arguments;
        };
        await waitForTree(api.rolloutsTree, async () => (await openPanel()) !== undefined, 'the Open panel lens on the template');
        assert.deepEqual(await openPanel(), ['default', 'shop-shop']);
      } finally {
        prompts.dispose();
        await control('POST', '/rollouts/default/shop-shop/delete');
      }
    });
  });
});
