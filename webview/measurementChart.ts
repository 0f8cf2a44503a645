// The measurements Argo recorded for one metric: a faint line through the values and a point per
// measurement in its phase's colour (green passed, red failed, ...), with the threshold drawn across.
// A visible table and a summary sentence carry the same data for screen readers and copy-paste.
import type uPlot from 'uplot';
import type { MeasurementPoint, ThresholdLine } from '../src/shared/protocol';
import { axes } from './chartAxes';
import { ChartFrame } from './chartFrame';
import { el, setText, uniqueId } from './dom';
import { formatClock, formatNumber, phaseClass, thresholdLabel } from './format';
import type { ChartColors } from './themeColors';
import { drawThreshold, rangeWithThreshold, timeRange } from './thresholdPlugin';

const PHASES = ['successful', 'failed', 'inconclusive', 'error', 'running', 'pending', 'unknown'] as const;

/** `10 measurements from 12:00:10 to 12:04:40; last 0.71 (Failed); threshold ≥ 0.95 success.` */
export function measurementSummary(points: readonly MeasurementPoint[], threshold: ThresholdLine | undefined): string {
  const first = points[0];
  const last = points[points.length - 1];
  const th = threshold ? `; threshold ${thresholdLabel(threshold)}` : '';
  if (!first || !last) return `No measurements yet${th}.`;
  const n = points.length === 1 ? '1 measurement' : `${points.length} measurements`;
  const span = points.length === 1 ? `at ${formatClock(first.t)}` : `from ${formatClock(first.t)} to ${formatClock(last.t)}`;
  const lastValue = last.v === null ? last.text : formatNumber(last.v);
  return `${n} ${span}; last ${lastValue} (${last.phase})${th}.`;
}

export class MeasurementChart {
  readonly element: HTMLElement;
  private readonly frame: ChartFrame;
  private readonly summary = el('p', { class: 'chart-summary', id: uniqueId('msum') });
  private readonly tableBody = el('tbody');
  private points: readonly MeasurementPoint[] = [];
  private threshold: ThresholdLine | undefined;
  private signature = '';

  constructor(metricName: string) {
    this.frame = new ChartFrame(`Measurements of ${metricName}; arrow keys move through them`, this.summary.id, this, 170);
    const table = el('table', { class: 'measurements' }, [
      el('caption', { class: 'sr-only' }, [`Measurements of ${metricName}`]),
      el('thead', {}, [el('tr', {}, ['Time', 'Value', 'Phase', 'Recorded'].map((h) => el('th', { scope: 'col' }, [h])))]),
      this.tableBody,
    ]);
    this.element = el('div', { class: 'measurement-chart' }, [
      el('h5', { class: 'chart-title' }, ['Measurements']),
      this.frame.element,
      this.summary,
      el('details', { class: 'measurement-table' }, [el('summary', {}, ['Measurements as a table']), table]),
    ]);
  }

  /** Redraws only when the measurements or the threshold changed. */
  update(points: readonly MeasurementPoint[], threshold: ThresholdLine | undefined): void {
    const signature = JSON.stringify([points, threshold]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.points = points;
    this.threshold = threshold;
    setText(this.summary, measurementSummary(points, threshold));
    this.tableBody.replaceChildren(
      ...points.map((p) =>
        el('tr', { class: `phase-${phaseClass(p.phase)}` }, [el('td', {}, [formatClock(p.t)]), el('td', {}, [p.v === null ? '—' : formatNumber(p.v)]), el('td', {}, [p.phase]), el('td', {}, [p.text])]),
      ),
    );
    this.frame.refresh();
  }

  destroy(): void {
    this.frame.destroy();
  }

  // ChartSpec, used by the frame.

  shape(): string {
    return JSON.stringify([this.phasesPresent(), this.threshold ?? null]);
  }

  data(): uPlot.AlignedData {
    const xs = this.points.map((p) => p.t);
    const all = this.points.map((p) => p.v);
    const byPhase = this.phasesPresent().map((phase) => this.points.map((p) => (phaseClass(p.phase) === phase ? p.v : null)));
    return [xs, all, ...byPhase];
  }

  describePoint(idx: number): string {
    const p = this.points[idx];
    return p ? `${formatClock(p.t)}: ${p.v === null ? p.text : formatNumber(p.v)}, ${p.phase}` : '';
  }

  options(colors: ChartColors): Omit<uPlot.Options, 'width' | 'height'> {
    const threshold = this.threshold;
    const phaseSeries: uPlot.Series[] = this.phasesPresent().map((phase) => {
      const color = colors.phase[phase] ?? colors.foreground;
      return {
        label: phase,
        stroke: color,
        width: 0,
        paths: () => null,
        points: { show: true, size: 8, space: 0, fill: color, stroke: color },
        value: (_u, v) => (v === null ? '—' : formatNumber(v)),
      };
    });
    return {
      class: 'measurement-plot',
      scales: { x: { time: true, range: timeRange() }, y: { range: rangeWithThreshold(threshold) } },
      axes: axes(colors),
      legend: { show: true, live: true },
      cursor: { points: { size: 10 } },
      series: [
        { label: 'time', value: (_u, v) => (v === null ? '—' : formatClock(v)) },
        { label: 'value', stroke: colors.grid, width: 1, points: { show: false }, spanGaps: true, value: (_u, v) => (v === null ? '—' : formatNumber(v)) },
        ...phaseSeries,
      ],
      hooks: threshold ? { draw: [drawThreshold(threshold, colors, this.frame.element)] } : {},
    };
  }

  private phasesPresent(): string[] {
    const present = new Set(this.points.map((p) => phaseClass(p.phase)));
    return PHASES.filter((p) => present.has(p));
  }
}
