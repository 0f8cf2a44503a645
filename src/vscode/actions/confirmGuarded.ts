// The confirmation every cluster write goes through (rollout actions and launches alike): the modal
// naming what will happen, then, in a protected context, the rollout's name typed out. One place, so
// a launch cannot be guarded more loosely than a promote.
import { isProtectedContext, typedNameMatches, typedNamePrompt } from '../../core/actions/protectedContext';
import type { ActionSettings } from './actionSettings';
import type { Prompts } from './prompts';

export interface GuardedConfirmation {
  readonly context: string;
  readonly rollout: string;
  readonly message: string;
  readonly detail: string | undefined;
  /** The confirm button, also the verb of the refusal ("Promote" → "promote was not sent"). */
  readonly button: string;
}

export type GuardAnswer = { readonly go: true } | { readonly go: false; readonly refusal?: string };

export async function confirmGuarded(prompts: Prompts, settings: ActionSettings, c: GuardedConfirmation): Promise<GuardAnswer> {
  if (!(await prompts.confirm(c.message, c.detail, c.button))) return { go: false };
  if (isProtectedContext(c.context, settings.protectedContexts)) {
    const typed = await prompts.typeName(typedNamePrompt(c.rollout, c.context), c.rollout);
    if (typed === undefined) return { go: false };
    if (!typedNameMatches(typed, c.rollout)) {
      return { go: false, refusal: `The typed name does not match rollout "${c.rollout}": ${c.button.toLowerCase()} was not sent to protected context "${c.context}".` };
    }
  }
  return { go: true };
}
