// The whole page: problem banner, header with actions, step timeline, analysis. A state message
// updates each part in place. While the host reports a problem (cluster unreachable, rollout gone)
// the last good data stays on screen, dimmed, under a banner that says so: losing the picture of a
// failing canary at the moment the connection drops would be the worst time.
import type { PanelState, SeriesView } from '../src/shared/protocol';
import { ActionsView } from './renderActions';
import { AnalysisView } from './renderAnalysis';
import { el, setText } from './dom';
import { formatClock } from './format';
import { HeaderView } from './renderHeader';
import { TimelineView } from './renderTimeline';
import { StepPlanTable } from './renderStepPlan';
import type { MetricCallbacks } from './renderMetric';

export interface PanelCallbacks extends MetricCallbacks {
  action(actionId: string): void;
  openRule(rule: string): void;
}

export class Panel {
  private readonly problem = el('div', { class: 'problem', role: 'alert' });
  private readonly problemText = el('strong');
  private readonly problemSince = el('span', { class: 'problem-since' });
  private readonly content = el('main', { class: 'content' });
  private readonly actions: ActionsView;
  private readonly header: HeaderView;
  private readonly timeline = new TimelineView();
  private readonly plan = new StepPlanTable();
  private readonly analysis: AnalysisView;
  private hasData = false;
  private lastAsOf = 0;

  constructor(root: HTMLElement, callbacks: PanelCallbacks) {
    this.actions = new ActionsView((id) => callbacks.action(id));
    this.header = new HeaderView(this.actions.element, (rule) => callbacks.openRule(rule));
    this.analysis = new AnalysisView(callbacks);
    this.problem.append(this.problemText, ' ', this.problemSince);
    this.problem.hidden = true;
    // The plan sits beside the timeline (below it on a narrow panel): same steps, in pods and traffic.
    const steps = el('div', { class: 'steps-row' }, [this.timeline.element, this.plan.element]);
    this.content.append(this.header.element, steps, this.analysis.element);
    root.replaceChildren(this.problem, this.content);
  }

  update(state: PanelState): void {
    // Actions are decisions of the host and always follow it (it disables them while unreachable).
    this.actions.update(state.actions, state.primaryAction);
    if (state.problem !== undefined && state.problem !== '') {
      setText(this.problemText, state.problem);
      setText(this.problemSince, this.hasData ? `Showing the last data received, from ${formatClock(this.lastAsOf / 1000)}.` : '');
      this.problem.hidden = false;
      this.content.classList.toggle('stale', this.hasData);
      if (this.hasData) return;
    } else {
      this.problem.hidden = true;
      this.content.classList.remove('stale');
    }
    this.header.update(state.header, state.asOf);
    this.header.showStuck(state.stuck);
    this.timeline.update(state.timeline);
    this.plan.update(state.stepPlan);
    this.analysis.update(state.analysisRuns);
    this.hasData = state.problem === undefined || state.problem === '';
    if (this.hasData) this.lastAsOf = state.asOf;
  }

  showSeries(series: SeriesView): void {
    this.analysis.showSeries(series);
  }
}
