// The canary steps as an ordered list (screen readers announce "list, 8 items" and each position),
// keyed by step index so a state message only touches the steps that changed.
import type { TimelineStep } from '../src/shared/protocol';
import { countdownTo } from './countdown';
import { el, placeChildren, setAttr, setText } from './dom';

const STATE_WORD: Readonly<Record<TimelineStep['state'], string>> = { done: 'done', current: 'current step', pending: 'pending' };

interface StepRow {
  readonly li: HTMLLIElement;
  readonly kind: HTMLElement;
  readonly text: HTMLElement;
  readonly stateWord: HTMLElement;
  readonly analysis: HTMLElement;
  readonly aborted: HTMLElement;
  readonly countdown: HTMLElement;
}

export class TimelineView {
  readonly element: HTMLElement;
  private readonly list = el('ol', { class: 'timeline' });
  private readonly empty = el('p', { class: 'muted' }, ['This rollout has no canary steps.']);
  private readonly rows = new Map<number, StepRow>();

  constructor() {
    this.element = el('section', { class: 'section', 'aria-labelledby': 'timeline-heading' }, [el('h2', { id: 'timeline-heading' }, ['Steps']), this.list, this.empty]);
  }

  update(steps: readonly TimelineStep[]): void {
    const order: HTMLElement[] = [];
    for (const step of steps) {
      const row = this.rows.get(step.index) ?? this.create(step.index);
      this.fill(row, step);
      order.push(row.li);
    }
    for (const index of [...this.rows.keys()]) if (!steps.some((s) => s.index === index)) this.rows.delete(index);
    placeChildren(this.list, order);
    this.empty.hidden = steps.length > 0;
    this.list.hidden = steps.length === 0;
  }

  private create(index: number): StepRow {
    const row: StepRow = {
      li: el('li', { class: 'step', 'data-index': String(index) }),
      kind: el('span', { class: 'step-kind' }),
      text: el('span', { class: 'step-text' }),
      stateWord: el('span', { class: 'sr-only' }),
      analysis: el('span', { class: 'tag tag-analysis' }, ['analysis starts here']),
      aborted: el('span', { class: 'tag tag-aborted' }, ['aborted here']),
      countdown: el('span', { class: 'countdown', role: 'timer' }),
    };
    row.li.append(el('span', { class: 'step-marker', 'aria-hidden': 'true' }), row.kind, row.text, row.analysis, row.aborted, row.countdown, row.stateWord);
    this.rows.set(index, row);
    return row;
  }

  private fill(row: StepRow, step: TimelineStep): void {
    setAttr(row.li, 'class', `step step-${step.state}${step.abortedHere ? ' step-aborted' : ''}`);
    setAttr(row.li, 'data-state', step.state);
    setAttr(row.li, 'aria-current', step.state === 'current' ? 'step' : undefined);
    setText(row.kind, step.kind);
    setText(row.text, step.text);
    setText(row.stateWord, `, ${STATE_WORD[step.state]}`);
    row.analysis.hidden = step.analysisStartsHere !== true;
    row.aborted.hidden = step.abortedHere !== true;
    // Only the current step counts down: a pause that is done or pending has no live deadline.
    countdownTo(row.countdown, step.state === 'current' ? step.pauseEndsAt : undefined);
    row.countdown.hidden = step.state !== 'current' || step.pauseEndsAt === undefined;
  }
}
