// The analysis runs, newest first, each a native <details> (keyboard and screen-reader semantics for
// free; vscode-collapsible's header has no aria-expanded). Keyed by run name and metric key, so a
// state message updates texts and chart data in place and open/closed state and focus survive.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { AnalysisRunView, SeriesView } from '../src/shared/protocol';
import { el, placeChildren, setAttr, setText } from './dom';
import { formatClock, phaseClass } from './format';
import { MetricCard, type MetricCallbacks } from './renderMetric';

class RunView {
  readonly element: HTMLDetailsElement;
  private readonly name = el('span', { class: 'run-name' });
  private readonly origin = el('span', { class: 'muted' });
  private readonly badge = el('vscode-badge', { class: 'phase' });
  private readonly message = el('p', { class: 'run-message' });
  private readonly window = el('p', { class: 'muted run-window' });
  private readonly metricsBox = el('div', { class: 'metrics' });
  readonly metrics = new Map<string, MetricCard>();

  constructor(
    run: AnalysisRunView,
    open: boolean,
    private readonly callbacks: MetricCallbacks,
  ) {
    this.element = el('details', { class: 'run', 'data-run': run.name }, [
      el('summary', {}, [el('h3', {}, [this.name, ' ', this.origin, ' ', this.badge])]),
      this.message,
      this.window,
      this.metricsBox,
    ]);
    this.element.open = open;
    this.element.addEventListener('toggle', () => callbacks.toggled?.(run.name, this.element.open));
  }

  update(run: AnalysisRunView): void {
    setText(this.name, run.name);
    setText(this.origin, run.origin);
    setText(this.badge, run.phase);
    setAttr(this.badge, 'class', `phase phase-${phaseClass(run.phase)}`);
    setText(this.message, run.message);
    this.message.hidden = run.message === '';
    const from = run.startedAt === undefined ? '' : `started ${formatClock(run.startedAt)}`;
    const to = run.finishedAt === undefined ? (run.startedAt === undefined ? '' : ', still running') : `, finished ${formatClock(run.finishedAt)}`;
    setText(this.window, from + to);
    const order: HTMLElement[] = [];
    for (const m of run.metrics) {
      let card = this.metrics.get(m.key);
      if (card) card.update(m);
      else {
        card = new MetricCard(m, this.callbacks);
        this.metrics.set(m.key, card);
      }
      order.push(card.element);
    }
    for (const [key, card] of [...this.metrics]) {
      if (!run.metrics.some((m) => m.key === key)) {
        card.destroy();
        this.metrics.delete(key);
      }
    }
    placeChildren(this.metricsBox, order);
  }

  destroy(): void {
    for (const card of this.metrics.values()) card.destroy();
  }
}

export class AnalysisView {
  readonly element: HTMLElement;
  private readonly list = el('div', { class: 'runs' });
  private readonly empty = el('p', { class: 'muted' }, ['No analysis runs for this revision yet.']);
  private readonly runs = new Map<string, RunView>();

  constructor(private readonly callbacks: MetricCallbacks) {
    this.element = el('section', { class: 'section', 'aria-labelledby': 'analysis-heading' }, [el('h2', { id: 'analysis-heading' }, ['Analysis']), this.empty, this.list]);
  }

  update(runs: readonly AnalysisRunView[]): void {
    const order: HTMLElement[] = [];
    runs.forEach((run, i) => {
      let view = this.runs.get(run.name);
      if (!view) {
        // As the user left it; else the newest run and any run that did not pass start open: that is where the user looks.
        const open = this.callbacks.savedOpen?.(run.name) ?? (i === 0 || phaseClass(run.phase) !== 'successful');
        view = new RunView(run, open, this.callbacks);
        this.runs.set(run.name, view);
      }
      view.update(run);
      order.push(view.element);
    });
    for (const [name, view] of [...this.runs]) {
      if (!runs.some((r) => r.name === name)) {
        view.destroy();
        this.runs.delete(name);
      }
    }
    placeChildren(this.list, order);
    this.empty.hidden = runs.length > 0;
  }

  /** Routes a series answer to its metric; one for a metric no longer shown is dropped. */
  showSeries(series: SeriesView): void {
    for (const run of this.runs.values()) run.metrics.get(series.key)?.showSeries(series);
  }
}
