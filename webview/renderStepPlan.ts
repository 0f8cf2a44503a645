// The step plan as a table beside the timeline: per step the traffic, the canary and stable pods the
// controller will run, the peak while it gets there, and what else happens (pause, analysis,
// experiment). A real <table> with headers, so screen readers read each cell with its column; the
// current step's row carries aria-current like the timeline's.
import type { PlanRow, StepPlanView } from '../src/shared/protocol';
import { el, placeChildren, setAttr, setText } from './dom';

const COLUMNS = ['Step', 'Traffic', 'Canary', 'Stable', 'Peak pods', 'Also'] as const;

/** What else happens at the step; an analysis already running on the row above is not repeated. */
function alsoText(row: PlanRow, previous: PlanRow | undefined): string {
  // The step text already names the pause.
  const analysis = row.analysis !== undefined && row.analysis !== previous?.analysis ? row.analysis : undefined;
  return [analysis !== undefined ? `analysis: ${row.analysis}` : '', row.experiment !== undefined ? `experiment: ${row.experiment}` : '', row.note ?? '']
    .filter((x) => x !== '')
    .join(' · ');
}

export class StepPlanTable {
  readonly element: HTMLElement;
  private readonly summary = el('p', { class: 'plan-summary muted' });
  private readonly body = el('tbody');
  private readonly table = el('table', { class: 'step-plan' }, [
    el('caption', { class: 'sr-only' }, ['Pods and traffic per step']),
    el('thead', {}, [el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col' }, [c])))]),
    this.body,
  ]);
  private readonly rows = new Map<number, { tr: HTMLTableRowElement; cells: HTMLTableCellElement[] }>();

  constructor() {
    this.element = el('section', { class: 'section plan-section', 'aria-labelledby': 'plan-heading' }, [el('h2', { id: 'plan-heading' }, ['Step plan']), this.summary, this.table]);
    this.element.hidden = true;
  }

  update(plan: StepPlanView | undefined): void {
    this.element.hidden = plan === undefined;
    if (plan === undefined) return;
    setText(this.summary, plan.summary);
    const order: HTMLTableRowElement[] = [];
    for (const [i, row] of plan.rows.entries()) {
      const r = this.rows.get(row.index) ?? this.create(row.index);
      const texts = [row.index < plan.rows.length - 1 ? `${row.index + 1}. ${row.step}` : row.step, `${row.weight}%`, String(row.canary), String(row.stable), String(row.peakPods), alsoText(row, plan.rows[i - 1])];
      texts.forEach((t, i) => {
        const cell = r.cells[i];
        if (cell) setText(cell, t);
      });
      setAttr(r.tr, 'class', `plan-row plan-${row.state ?? 'pending'}`);
      setAttr(r.tr, 'data-state', row.state);
      setAttr(r.tr, 'aria-current', row.state === 'current' ? 'step' : undefined);
      order.push(r.tr);
    }
    for (const index of [...this.rows.keys()]) if (!plan.rows.some((row) => row.index === index)) this.rows.delete(index);
    placeChildren(this.body, order);
  }

  private create(index: number): { tr: HTMLTableRowElement; cells: HTMLTableCellElement[] } {
    const cells = COLUMNS.map((_, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}) as HTMLTableCellElement);
    const tr = el('tr', { 'data-index': String(index) }, cells);
    const row = { tr, cells };
    this.rows.set(index, row);
    return row;
  }
}
