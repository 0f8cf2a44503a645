// Wires "Preview query": the CodeLens and hover on AnalysisTemplate metrics, and the command.
import * as vscode from 'vscode';
import type { Logger } from '../log';
import { PreviewCodeLens } from './previewCodeLens';
import { PreviewHover } from './previewHover';
import { previewQueryCommand, type PreviewDeps } from './previewQuery';
import { PreviewResults } from './previewResults';
import { BACKTEST_SCHEME, BacktestReports, backtestCommand, runBacktest, type AskWindow, type BacktestOutcome, type BacktestRequest } from './backtestCommand';

/** A backtest of a metric already resolved (the rollout panel's), against a given Prometheus target. */
export type RunBacktest = (request: BacktestRequest, target: PreviewDeps['target']) => Promise<BacktestOutcome | undefined>;

const YAML: vscode.DocumentSelector = [{ language: 'yaml' }];

export function registerPreview(context: vscode.ExtensionContext, deps: Omit<PreviewDeps, 'results'> & { log: Logger; askWindow: AskWindow }): { previewQuery: ReturnType<typeof previewQueryCommand>; backtestMetric: ReturnType<typeof backtestCommand>; backtest: RunBacktest } {
  const results = new PreviewResults();
  const lens = new PreviewCodeLens(results);
  const reports = new BacktestReports();
  context.subscriptions.push(
    results,
    lens,
    vscode.languages.registerCodeLensProvider(YAML, lens),
    vscode.languages.registerHoverProvider(YAML, new PreviewHover(results)),
    vscode.workspace.registerTextDocumentContentProvider(BACKTEST_SCHEME, reports),
  );
  return {
    previewQuery: previewQueryCommand({ ...deps, results }),
    // The command (registered with the others from commandIds): from the "Backtest" lens, the palette (a metric of the active editor) and tests.
    backtestMetric: backtestCommand(deps, reports),
    backtest: (request, target) => runBacktest({ target, log: deps.log, askWindow: deps.askWindow }, reports, request),
  };
}
