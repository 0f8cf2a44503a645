// "Choose Helm Values Files…": pick the values files a chart is rendered with (saved in the
// workspace's argoRollouts.helm.valueFiles, keyed by the chart's folder), then render again.
import { readdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import type { RenderController } from './renderController';

export function chooseHelmValues(render: RenderController): (chartDir?: unknown) => Promise<void> {
  return async (chartDir) => {
    const dir = typeof chartDir === 'string' ? chartDir : chartOfActiveEditor(render);
    if (!dir) {
      void vscode.window.showInformationMessage('Open a template of a Helm chart (a file under templates/ with a Chart.yaml above it) to choose its values files.');
      return;
    }
    const current = render.valuesFor(dir).valueFiles;
    const candidates = valuesFiles(dir);
    const picked = await vscode.window.showQuickPick(
      candidates.map((f) => ({ label: f, picked: current.includes(f) })),
      { canPickMany: true, title: `Values for ${nodePath.basename(dir)} (after values.yaml, in this order)`, placeHolder: 'The chart is always rendered with its values.yaml; pick the files to add' },
    );
    if (!picked) return;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(dir));
    const key = folder ? nodePath.relative(folder.uri.fsPath, dir).split(nodePath.sep).join('/') : dir;
    const config = vscode.workspace.getConfiguration('argoRollouts');
    const all = { ...(config.get<Record<string, string[]>>('helm.valueFiles') ?? {}), [key]: picked.map((p) => p.label) };
    await config.update('helm.valueFiles', all, folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    void render.run({ dir, kind: 'helm' });
  };
}

function chartOfActiveEditor(render: RenderController): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const target = uri ? render.targetOf(uri) : undefined;
  return target?.kind === 'helm' ? target.dir : undefined;
}

/** YAML files of the chart folder other than values.yaml, Chart.yaml and the templates (envValues/*.yaml, values-prod.yaml…). */
function valuesFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(nodePath.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (depth < 2 && !['templates', 'charts', 'crds'].includes(e.name) && !e.name.startsWith('.')) visit(child, depth + 1);
      } else if (/\.ya?ml$/.test(e.name) && child !== 'values.yaml' && child !== 'Chart.yaml' && child !== 'Chart.lock') {
        out.push(child);
      }
    }
  };
  visit('', 0);
  return out.sort();
}
