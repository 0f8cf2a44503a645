// The "Preview query" command: resolve the metric's args (from a Rollout of the workspace that uses
// the template, else asking), run the query now against the context's Prometheus, evaluate the
// metric's conditions as Argo would, and keep the last 30 minutes for the hover's sparkline.
// Nothing is written anywhere; a failure says which address was used and why.
import * as vscode from 'vscode';
import { callerChoice } from '../../core/preview/callerChoice';
import { substituteArgsDeep } from '../../core/analysis/resolveArgs';
import { thresholdOf } from '../../core/analysis/thresholdOf';
import { templateCalls } from '../../core/preview/callerArgs';
import { planPreview, type PreviewCall } from '../../core/preview/planPreview';
import { previewVerdict } from '../../core/preview/previewVerdict';
import type { SparkSample } from '../../core/preview/sparklineSvg';
import { templateMetrics, type TemplateMetric } from '../../core/preview/templateMetrics';
import { chooseStep } from '../../core/prometheus/chooseStep';
import type { QueryData } from '../../core/prometheus/parseQueryResponse';
import type { Result } from '../../core/result';
import { isRecord, stringAt } from '../../core/untrustedJson';
import type { PromTarget } from '../../prometheus/promTarget';
import type { Logger } from '../log';
import { previewKey, type PreviewResult, type PreviewResults } from './previewResults';

export interface PreviewDeps {
  readonly target: (address: string | undefined, signal?: AbortSignal) => Promise<Result<PromTarget, string>>;
  /** Workspace objects that reference the template (Rollouts, Experiments), by the lint index. */
  readonly templateUsers: (kind: TemplateMetric['templateKind'], name: string) => readonly { readonly kind: string; readonly name: string; readonly value: unknown; readonly file?: string }[];
  readonly results: PreviewResults;
  readonly log: Logger;
}

const SPARKLINE_WINDOW_SEC = 30 * 60;
const SPARKLINE_WIDTH_PX = 320;

export function callsOf(deps: Pick<PreviewDeps, 'templateUsers'>, metric: TemplateMetric): PreviewCall[] {
  const clusterScope = metric.templateKind === 'ClusterAnalysisTemplate';
  return deps.templateUsers(metric.templateKind, metric.templateName)
    .filter((u) => u.kind === 'Rollout')
    .flatMap((u) => templateCalls(u.value, metric.templateName, clusterScope).map((c) => ({ rolloutName: u.name, rollout: u.value, ...(u.file !== undefined ? { file: u.file } : {}), ...c })));
}

export async function pickCall(calls: readonly PreviewCall[]): Promise<PreviewCall | undefined | 'cancelled'> {
  if (calls.length <= 1) return calls[0];
  const relative = (file: string): string => vscode.workspace.asRelativePath(vscode.Uri.parse(file));
  const picked = await vscode.window.showQuickPick(
    calls.map((c) => ({ ...callerChoice(c, relative), call: c })),
    { title: 'Resolve the template’s args as which caller?' },
  );
  return picked ? picked.call : 'cancelled';
}

function firstSeries(data: QueryData): SparkSample[] {
  if (data.resultType !== 'matrix') return [];
  return (data.series[0]?.samples ?? []).map((s) => ({ t: s.t, v: s.v }));
}

