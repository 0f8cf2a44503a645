// Wires "Preview query": the CodeLens and hover on AnalysisTemplate metrics, and the command.
import * as vscode from 'vscode';
import type { Logger } from '../log';
import { PreviewCodeLens } from './previewCodeLens';
import { PreviewHover } from './previewHover';
import { previewQueryCommand, type PreviewDeps } from './previewQuery';
import { PreviewResults } from './previewResults';
import { BACKTEST_COMMAND, BACKTEST_SCHEME, BacktestReports, backtestCommand } from './backtestCommand';

const YAML: vscode.DocumentSelector = [{ language: 'yaml' }];

export function registerPreview(context: vscode.ExtensionContext, deps: Omit<PreviewDeps, 'results'> & { log: Logger }): { previewQuery: ReturnType<typeof previewQueryCommand> } {
  const results = new PreviewResults();
  const lens = new PreviewCodeLens(results);
  const reports = new BacktestReports();
  context.subscriptions.push(
    results,
    lens,
    vscode.languages.registerCodeLensProvider(YAML, lens),
    vscode.languages.registerHoverProvider(YAML, new PreviewHover(results)),
    // Reached from the "Backtest" lens (and tests); not in the palette.
    vscode.workspace.registerTextDocumentContentProvider(BACKTEST_SCHEME, reports),
    vscode.commands.registerCommand(BACKTEST_COMMAND, backtestCommand(deps, reports)),
  );
  return { previewQuery: previewQueryCommand({ ...deps, results }) };
}
