// Wires "Preview query": the CodeLens and hover on AnalysisTemplate metrics, and the command.
import * as vscode from 'vscode';
import type { Logger } from '../log';
import { PreviewCodeLens } from './previewCodeLens';
import { PreviewHover } from './previewHover';
import { previewQueryCommand, type PreviewDeps } from './previewQuery';
import { PreviewResults } from './previewResults';

const YAML: vscode.DocumentSelector = [{ language: 'yaml' }];

export function registerPreview(context: vscode.ExtensionContext, deps: Omit<PreviewDeps, 'results'> & { log: Logger }): { previewQuery: ReturnType<typeof previewQueryCommand> } {
  const results = new PreviewResults();
  const lens = new PreviewCodeLens(results);
  context.subscriptions.push(
    results,
    lens,
    vscode.languages.registerCodeLensProvider(YAML, lens),
    vscode.languages.registerHoverProvider(YAML, new PreviewHover(results)),
  );
  return { previewQuery: previewQueryCommand({ ...deps, results }) };
}