/** Command arguments come from lenses, the palette (none) or tests: checked, never trusted. */
function readArgs(args: readonly unknown[]): { uri?: vscode.Uri; templateName?: string; metricName?: string; typedArgs: Record<string, string> } {
  const [uri, templateName, metricName, typed] = args;
  const typedArgs = isRecord(typed) ? Object.fromEntries(Object.entries(typed).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  return {
    ...(uri instanceof vscode.Uri ? { uri } : {}),
    ...(typeof templateName === 'string' ? { templateName } : {}),
    ...(typeof metricName === 'string' ? { metricName } : {}),
    typedArgs,
  };
}

/** Arguments: (uri, templateName, metricName, typedArgs?) from the lens; none from the palette (the metric under the cursor). */
export function previewQueryCommand(deps: PreviewDeps): (...args: unknown[]) => Promise<PreviewResult | undefined> {
  // Values typed for args, per template, for the session: a second run does not ask again.
  const typedByTemplate = new Map<string, Record<string, string>>();

  return async (...args) => {
    const { uri, templateName, metricName, typedArgs } = readArgs(args);
    const editor = vscode.window.activeTextEditor;
    const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!document) return undefined;
    const metrics = templateMetrics(document.getText()).filter((m) => m.query !== '');
    const offset = editor?.document === document ? document.offsetAt(editor.selection.active) : 0;
    const metric = metricName !== undefined
      ? metrics.find((m) => m.templateName === templateName && m.metricName === metricName)
      : metrics.find((m) => m.querySpan && offset >= m.nameSpan.start && offset <= m.querySpan.end) ?? metrics[0];
    if (!metric) {
      void vscode.window.showWarningMessage('No Prometheus metric of an AnalysisTemplate here to preview.');
      return undefined;
    }
    const call = await pickCall(callsOf(deps, metric));
    if (call === 'cancelled') return undefined;
    const typedKey = `${metric.templateKind}/${metric.templateName}`;
    const typed = { ...typedByTemplate.get(typedKey), ...typedArgs };
    let plan = planPreview(metric, call, typed);
    if (!plan.ok && plan.missing.length > 0) {
      for (const name of plan.missing) {
        const value = await vscode.window.showInputBox({
          title: `Preview ${metric.metricName}: value of args.${name}`,
          prompt: call ? `${call.rolloutName} (${call.where}) gives no value the editor can know, e.g. a pod-template hash or a secret.` : 'No Rollout in the workspace uses this template.',
          ignoreFocusOut: true,
          value: typed[name] ?? '',
        });
        if (value === undefined) return undefined;
        typed[name] = value;
      }
      plan = planPreview(metric, call, typed);
    }
    typedByTemplate.set(typedKey, typed);
    if (!plan.ok) {
      void vscode.window.showErrorMessage(`Preview ${metric.metricName}: ${plan.error}`);
      return undefined;
    }
    const resolvedMetric = substituteArgsDeep(metric.metric, plan.args).value;
    const key = previewKey(document.uri, metric.templateName, metric.metricName);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Querying Prometheus for ${metric.metricName}…`, cancellable: true },
      async (_progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        try {
          const target = await deps.target(plan.address, controller.signal);
          if (!target.ok) {
            void vscode.window.showErrorMessage(`Preview ${metric.metricName}: ${target.error}`);
            return undefined;
          }
          const { client, where } = target.value;
          const now = Date.now() / 1000;
          const start = now - SPARKLINE_WINDOW_SEC;
          const [instant, range] = await Promise.all([
            client.instant(plan.query, now, controller.signal),
            client.range(plan.query, start, now, chooseStep(start, now, SPARKLINE_WIDTH_PX), controller.signal),
          ]);
          if (!instant.ok) {
            if (instant.error.kind !== 'cancelled') void vscode.window.showErrorMessage(`Preview ${metric.metricName}: ${instant.error.message}`);
            return undefined;
          }
          const verdict = previewVerdict(resolvedMetric, instant.value);
          const condition = stringAt(resolvedMetric, 'successCondition');
          const threshold = condition !== undefined ? thresholdOf(condition)?.value : undefined;
          const result: PreviewResult = {
            rawQuery: metric.query, query: plan.query, argsFrom: plan.argsFrom, where, at: Date.now(), evaluatedAtSec: now, line: verdict.line, phase: verdict.phase,
            samples: range.ok ? firstSeries(range.value) : [],
            ...(threshold !== undefined ? { threshold } : {}),
            ...(range.ok ? {} : { rangeNote: `No history: ${range.error.message}` }),
          };
          deps.results.set(key, result);
          deps.log.info(`preview ${metric.templateName}/${metric.metricName}: ${verdict.phase} ${verdict.value} via ${where}`);
          return result;
        } finally {
          cancel.dispose();
        }
      },
    );
  };
}
