// The action buttons. Each posts `{type:'action', action: id}`; the host confirms and guards it as it
// does from the tree. A disabled action stays visible with its reason as tooltip and description,
// so the user learns why (e.g. "not paused") instead of hunting for a missing button. The tooltip
// sits on a wrapper: a disabled vscode-button has `pointer-events: none` and would never show one.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { PanelAction } from '../src/shared/protocol';
import { el, placeChildren, setAttr, setText, uniqueId } from './dom';

type VscodeButton = HTMLElementTagNameMap['vscode-button'];
interface Entry {
  readonly wrapper: HTMLElement;
  readonly button: VscodeButton;
  readonly reason: HTMLElement;
  action: PanelAction;
}

export class ActionsView {
  readonly element = el('div', { class: 'actions', role: 'toolbar', 'aria-label': 'Rollout actions' });
  private readonly buttons = new Map<string, Entry>();

  constructor(private readonly post: (actionId: string) => void) {}

  /** `primary`: the action the host says a user most likely wants now, when enabled; else no button is highlighted. */
  update(actions: readonly PanelAction[], primary?: string): void {
    const main = actions.find((a) => a.id === primary && a.enabled)?.id;
    const order: Element[] = [];
    const seen = new Set<string>();
    for (const action of actions) {
      seen.add(action.id);
      const entry = this.buttons.get(action.id) ?? this.create(action);
      entry.action = action;
      setText(entry.button, action.label);
      entry.button.disabled = !action.enabled;
      entry.button.secondary = action.id !== main;
      setAttr(entry.wrapper, 'title', action.enabled ? undefined : (action.reason ?? `${action.label} is not available`));
      setText(entry.reason, action.enabled ? '' : (action.reason ?? ''));
      setAttr(entry.button, 'data-action', action.id);
      order.push(entry.wrapper);
    }
    for (const id of [...this.buttons.keys()]) if (!seen.has(id)) this.buttons.delete(id);
    placeChildren(this.element, order);
  }

  private create(action: PanelAction): Entry {
    const reason = el('span', { class: 'sr-only', id: uniqueId('reason') });
    const button = el('vscode-button', { 'aria-describedby': reason.id });
    const entry: Entry = { wrapper: el('span', { class: 'action' }, [button, reason]), button, reason, action };
    button.addEventListener('click', () => {
      // The component ignores clicks while disabled, but the state is checked here too: a stale
      // button must never send an action the host has since disabled.
      if (entry.action.enabled && !button.disabled) this.post(entry.action.id);
    });
    this.buttons.set(action.id, entry);
    return entry;
  }
}
