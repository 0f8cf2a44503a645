// The panel's header: who the rollout is, its status, where it stands, and what it runs. Built once;
// each state message only rewrites the texts that changed.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { PanelHeader, StuckView } from '../src/shared/protocol';
import { ageOf } from './countdown';
import { el, placeChildren, setAttr, setText } from './dom';

const FACTS = ['Strategy', 'Step', 'Weight', 'Replicas', 'Images'] as const;
type Fact = (typeof FACTS)[number];

/** `Healthy` → `status-healthy`; an unknown status gets the neutral colour. */
function statusClass(status: string): string {
  const known = ['healthy', 'progressing', 'paused', 'degraded'];
  const s = status.toLowerCase();
  return `status status-${known.includes(s) ? s : 'unknown'}`;
}

function weightText(h: PanelHeader): string {
  const parts: string[] = [];
  if (h.setWeight !== undefined) parts.push(`set ${h.setWeight}%`);
  if (h.actualWeight !== undefined) parts.push(`actual ${h.actualWeight}%`);
  return parts.join(' · ');
}

function replicasText(h: PanelHeader): string {
  const r = h.replicas;
  return `${r.desired} desired · ${r.current} current · ${r.updated} updated · ${r.ready} ready · ${r.available} available`;
}

export class HeaderView {
  readonly element: HTMLElement;
  private readonly name = el('h1', { class: 'name' });
  private readonly badge = el('vscode-badge', { class: 'status status-unknown' });
  private readonly age = el('span', { class: 'age' });
  private readonly where = el('div', { class: 'where' });
  private readonly message = el('p', { class: 'message' });
  // Why it waits: a live region, so a screen reader hears the new reason when the rollout gets stuck.
  private readonly stuckSentence = el('span', { class: 'stuck-sentence' });
  private readonly stuckNext = el('span', { class: 'stuck-next' });
  private readonly stuckRule = el('a', { class: 'stuck-rule', href: '#' });
  private readonly stuck = el('p', { class: 'stuck', role: 'status' }, [el('strong', {}, ['Why it waits: ']), this.stuckSentence, ' ', this.stuckNext, ' ', this.stuckRule]);
  private rule: string | undefined;
  private readonly facts = el('dl', { class: 'facts' });
  private readonly rows = new Map<Fact, { dt: HTMLElement; dd: HTMLElement }>();

  constructor(actions: HTMLElement, openRule: (rule: string) => void = () => undefined) {
    this.stuckRule.addEventListener('click', (e) => {
      e.preventDefault();
      if (this.rule !== undefined) openRule(this.rule);
    });
    for (const f of FACTS) this.rows.set(f, { dt: el('dt', {}, [f]), dd: el('dd', { 'data-fact': f.toLowerCase() }) });
    this.element = el('header', { class: 'header' }, [
      el('div', { class: 'title-row' }, [this.name, this.badge, this.age]),
      this.where,
      this.message,
      this.stuck,
      this.facts,
      actions,
    ]);
  }

  showStuck(stuck: StuckView | undefined): void {
    this.stuck.hidden = stuck === undefined;
    setAttr(this.stuck, 'data-kind', stuck?.kind);
    setText(this.stuckSentence, stuck?.sentence ?? '');
    setText(this.stuckNext, stuck !== undefined ? `Next: ${stuck.next}` : '');
    this.rule = stuck?.ruleId;
    setText(this.stuckRule, stuck?.ruleId !== undefined ? `Rule ${stuck.ruleId}` : '');
    this.stuckRule.hidden = stuck?.ruleId === undefined;
  }

  update(h: PanelHeader, asOf: number): void {
    setText(this.name, h.name);
    setText(this.badge, h.status === '' ? 'Unknown' : h.status);
    setAttr(this.badge, 'class', statusClass(h.status));
    setAttr(this.badge, 'aria-label', `Status: ${h.status === '' ? 'unknown' : h.status}`);
    ageOf(this.age, asOf);
    setText(this.where, `${h.context} / ${h.namespace}`);
    setText(this.message, h.message);
    this.message.hidden = h.message === '';
    const texts: Record<Fact, string> = {
      Strategy: h.strategy,
      Step: h.step,
      Weight: weightText(h),
      Replicas: replicasText(h),
      Images: '',
    };
    const shown: HTMLElement[] = [];
    for (const f of FACTS) {
      const row = this.rows.get(f);
      if (!row) continue;
      if (f === 'Images') this.renderImages(row.dd, h.images);
      else setText(row.dd, texts[f]);
      const empty = f === 'Images' ? h.images.length === 0 : texts[f] === '';
      if (!empty) shown.push(row.dt, row.dd);
    }
    placeChildren(this.facts, shown);
  }

  private renderImages(dd: HTMLElement, images: readonly string[]): void {
    const current = [...dd.querySelectorAll('li')].map((li) => li.textContent ?? '');
    if (current.length === images.length && current.every((t, i) => t === images[i])) return;
    dd.replaceChildren(el('ul', { class: 'images' }, images.map((i) => el('li', {}, [i]))));
  }
}
