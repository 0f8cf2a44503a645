// The metric's query re-run over its analysis window (Prometheus range query): canary and stable
// side by side in one chart with a legend, the threshold across. The page asks for it when the chart
// first becomes visible (and again when it gets much wider); until the answer arrives it says so.
import type uPlot from 'uplot';
import type { SeriesLine, SeriesView, ThresholdLine } from '../src/shared/protocol';
import { alignSeries, type Aligned } from './alignSeries';
import { axes } from './chartAxes';
import { ChartFrame } from './chartFrame';
import { el, setText, uniqueId } from './dom';
import { formatClock, formatNumber } from './format';
import type { ChartColors } from './themeColors';
import { drawThreshold, rangeWithThreshold, timeRange } from './thresholdPlugin';

type Ok = Extract<SeriesView, { status: 'ok' }>;

/** `The run: 12:00:00 to 12:03:30; before and after it (shaded) the lines may be another release.` */
function runSentence(series: Ok): string {
  if (!series.run) return '';
  const until = series.run.end !== undefined ? `to ${formatClock(series.run.end)}` : 'on, still running';
  return ` The run: ${formatClock(series.run.start)} ${until}; before and after it (shaded) the lines may be another release.`;
}

/**
 * Shades the plot outside the run and draws a line at its start and end: the queries usually select
 * a Service, which carried the previous release's canary before this run.
 */
