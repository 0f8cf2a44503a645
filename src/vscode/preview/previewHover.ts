// Hovering a previewed query shows the resolved query, the verdict, where it ran, and a sparkline of
// the last 30 minutes with the threshold line.
import * as vscode from 'vscode';
import { sparklineSvg } from '../../core/preview/sparklineSvg';
import { templateMetrics } from '../../core/preview/templateMetrics';
import { previewKey, type PreviewResults } from './previewResults';

export class PreviewHover implements vscode.HoverProvider {
  constructor(private readonly results: PreviewResults) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    // Most hovers in a template file come before any preview: no parse for them.
    if (!this.results.hasAnyFor(document.uri)) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);
    const metric = templateMetrics(text).find((m) => m.querySpan && offset >= m.querySpan.start && offset <= m.querySpan.end);
    if (!metric?.querySpan) return undefined;
    const r = this.results.get(previewKey(document.uri, metric.templateName, metric.metricName), metric.query);
    if (!r) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**Preview of ${metric.metricName}** at ${new Date(r.at).toLocaleTimeString()}: ${r.line}\n\n`);
    if (r.samples.length > 0) {
      const svg = sparklineSvg(r.samples, { width: 320, height: 60, maxGapSec: 120, ...(r.threshold !== undefined ? { threshold: r.threshold } : {}) });
      const last = [...r.samples].reverse().find((s) => Number.isFinite(s.v));
      md.appendMarkdown(`![Last 30 minutes of ${metric.metricName}, last value ${last ? String(last.v) : 'none (no traffic)'}](data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')})\n\n`);
      md.appendMarkdown(`Last 30 minutes${r.threshold !== undefined ? `, dashed line at ${r.threshold}` : ''}.\n\n`);
    } else if (r.rangeNote) {
      md.appendMarkdown(`${r.rangeNote}\n\n`);
    }
    md.appendCodeblock(r.query, 'promql');
    md.appendMarkdown(`\n${r.argsFrom}; sent to ${r.where}.`);
    const start = document.positionAt(metric.querySpan.start);
    const end = document.positionAt(metric.querySpan.end);
    return new vscode.Hover(md, new vscode.Range(start, end));
  }
}
