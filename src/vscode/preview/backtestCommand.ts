// The "Backtest" command: a Prometheus metric of an AnalysisTemplate run over a past window (asked,
// default the last 6 h) at its interval with the args a workspace Rollout passes (or typed ones),
// each point judged by Argo's evaluator and the metric replayed as a run from every start. With
// progress and a cancel button; a cancelled or failed backtest shows nothing but why. The result opens
// as a Markdown preview: the sentence, the stable version's sentence when the args name the canary,
// the chart and the points that did not pass. From the lens, the palette (the metric picked among the
// active editor's), or a metric of the rollout panel (runBacktest, with the AnalysisRun's own args).
import * as vscode from 'vscode';
import { substituteArgsDeep } from '../../core/analysis/resolveArgs';
import { thresholdOf } from '../../core/analysis/thresholdOf';
import { DEFAULT_WINDOW_SECONDS, metricStepSeconds, planWindow, pointsOf, summarize } from '../../core/backtest/backtest';
import { backtestMarkdown, stableQuery } from '../../core/backtest/backtestReport';
import type { RunBacktestPlan } from '../../core/panel/planSeries';
import { planPreview } from '../../core/preview/planPreview';
import { templateMetrics } from '../../core/preview/templateMetrics';
import { stringAt } from '../../core/untrustedJson';
import { backtestQueries } from '../../prometheus/backtestQueries';
import type { PromTarget } from '../../prometheus/promTarget';
import type { BacktestWindowChoice } from '../actions/prompts';
import { commandIds } from '../commandIds';
import { callsOf, pickCall, type PreviewDeps } from './previewQuery';

/** Asks the past window (seconds); the extension's prompts, so tests can answer it. */
export type AskWindow = (title: string, choices: readonly BacktestWindowChoice[]) => Promise<number | undefined>;

export const BACKTEST_COMMAND = commandIds.backtestMetric;
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

/** The default first: a single-choice pick starts on the first item. */
const WINDOWS: readonly BacktestWindowChoice[] = [
  { label: 'Last 6 hours', seconds: DEFAULT_WINDOW_SECONDS },
  { label: 'Last 1 hour', seconds: 3600 },
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
export function backtestCommand(deps: Omit<PreviewDeps, 'results'> & { askWindow: AskWindow }, reports: BacktestReports): (...args: unknown[]) => Promise<BacktestOutcome | undefined> {
  return async (...args) => {
    const [uri, templateName, metricName, typedArg, windowArg] = args;
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const candidates = templateMetrics(document.getText()).filter((m) => m.query !== '' && (templateName === undefined || m.templateName === templateName) && (metricName === undefined || m.metricName === metricName));
    if (candidates.length === 0) {
      void vscode.window.showWarningMessage('No Prometheus metric of an AnalysisTemplate here to backtest: open an AnalysisTemplate, or use Backtest on a metric of the rollout panel.');
      return undefined;
    }
    // From the palette: which of the file's metrics (one alone needs no question).
    const metric = candidates.length === 1 ? candidates[0] : (await vscode.window.showQuickPick(
      candidates.map((m) => ({ label: m.metricName, description: m.templateName, metric: m })),
      { title: 'Backtest which metric?' },
    ))?.metric;
    if (!metric) return undefined;
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
    const stable = call !== undefined ? stableQuery(metric.query, call.rollout, plan.args, plan.query) : undefined;
    return runBacktest(deps, reports, {
      title: `${metric.templateName} / ${metric.metricName}`, metricName: metric.metricName, metric: resolved, query: plan.query,
      stableQuery: stable, address: plan.address, argsFrom: plan.argsFrom, windowSeconds: windowArg,
    });
  };
}

/** A metric ready to backtest (its spec with the arguments in, its query, and the stable version's), as the panel plans one. */
export interface BacktestRequest extends RunBacktestPlan {
  /** Skips the window question (tests). */
  readonly windowSeconds?: unknown;
}

/** Asks the window, runs the range queries with progress and cancel, and opens the report. */
export async function runBacktest(deps: Pick<PreviewDeps, 'target' | 'log'> & { askWindow: AskWindow }, reports: BacktestReports, request: BacktestRequest): Promise<BacktestOutcome | undefined> {
  const { metricName, stableQuery: stable, windowSeconds: windowArg } = request;
  const resolved = request.metric;
  const step = metricStepSeconds(resolved);
  if (!step.ok) {
    void vscode.window.showErrorMessage(`Backtest ${metricName}: ${step.error}.`);
    return undefined;
  }
  let windowSec = typeof windowArg === 'number' && windowArg > 0 ? windowArg : undefined;
  if (windowSec === undefined) {
    windowSec = await deps.askWindow(`Backtest ${metricName} over which past window? (one measurement every ${step.seconds} s)`, WINDOWS);
    if (windowSec === undefined) return undefined;
  }
  const window = planWindow(Math.floor(Date.now() / 1000 / step.seconds) * step.seconds, windowSec, step.seconds);
  if (!window.ok) {
    void vscode.window.showErrorMessage(`Backtest ${metricName}: ${window.error}.`);
    return undefined;
  }
  const queries = [request.query, ...(stable !== undefined ? [stable] : [])];
  const threshold = thresholdOf(stringAt(resolved, 'successCondition') ?? stringAt(resolved, 'failureCondition') ?? '')?.value;

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Backtesting ${metricName} over ${window.points} points`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const target: Awaited<ReturnType<typeof deps.target>> = await deps.target(request.address, controller.signal);
        if (!target.ok) {
          void vscode.window.showErrorMessage(`Backtest ${metricName}: ${target.error}`);
          return undefined;
        }
        const { client, where }: PromTarget = target.value;
        const results = [];
        for (const [i, q] of queries.entries()) {
          const answers = await backtestQueries(client, q, window.window, (done, total) => progress.report({ message: `${i === 0 ? 'canary' : 'stable'}: ${done} of ${total} range queries`, increment: total === 0 || done === 0 ? 0 : 100 / total / queries.length }), controller.signal);
          if (!answers.ok) {
            if (answers.error.kind !== 'cancelled') void vscode.window.showErrorMessage(`Backtest ${metricName}: ${answers.error.message}`);
            return undefined;
          }
          const points = pointsOf(resolved, window.window, answers.value);
          results.push({ query: q, points, summary: summarize(resolved, points, window.window, clock) });
        }
        const [canary, stableResult] = results;
        if (!canary) return undefined;
        const markdown = backtestMarkdown({ title: request.title, query: request.query, where, argsFrom: request.argsFrom, threshold, canary, ...(stableResult ? { stable: stableResult } : {}), clock });
        const doc = await vscode.workspace.openTextDocument(reports.add(`backtest-${request.title}`, markdown));
        await vscode.window.showTextDocument(doc, { preview: false });
        // The rendered chart beside the text, when the built-in Markdown preview is there.
        await Promise.resolve(vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri)).catch(() => undefined);
        deps.log.info(`backtest ${request.title}: ${canary.summary.sentence}`);
        return { sentence: canary.summary.sentence, ...(stableResult ? { stableSentence: stableResult.summary.sentence } : {}), markdown };
      } finally {
        cancel.dispose();
      }
    },
  );
}