function drawRunWindow(run: { start: number; end?: number }, colors: ChartColors, marker: HTMLElement): (u: uPlot) => void {
  return (u) => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const clamp = (x: number): number => Math.min(left + width, Math.max(left, x));
    const startX = clamp(Math.round(u.valToPos(run.start, 'x', true)));
    const endX = run.end === undefined ? left + width : clamp(Math.round(u.valToPos(run.end, 'x', true)));
    ctx.save();
    ctx.globalAlpha = 0.14;
    ctx.fillStyle = colors.foreground;
    if (startX > left) ctx.fillRect(left, top, startX - left, height);
    if (endX < left + width) ctx.fillRect(endX, top, left + width - endX, height);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = colors.foreground;
    ctx.lineWidth = Math.max(1, Math.round(devicePixelRatio));
    ctx.setLineDash([2 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.fillStyle = colors.foreground;
    ctx.font = colors.font.replace(/^(\d+)px/, (_m, px: string) => `${Number(px) * devicePixelRatio}px`);
    ctx.textBaseline = 'top';
    for (const [x, text, align] of [[startX, 'run started', 'left'], ...(run.end !== undefined ? [[endX, 'run ended', 'right'] as const] : [])] as const) {
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.textAlign = align;
      ctx.fillText(text, x + (align === 'left' ? 4 : -4) * devicePixelRatio, top + 2 * devicePixelRatio);
    }
    ctx.restore();
    marker.dataset.runStartX = String(startX);
    marker.dataset.runEndX = String(endX);
  };
}

/** `canary: 120 points from 12:00:00 to 12:10:00, last 0.71; stable: …` */
export function seriesSummary(series: Ok): string {
  if (series.lines.length === 0) return `The query returned no series over the run's window (${series.where}).`;
  const lines = series.lines.map((l) => {
    const first = l.t[0];
    const lastT = l.t[l.t.length - 1];
    if (first === undefined || lastT === undefined) return `${l.label}: no points`;
    const lastV = l.v[l.v.length - 1];
    return `${l.label}: ${l.t.length} points from ${formatClock(first)} to ${formatClock(lastT)}, last ${lastV === null || lastV === undefined ? 'no value' : formatNumber(lastV)}`;
  });
  return `${lines.join('; ')}. Step ${series.stepSeconds}s, from ${series.where}.${runSentence(series)}`;
}

export class SeriesChart {
  readonly element: HTMLElement;
  private readonly status = el('p', { class: 'series-status', role: 'status' });
  private readonly warnings = el('ul', { class: 'series-warnings' });
  private readonly summary = el('p', { class: 'chart-summary', id: uniqueId('ssum') });
  private readonly frame: ChartFrame;
  private series: Ok | undefined;
  private aligned: Aligned = { xs: [], ys: [] };
  private threshold: ThresholdLine | undefined;
  private requestedWidth = 0;
  private readonly visibility: IntersectionObserver;
  private readonly sizes: ResizeObserver;

  /** `request(widthPx)` posts `requestSeries`; called when visible and when much wider than asked. */
  constructor(
    metricName: string,
    private readonly request: (widthPx: number) => void,
  ) {
    this.frame = new ChartFrame(`Query over the analysis window for ${metricName}; arrow keys move the cursor`, this.summary.id, this, 200);
    this.frame.element.hidden = true;
    this.summary.hidden = true;
    this.element = el('div', { class: 'series-chart' }, [el('h5', { class: 'chart-title' }, ['Query over the run\'s window']), this.status, this.warnings, this.frame.element, this.summary]);
    // Asked for only once on screen: a panel with 30 metrics must not send 30 range queries at once.
    this.visibility = new IntersectionObserver((entries) => {
      if (this.requestedWidth === 0 && entries.some((e) => e.isIntersecting) && this.element.clientWidth > 0) this.ask(this.element.clientWidth);
    });
    this.visibility.observe(this.element);
    this.sizes = new ResizeObserver(() => this.widthChanged(this.element.clientWidth));
    this.sizes.observe(this.element);
  }

  /** Asks again (e.g. a running analysis got a new measurement), if it was asked before. */
  refetch(): void {
    if (this.requestedWidth > 0) this.ask(this.requestedWidth);
  }

  setThreshold(threshold: ThresholdLine | undefined): void {
    if (JSON.stringify(threshold) === JSON.stringify(this.threshold)) return;
    this.threshold = threshold;
    if (this.series) this.frame.rebuild();
  }

  show(series: SeriesView): void {
    if (series.status === 'error') {
      this.series = undefined;
      this.element.dataset.state = 'error';
      setText(this.status, `Could not load the series from ${series.where}: ${series.message}`);
      this.status.classList.add('error');
      this.frame.element.hidden = true;
      this.summary.hidden = true;
      this.warnings.replaceChildren();
      return;
    }
    this.series = series;
    this.aligned = alignSeries(series.lines);
    this.element.dataset.state = 'ok';
    this.status.classList.remove('error');
    setText(this.status, series.lines.length === 0 ? `No data over the run's window from ${series.where}.` : '');
    this.warnings.replaceChildren(...series.warnings.map((w) => el('li', {}, [`Prometheus warning: ${w}`])));
    setText(this.summary, seriesSummary(series));
    this.frame.element.hidden = series.lines.length === 0;
    // With no series the status line already says so; the summary (the chart's text alternative) would repeat it.
    this.summary.hidden = series.lines.length === 0;
    this.frame.refresh();
  }

  destroy(): void {
    this.visibility.disconnect();
    this.sizes.disconnect();
    this.frame.destroy();
  }

  private widthChanged(width: number): void {
    // The host picks the query step from the width: ask again only when the chart got much wider,
    // so that dragging a splitter does not flood Prometheus.
    if (this.requestedWidth > 0 && width > this.requestedWidth * 1.5) this.ask(width);
  }

  private ask(width: number): void {
    this.requestedWidth = Math.min(20_000, Math.max(1, Math.round(width)));
    if (!this.series) {
      this.element.dataset.state = 'loading';
      this.status.classList.remove('error');
      setText(this.status, 'Loading the series from Prometheus…');
    }
    this.request(this.requestedWidth);
  }

  // ChartSpec, used by the frame.

  shape(): string {
    return JSON.stringify([this.series?.lines.map((l) => [l.label, l.role]) ?? [], this.threshold ?? null]);
  }

  data(): uPlot.AlignedData {
    return [this.aligned.xs, ...this.aligned.ys];
  }

  describePoint(idx: number): string {
    const t = this.aligned.xs[idx];
    if (t === undefined || !this.series) return '';
    const values = this.series.lines.map((l, i) => {
      const v = this.aligned.ys[i]?.[idx];
      return `${l.label} ${v === null || v === undefined ? 'no value' : formatNumber(v)}`;
    });
    return `${formatClock(t)}: ${values.join(', ')}`;
  }

  options(colors: ChartColors): Omit<uPlot.Options, 'width' | 'height'> {
    const lines = this.series?.lines ?? [];
    const threshold = this.threshold;
    let queryIndex = 0;
    const colorOf = (l: SeriesLine): string => {
      if (l.role === 'canary') return colors.canary;
      if (l.role === 'stable') return colors.stable;
      const c = colors.palette[queryIndex % colors.palette.length] ?? colors.foreground;
      queryIndex += 1;
      return c;
    };
    return {
      class: 'series-plot',
      scales: { x: { time: true, range: timeRange() }, y: { range: rangeWithThreshold(threshold) } },
      axes: axes(colors),
      legend: { show: true, live: true },
      series: [
        { label: 'time', value: (_u, v) => (v === null ? '—' : formatClock(v)) },
        ...lines.map(
          (l): uPlot.Series => ({
            label: l.label,
            stroke: colorOf(l),
            width: 1.5,
            spanGaps: false,
            points: { show: false },
            value: (_u, v) => (v === null ? '—' : formatNumber(v)),
          }),
        ),
      ],
      hooks: {
        draw: [
          ...(this.series?.run ? [drawRunWindow(this.series.run, colors, this.frame.element)] : []),
          ...(threshold ? [drawThreshold(threshold, colors, this.frame.element)] : []),
        ],
      },
    };
  }
}
