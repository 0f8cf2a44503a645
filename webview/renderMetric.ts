// One metric of an analysis run: phase, counts against their limits, the resolved query, the
// explanation sentence from src/core, the measurements chart, and (for Prometheus) the query's
// series over the run's window. Keyed by `MetricView.key`: updates never rebuild the charts.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { MetricView, SeriesView } from '../src/shared/protocol';
import { el, setAttr, setText, uniqueId } from './dom';
import { phaseClass } from './format';
import { MeasurementChart } from './measurementChart';
import { SeriesChart } from './seriesChart';

export interface MetricCallbacks {
  requestSeries(key: string, widthPx: number): void;
  openTemplate(key: string): void;
  /** Backtest this metric over a past window (the host asks which). */
  backtest(key: string): void;
  /** The open state the user last gave a run, if any (kept across page reloads). */
  savedOpen?(runName: string): boolean | undefined;
  /** The user opened or closed a run. */
  toggled?(runName: string, open: boolean): void;
}

/** `failed 1 > failureLimit 0`: a count against the limit it is compared with, and whether it is over. */
export function countLines(m: MetricView): { readonly text: string; readonly over: boolean }[] {
  const c = m.counts;
  const l = m.limits;
  const vs = (what: string, n: number, limitName: string, limit: number): { text: string; over: boolean } =>
    limit < 0 ? { text: `${what} ${n} (no ${limitName})`, over: false } : { text: `${what} ${n} ${n > limit ? '>' : '≤'} ${limitName} ${limit}`, over: n > limit };
  return [
    { text: l.count === undefined ? `measured ${c.count}` : `measured ${c.count} of count ${l.count}`, over: false },
    { text: `successful ${c.successful}`, over: false },
    vs('failed', c.failed, 'failureLimit', l.failureLimit),
    vs('inconclusive', c.inconclusive, 'inconclusiveLimit', l.inconclusiveLimit),
    { text: `error ${c.error}`, over: false },
    vs('consecutiveError', c.consecutiveError, 'consecutiveErrorLimit', l.consecutiveErrorLimit),
  ];
}

export class MetricCard {
  readonly element: HTMLElement;
  private readonly heading = el('h4', { id: uniqueId('metric') });
  private readonly badge = el('vscode-badge', { class: 'phase' });
  private readonly dryRun = el('span', { class: 'tag' }, ['dry run']);
  private readonly provider = el('span', { class: 'muted provider' });
  private readonly explanation = el('p', { class: 'explanation' });
  private readonly counts = el('ul', { class: 'counts', 'aria-label': 'Counts and limits' });
  private readonly query = el('code');
  private readonly queryBlock: HTMLElement;
  private readonly backtestButton: HTMLElement;
  private readonly conditions = el('ul', { class: 'conditions' });
  private readonly measurements: MeasurementChart;
  private series: SeriesChart | undefined;
  private lastMeasured: number | undefined;

  constructor(
    private metric: MetricView,
    private readonly callbacks: MetricCallbacks,
  ) {
    const open = el('vscode-button', { secondary: '', class: 'open-template', title: 'Open the AnalysisTemplate that defines this metric' }, ['Open template']);
    open.addEventListener('click', () => this.callbacks.openTemplate(this.metric.key));
    this.backtestButton = el('vscode-button', { secondary: '', class: 'backtest', title: 'Run this query over a past window and replay the analysis from every start: would it have passed?' }, ['Backtest']);
    this.backtestButton.addEventListener('click', () => this.callbacks.backtest(this.metric.key));
    this.queryBlock = el('div', { class: 'query' }, [el('span', { class: 'label' }, ['Query']), el('pre', {}, [this.query])]);
    this.measurements = new MeasurementChart(metric.name);
    this.element = el('article', { class: 'metric', 'data-key': metric.key, 'aria-labelledby': this.heading.id }, [
      el('div', { class: 'metric-head' }, [this.heading, this.badge, this.dryRun, this.provider, this.backtestButton, open]),
      this.explanation,
      this.counts,
      this.queryBlock,
      this.conditions,
      this.measurements.element,
    ]);
    this.update(metric);
  }

  update(m: MetricView): void {
    this.metric = m;
    setText(this.heading, m.name);
    setText(this.badge, m.phase);
    setAttr(this.badge, 'class', `phase phase-${phaseClass(m.phase)}`);
    setAttr(this.element, 'class', `metric metric-${phaseClass(m.phase)}`);
    this.dryRun.hidden = !m.dryRun;
    // Only a query that can be run again (Prometheus, every argument resolved) can be backtested.
    this.backtestButton.hidden = !m.hasSeries;
    setText(this.provider, m.provider);
    setText(this.explanation, m.explanation);
    this.renderCounts(m);
    setText(this.query, m.query ?? '');
    this.queryBlock.hidden = m.query === undefined;
    const conds = [m.successCondition && `successCondition: ${m.successCondition}`, m.failureCondition && `failureCondition: ${m.failureCondition}`].filter((c): c is string => !!c);
    if (conds.join('\n') !== [...this.conditions.children].map((c) => c.textContent).join('\n')) this.conditions.replaceChildren(...conds.map((c) => el('li', {}, [c])));
    this.measurements.update(m.measurements, m.threshold);
    this.updateSeries(m);
  }

  showSeries(series: SeriesView): void {
    this.series?.show(series);
  }

  destroy(): void {
    this.measurements.destroy();
    this.series?.destroy();
  }

  private updateSeries(m: MetricView): void {
    if (!m.hasSeries) {
      this.series?.destroy();
      this.series?.element.remove();
      this.series = undefined;
      return;
    }
    if (!this.series) {
      this.series = new SeriesChart(m.name, (w) => this.callbacks.requestSeries(this.metric.key, w));
      this.element.append(this.series.element);
    }
    this.series.setThreshold(m.threshold);
    // A running analysis grows its window with each measurement: fetch the series again then.
    const measured = m.measurements[m.measurements.length - 1]?.t;
    if (this.lastMeasured !== undefined && measured !== this.lastMeasured) this.series.refetch();
    this.lastMeasured = measured;
  }

  private renderCounts(m: MetricView): void {
    const lines = countLines(m);
    const items = [...this.counts.children];
    if (items.length !== lines.length) this.counts.replaceChildren(...lines.map(() => el('li')));
    lines.forEach((line, i) => {
      const li = this.counts.children[i];
      if (!li) return;
      setText(li, line.text);
      setAttr(li, 'class', line.over ? 'over' : undefined);
    });
  }
}
