// The last preview of each metric, shown by the CodeLens title and the hover until the query text
// changes (a result for another query would mislead).
import * as vscode from 'vscode';
import type { SparkSample } from '../../core/preview/sparklineSvg';

export interface PreviewResult {
  /** The metric's query as written when the preview ran. */
  readonly rawQuery: string;
  readonly query: string;
  readonly argsFrom: string;
  readonly where: string;
  /** Epoch ms when the preview finished. */
  readonly at: number;
  /** The instant query's evaluation time (Unix seconds): the same query at this time gives the same value. */
  readonly evaluatedAtSec: number;
  /** The verdict line, or the reason the query could not run. */
  readonly line: string;
  readonly phase: string;
  /** Last 30 minutes of the first series, for the sparkline; empty when the range query failed. */
  readonly samples: readonly SparkSample[];
  readonly threshold?: number;
  readonly rangeNote?: string;
}

export function previewKey(uri: vscode.Uri, templateName: string, metricName: string): string {
  return `${uri.toString()}#${templateName}/${metricName}`;
}

export class PreviewResults implements vscode.Disposable {
  private readonly results = new Map<string, PreviewResult>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get(key: string, rawQuery: string): PreviewResult | undefined {
    const r = this.results.get(key);
    return r && r.rawQuery === rawQuery ? r : undefined;
  }

  /** Whether any metric of this document has been previewed (the hover parses nothing otherwise). */
  hasAnyFor(uri: vscode.Uri): boolean {
    const prefix = `${uri.toString()}#`;
    for (const key of this.results.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  set(key: string, result: PreviewResult): void {
    this.results.set(key, result);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
