// Promote and Promote Full: the plugin's read-then-patch (promoteRollout), after the guards of
// runRolloutAction; the confirmation says what promoting does to this rollout now (promoteEffect).
import type { ActionId } from '../../core/actions/actionIds';
import { promoteEffect } from '../../core/actions/promoteEffect';
import { resolveRollout } from './rolloutTarget';
import { runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface PromoteCommands {
  promoteRollout(el?: unknown): Promise<ActionOutcome>;
  promoteFullRollout(el?: unknown): Promise<ActionOutcome>;
}

export function promoteCommands(deps: ActionDeps): PromoteCommands {
  const run = async (action: ActionId, full: boolean, el: unknown): Promise<ActionOutcome> => {
    const ref = await resolveRollout(deps, action, el);
    if (!ref) return { status: 'cancelled' };
    return runRolloutAction(deps, { action, ref, effect: (rollout) => promoteEffect(rollout, { full }), send: (kube, transport, r) => kube.promoteRollout(transport, r, { full }) });
  };
  return {
    promoteRollout: (el) => run('promote', false, el),
    promoteFullRollout: (el) => run('promoteFull', true, el),
  };
}
