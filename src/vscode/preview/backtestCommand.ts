// The "Backtest" command: a Prometheus metric of an AnalysisTemplate run over a past window (asked,
// default the last 6 h) at its interval with the args a workspace Rollout passes (or typed ones),
// each point judged by Argo's evaluator and the metric replayed as a run from every start. With
// progress and a cancel button; a cancelled or failed backtest shows nothing but why. The result opens
// as a Markdown preview: the sentence, the stable version's sentence when the args name the canary,
// the chart and the points that did not pass.
import * as vscode from 'vscode';
import { substituteArgsDeep } from '../../core/analysis/resolveArgs';
import { thresholdOf } from '../../core/analysis/thresholdOf';
import { DEFAULT_WINDOW_SECONDS, metricStepSeconds, planWindow, pointsOf, summarize } from '../../core/backtest/backtest';
import { backtestMarkdown, stableQuery } from '../../core/backtest/backtestReport';
import { planPreview } from '../../core/preview/planPreview';
import { templateMetrics } from '../../core/preview/templateMetrics';
import { stringAt } from '../../core/untrustedJson';
import { backtestQueries } from '../../prometheus/backtestQueries';
import type { PromTarget } from '../../prometheus/promTarget';
import { callsOf, pickCall, type PreviewDeps } from './previewQuery';

export const BACKTEST_COMMAND = 'argoRollouts.backtestMetric';
export const BACKTEST_SCHEME = 'argo-rollouts-backtest';

/** Reports as read-only documents: closing one never asks to save it. */
export class BacktestReports implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  add(title: string, markdown: string): vscode.Uri {
    this.counter += 1;
    const uri = vscode.Uri.from({ scheme: BACKTEST_SCHEME, path: `/${this.counter}/${title.replace(/[^\w.-]+/g, '-')}.md` });
    this.texts.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

const WINDOWS: readonly { label: string; seconds: number }[] = [
  { label: 'Last 1 hour', seconds: 3600 },
  { label: 'Last 6 hours', seconds: DEFAULT_WINDOW_SECONDS },
  { label: 'Last 24 hours', seconds: 86_400 },
  { label: 'Last 7 days', seconds: 7 * 86_400 },
];

export interface BacktestOutcome {
  readonly sentence: string;
  readonly stableSentence?: string;
  readonly markdown: string;
}

const clock = (sec: number): string => new Date(sec * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Arguments: (uri, templateName, metricName, typedArgs?, windowSeconds?) from the lens or a test. */
export function backtestCommand(deps: Omit<PreviewDeps, 'results'>, reports: BacktestReports): (...args: unknown[]) => Promise<BacktestOutcome | undefined> {
  return async (...args) => {
    const [uri, templateName, metricName, typedArg, windowArg] = args;
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const metric = templateMetrics(document.getText()).find((m) => m.query !== '' && (templateName === undefined || m.templateName === templateName) && (metricName === undefined || m.metricName === metricName));
    if (!metric) {
      void vscode.window.showWarningMessage('No Prometheus metric of an AnalysisTemplate here to backtest.');
      return undefined;
    }
    const call = await pickCall(callsOf(deps, metric));
    if (call === 'cancelled') return undefined;
    const typed: Record<string, string> = typeof typedArg === 'object' && typedArg !== null ? Object.fromEntries(Object.entries(typedArg).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
    let plan = planPreview(metric, call, typed);
    if (!plan.ok && plan.missing.length > 0) {
      for (const name of plan.missing) {
        const value = await vscode.window.showInputBox({ title: `Backtest ${metric.metricName}: value of args.${name}`, ignoreFocusOut: true });
        if (value === undefined) return undefined;
        typed[name] = value;
      }
      plan = planPreview(metric, call, typed);
    }
    if (!plan.ok) {
      void vscode.window.showErrorMessage(`Backtest ${metric.metricName}: ${plan.error}`);
      return undefined;
    }
    const resolved = substituteArgsDeep(metric.metric, plan.args).value;
    const step = metricStepSeconds(resolved);
    if (!step.ok) {
      void vscode.window.showErrorMessage(`Backtest ${metric.metricName}: ${step.error}.`);
      return undefined;
    }
    let windowSec = typeof windowArg === 'number' && windowArg > 0 ? windowArg : undefined;
    if (windowSec === undefined) {
      const picked = await vscode.window.showQuickPick(WINDOWS.map((w) => ({ ...w, picked: w.seconds === DEFAULT_WINDOW_SECONDS })), { title: `Backtest ${metric.metricName} over which past window? (one measurement every ${step.seconds} s)` });
      if (!picked) return undefined;
      windowSec = picked.seconds;
    }
    const window = planWindow(Math.floor(Date.now() / 1000 / step.seconds) * step.seconds, windowSec, step.seconds);
    if (!window.ok) {
      void vscode.window.showErrorMessage(`Backtest ${metric.metricName}: ${window.error}.`);
      return undefined;
    }
    const stable = call !== undefined ? stableQuery(metric.query, call.rollout, plan.args, plan.query) : undefined;
    const queries = [plan.query, ...(stable !== undefined ? [stable] : [])];
    const threshold = thresholdOf(stringAt(resolved, 'successCondition') ?? stringAt(resolved, 'failureCondition') ?? '')?.value;

    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Backtesting ${metric.metricName} over ${window.points} points`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        try {
          const target: Awaited<ReturnType<typeof deps.target>> = await deps.target(plan.address, controller.signal);
          if (!target.ok) {
            void vscode.window.showErrorMessage(`Backtest ${metric.metricName}: ${target.error}`);
            return undefined;
          }
          const { client, where }: PromTarget = target.value;
          const results = [];
          for (const [i, q] of queries.entries()) {
            const answers = await backtestQueries(client, q, window.window, (done, total) => progress.report({ message: `${i === 0 ? 'canary' : 'stable'}: ${done} of ${total} range queries`, increment: total === 0 || done === 0 ? 0 : 100 / total / queries.length }), controller.signal);
            if (!answers.ok) {
              if (answers.error.kind !== 'cancelled') void vscode.window.showErrorMessage(`Backtest ${metric.metricName}: ${answers.error.message}`);
              return undefined;
            }
            const points = pointsOf(resolved, window.window, answers.value);
            results.push({ query: q, points, summary: summarize(resolved, points, window.window, clock) });
          }
          const [canary, stableResult] = results;
          if (!canary) return undefined;
          const markdown = backtestMarkdown({ title: `${metric.templateName} / ${metric.metricName}`, query: plan.query, where, argsFrom: plan.argsFrom, threshold, canary, ...(stableResult ? { stable: stableResult } : {}), clock });
          const doc = await vscode.workspace.openTextDocument(reports.add(`backtest-${metric.templateName}-${metric.metricName}`, markdown));
          await vscode.window.showTextDocument(doc, { preview: false });
          // The rendered chart beside the text, when the built-in Markdown preview is there.
          await Promise.resolve(vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri)).catch(() => undefined);
          deps.log.info(`backtest ${metric.templateName}/${metric.metricName}: ${canary.summary.sentence}`);
          return { sentence: canary.summary.sentence, ...(stableResult ? { stableSentence: stableResult.summary.sentence } : {}), markdown };
        } finally {
          cancel.dispose();
        }
      },
    );
  };
}
