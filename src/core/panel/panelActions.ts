// The panel's action buttons: the rollout actions in a fixed order, each enabled exactly when the
// tree would offer it (availableActions), with a short reason when it is not.
import { ACTIONS, type ActionId } from '../actions/actionIds';
import { availableActions, type RolloutActionState } from '../actions/availableActions';
import type { PanelAction } from '../../shared/protocol';

/** In the plugin's words: Promote both ends a pause and skips a step (there is no Resume). */
const ROLLOUT_ACTIONS: readonly ActionId[] = ['promote', 'promoteFull', 'abort', 'retry', 'pause', 'restart', 'setImage', 'undo'];

export const READ_ONLY_REASON = 'The argoRollouts.readOnly setting is on.';

/** Why an action the state does not allow is off, in the words of its rule in availableActions. */
function disabledReason(id: ActionId, s: RolloutActionState): string {
  const aborted = 'The rollout was aborted; retry it first.';
  const noUpdate = 'No update is in progress.';
  switch (id) {
    case 'promote':
      if (s.aborted) return aborted;
      if (s.fullyPromoted) return noUpdate;
      if (s.strategy === 'canary' && s.stepCount > 0) return 'All steps are done.';
      return 'The rollout is not paused.';
    case 'promoteFull':
      return s.aborted ? aborted : noUpdate;
    case 'abort':
      return s.aborted ? 'The rollout is already aborted.' : noUpdate;
    case 'retry':
      return 'Only an aborted rollout can be retried.';
    case 'pause':
      return s.aborted ? 'The rollout was aborted and is back on its stable version.' : 'The rollout is already paused.';
    case 'undo':
      return 'There is no earlier revision to go back to.';
    default:
      return 'Not possible in the rollout’s current state.';
  }
}

function action(id: ActionId, allowed: ReadonlySet<ActionId>, state: RolloutActionState, readOnly: boolean): PanelAction {
  const label = ACTIONS[id].label;
  if (readOnly) return { id, label, enabled: false, reason: READ_ONLY_REASON };
  return allowed.has(id) ? { id, label, enabled: true } : { id, label, enabled: false, reason: disabledReason(id, state) };
}

export function panelActions(state: RolloutActionState, readOnly: boolean): PanelAction[] {
  const allowed = availableActions(state);
  return ROLLOUT_ACTIONS.map((id) => action(id, allowed, state, readOnly));
}

/** Every rollout action off, with one reason (the rollout is gone, say). */
export function disabledActions(reason: string): PanelAction[] {
  return ROLLOUT_ACTIONS.map((id) => ({ id, label: ACTIONS[id].label, enabled: false, reason }));
}
