// Every question a rollout action asks, behind one interface: the extension-host tests replace it
// through the extension's API (a modal dialog cannot be answered from a test), everything else uses
// the real dialogs below.
import * as vscode from 'vscode';
import { argValueError, runName, type ArgQuestion, type RunName } from '../../core/actions/analysisRunInputs';
import { imageReferenceError } from '../../core/actions/imageReference';
import { restartDelayError } from '../../core/actions/restartDelay';
import type { UndoChoice } from '../../core/actions/undoChoices';

export interface RolloutChoice {
  readonly namespace: string;
  readonly name: string;
  /** Shown beside the name, e.g. the phase. */
  readonly description: string;
  /** With several contexts shown (`argoRollouts.contexts`): the rollout's context. */
  readonly context?: string;
}

export interface ContainerChoice {
  /** `*` stands for every container, as in `set image NAME *=IMAGE`. */
  readonly name: string;
  readonly image: string;
  /** containers, initContainers or ephemeralContainers; '' for `*`. */
  readonly list: string;
}

export interface TemplateChoice {
  readonly name: string;
  /** A ClusterAnalysisTemplate (`--global`). */
  readonly clusterScope: boolean;
  /** Its arguments, e.g. `namespace, ingress=…`. */
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
  /** Set Image: the container whose image changes (choices list their current images). */
  pickContainer(rollout: string, choices: readonly ContainerChoice[]): Promise<ContainerChoice | undefined>;
  /** Set Image: the new image, offered the current one; only valid references are returned. */
  inputImage(container: string, current: string): Promise<string | undefined>;
  /** Undo: the revision to go back to (newest first, the previous one first of all). */
  pickRevision(rollout: string, choices: readonly UndoChoice[]): Promise<UndoChoice | undefined>;
  /** Terminate AnalysisRun from a rollout: which of its running runs. */
  pickAnalysisRun(rollout: string, names: readonly string[]): Promise<string | undefined>;
  /** Create AnalysisRun: the AnalysisTemplate or ClusterAnalysisTemplate. */
  pickTemplate(namespace: string, choices: readonly TemplateChoice[]): Promise<TemplateChoice | undefined>;
  /** Create AnalysisRun: one argument's value (the default offered; required ones cannot be blank). */
  inputArg(template: string, question: ArgQuestion): Promise<string | undefined>;
  /** Create AnalysisRun: the run's name, or generateName (empty or ending in "-"). */
  inputRunName(template: string): Promise<RunName | undefined>;
  /** Backtest: the past window in seconds (the first choice is the default); undefined when cancelled. */
  pickBacktestWindow(title: string, choices: readonly BacktestWindowChoice[]): Promise<number | undefined>;
}

export interface BacktestWindowChoice {
  readonly label: string;
  readonly seconds: number;
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

  async pickBacktestWindow(title, choices) {
    return (await vscode.window.showQuickPick(choices.map((c) => ({ label: c.label, seconds: c.seconds })), { title }))?.seconds;
  },

  async pickContainer(rollout, choices) {
    const items = choices.map((c) => ({
      label: c.name === '*' ? '$(layers) All containers' : c.name,
      description: c.name === '*' ? '*' : c.image,
      detail: c.list === '' || c.list === 'containers' ? undefined : c.list,
      choice: c,
    }));
    return (await vscode.window.showQuickPick(items, { title: `Set Image of ${rollout}`, placeHolder: 'Container' }))?.choice;
  },

  inputImage(container, current) {
    return Promise.resolve(vscode.window.showInputBox({
      title: container === '*' ? 'New image of every container' : `New image of container ${container}`,
      prompt: current ? `Now: ${current}` : 'repository[:tag][@digest]',
      value: current,
      // Select the tag only, the part people change.
      valueSelection: current.includes(':') ? [current.lastIndexOf(':') + 1, current.length] : undefined,
      validateInput: (text) => imageReferenceError(text.trim()),
      ignoreFocusOut: true,
    })).then((text) => text?.trim());
  },

  async pickRevision(rollout, choices) {
    const items = choices.map((c) => ({
      label: `revision:${c.revision}`,
      description: [c.previous ? 'previous' : '', c.age ? `${c.age} ago` : ''].filter((s) => s !== '').join(' · '),
      detail: c.images.join(', '),
      choice: c,
    }));
    return (await vscode.window.showQuickPick(items, { title: `Undo ${rollout} to…`, placeHolder: 'Revision', matchOnDetail: true }))?.choice;
  },

  async pickAnalysisRun(rollout, names) {
    return vscode.window.showQuickPick([...names], { title: `Terminate an AnalysisRun of ${rollout}`, placeHolder: 'Running AnalysisRun' });
  },

  async pickTemplate(namespace, choices) {
    if (choices.length === 0) {
      void vscode.window.showInformationMessage(`No AnalysisTemplate in namespace ${namespace} and no ClusterAnalysisTemplate.`);
      return undefined;
    }
    const items = choices.map((c) => ({
      label: c.name,
      description: c.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate',
      detail: c.description,
      choice: c,
    }));
    return (await vscode.window.showQuickPick(items, { title: 'Create AnalysisRun from Template', placeHolder: 'Template' }))?.choice;
  },

  inputArg(template, question) {
    return Promise.resolve(vscode.window.showInputBox({
      title: `${template}: argument ${question.name}`,
      prompt: question.required ? 'Required: the template has no default.' : `Default: ${question.defaultValue ?? ''}`,
      value: question.defaultValue ?? '',
      validateInput: (text) => argValueError(question, text),
      ignoreFocusOut: true,
    }));
  },

  async inputRunName(template) {
    const text = await vscode.window.showInputBox({
      title: 'AnalysisRun name',
      prompt: `Empty: a generated name starting with "${template}-". A name ending in "-" is a prefix for a generated one.`,
      validateInput: (t) => {
        const checked = runName(t, template);
        return 'error' in checked ? checked.error : undefined;
      },
      ignoreFocusOut: true,
    });
    if (text === undefined) return undefined;
    const checked = runName(text, template);
    return 'error' in checked ? undefined : checked;
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
