// Wires the rendered lint to the editor: render on open and on save of a chart's or an overlay's
// files, re-render when the settings that choose binaries or values change, the CodeLens above
// templates.
import * as vscode from 'vscode';
import type { LintController } from '../diagnostics/lintController';
import type { Logger } from '../log';
import { chooseHelmValues } from './chooseHelmValues';
import { RenderCodeLens } from './renderCodeLens';
import { RenderController } from './renderController';

export function registerRendering(context: vscode.ExtensionContext, controller: LintController, log: Logger): { render: RenderController; chooseHelmValues: (dir?: unknown) => Promise<void> } {
  const render = new RenderController(controller, context.extensionUri, log);
  context.subscriptions.push(
    render,
    vscode.workspace.onDidOpenTextDocument((d) => render.schedule(d.uri)),
    vscode.workspace.onDidSaveTextDocument((d) => render.schedule(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!['argoRollouts.helm', 'argoRollouts.kustomize'].some((s) => e.affectsConfiguration(s))) return;
      for (const d of vscode.workspace.textDocuments) render.schedule(d.uri);
    }),
    vscode.languages.registerCodeLensProvider([{ language: 'yaml', scheme: 'file' }, { language: 'helm', scheme: 'file' }], new RenderCodeLens(render)),
  );
  for (const d of vscode.workspace.textDocuments) render.schedule(d.uri);
  return { render, chooseHelmValues: chooseHelmValues(render) };
}
