// Every question a rollout action asks, behind one interface: the extension-host tests replace it
// through the extension's API (a modal dialog cannot be answered from a test), everything else uses
// the real dialogs below.
import * as vscode from 'vscode';
import { restartDelayError } from '../../core/actions/restartDelay';

export interface RolloutChoice {
  readonly namespace: string;
  readonly name: string;
  /** Shown beside the name, e.g. the phase. */
  readonly description: string;
}

export interface Prompts {
  /** Modal confirmation; true only when the user pressed `button`. */
  confirm(message: string, detail: string | undefined, button: string): Promise<boolean>;
  /** Modal with several buttons; the button pressed, undefined when cancelled. */
  choose(message: string, detail: string | undefined, buttons: readonly string[]): Promise<string | undefined>;
  /** The typed-name box of protected contexts; undefined when cancelled. */
  typeName(prompt: string, rollout: string): Promise<string | undefined>;
  /** Restart now (`''`) or after a Go duration; undefined when cancelled. */
  restartDelay(rollout: string): Promise<string | undefined>;
  /** The rollout to act on when a command comes from the palette; undefined when cancelled. */
  pickRollout(title: string, choices: readonly RolloutChoice[]): Promise<RolloutChoice | undefined>;
}

export const dialogPrompts: Prompts = {
  async confirm(message, detail, button) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, ...(detail ? { detail } : {}) }, button);
    return answer === button;
  },

  async choose(message, detail, buttons) {
    return vscode.window.showWarningMessage(message, { modal: true, ...(detail ? { detail } : {}) }, ...buttons);
  },

  typeName(prompt, rollout) {
    return Promise.resolve(vscode.window.showInputBox({ title: 'Protected context', prompt, placeHolder: rollout, ignoreFocusOut: true }));
  },

  async restartDelay(rollout) {
    const now = { label: 'Restart now', value: 'now' as const };
    const later = { label: 'Restart in…', description: 'after a delay such as 30s, 5m or 1h30m', value: 'later' as const };
    const chosen = await vscode.window.showQuickPick([now, later], { title: `Restart ${rollout}` });
    if (!chosen) return undefined;
    if (chosen.value === 'now') return '';
    return vscode.window.showInputBox({
      title: `Restart ${rollout} in…`,
      prompt: 'A Go duration: 30s, 5m, 1h30m',
      validateInput: (text) => restartDelayError(text),
    }).then((text) => text?.trim());
  },

  async pickRollout(title, choices) {
    if (choices.length === 0) {
      void vscode.window.showInformationMessage(`${title}: no rollout in the watched namespaces allows this now.`);
      return undefined;
    }
    const items = choices.map((c) => ({ label: c.name, description: `${c.namespace} · ${c.description}`, choice: c }));
    return (await vscode.window.showQuickPick(items, { title, placeHolder: 'Rollout', matchOnDescription: true }))?.choice;
  },
};

/** The prompts in use; `use` swaps them until the returned disposable is disposed. */
export class PromptsHolder {
  current: Prompts = dialogPrompts;

  use(prompts: Partial<Prompts>): vscode.Disposable {
    const previous = this.current;
    this.current = { ...previous, ...prompts };
    return new vscode.Disposable(() => {
      this.current = previous;
    });
  }
}
