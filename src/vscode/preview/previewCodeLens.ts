// "▶ Preview query" above each Prometheus metric of an AnalysisTemplate; after a run the lens shows
// the value and the verdict (`[0.97] → Successful (successCondition result[0] >= 0.95)`), and a second
// lens runs it again. Cheap: a text check first, then one parse of the templates of the file.
import * as vscode from 'vscode';
import { templateMetrics } from '../../core/preview/templateMetrics';
import { commandIds } from '../commandIds';
import { previewKey, type PreviewResults } from './previewResults';
import { BACKTEST_COMMAND } from './backtestCommand';

export class PreviewCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly results: PreviewResults) {
    this.onDidChangeCodeLenses = results.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (!text.includes('AnalysisTemplate') || !text.includes('prometheus')) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const m of templateMetrics(text)) {
      if (m.query === '') continue;
      const range = document.lineAt(document.positionAt(m.nameSpan.start).line).range;
      const args = [document.uri, m.templateName, m.metricName];
      const result = this.results.get(previewKey(document.uri, m.templateName, m.metricName), m.query);
      if (result) {
        lenses.push(new vscode.CodeLens(range, { title: result.line, command: commandIds.previewQuery, arguments: args, tooltip: `${result.query}\n\n${result.where}` }));
        lenses.push(new vscode.CodeLens(range, { title: '$(refresh) Run again', command: commandIds.previewQuery, arguments: args }));
      } else {
        lenses.push(new vscode.CodeLens(range, { title: '$(play) Preview query', command: commandIds.previewQuery, arguments: args, tooltip: 'Run this query against Prometheus now and evaluate its conditions' }));
      }
      lenses.push(new vscode.CodeLens(range, { title: '$(history) Backtest', command: BACKTEST_COMMAND, arguments: args, tooltip: 'What would this analysis have decided on past traffic? Replays it as a run started at every point of a window (default the last 6 h)' }));
    }
    return lenses;
  }

  dispose(): void {}
}
