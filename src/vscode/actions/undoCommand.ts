// Undo…: the revisions the rollout can go back to (newest first, images and age, the previous one
// first), then the plugin's GET + LIST + JSON patch of the chosen revision's pod template.
// "skipped rollback (...)" is the plugin's success line when the template already matches.
import { getRolloutRequest } from '../../core/actions/kubeRequest';
import { undoListRequest } from '../../core/actions/planUndo';
import { arrayAt } from '../../core/actions/untrusted';
import { undoChoices } from '../../core/actions/undoChoices';
import { ok } from '../../core/result';
import { readForAction } from './readForAction';
import { resolveRollout } from './rolloutTarget';
import { fail, refuse, refuseIfReadOnly, runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface UndoCommand {
  undoRollout(el?: unknown): Promise<ActionOutcome>;
}

export function undoCommand(deps: ActionDeps): UndoCommand {
  return {
    async undoRollout(el?: unknown): Promise<ActionOutcome> {
      const readOnly = refuseIfReadOnly(deps, 'undo');
      if (readOnly) return readOnly;
      const ref = await resolveRollout(deps, 'undo', el);
      if (!ref) return { status: 'cancelled' };

      const rollout = await readForAction(deps, getRolloutRequest(ref));
      if (!rollout.ok) return fail(deps, rollout.error);
      const list = undoListRequest(ref, rollout.value);
      if ('error' in list) return refuse(deps, `Undo: ${list.error}`);
      const listed = await readForAction(deps, list);
      if (!listed.ok) return fail(deps, listed.error);
      const choices = undoChoices(rollout.value, arrayAt(listed.value, 'items'), Date.now());
      if (choices.length === 0) return refuse(deps, `Undo: rollout "${ref.name}" has no other revision to go back to.`);

      const chosen = await deps.prompts.current.pickRevision(ref.name, choices);
      if (!chosen) return { status: 'cancelled' };
      return runRolloutAction(deps, {
        action: 'undo',
        ref,
        detail: `Revision ${chosen.revision} (${chosen.images.join(', ')}) comes back.`,
        send: async (kube, transport, r) => {
          const done = await kube.undoRollout(transport, r, chosen.revision);
          return done.ok ? ok({ message: done.value.message }) : done;
        },
      });
    },
  };
}
