// Promote, Resume (promote offered under its other name while paused) and Promote Full: the
// plugin's read-then-patch (promoteRollout), after the guards of runRolloutAction.
import type { ActionId } from '../../core/actions/actionIds';
import { resolveRollout } from './rolloutTarget';
import { runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface PromoteCommands {
  promoteRollout(el?: unknown): Promise<ActionOutcome>;
  resumeRollout(el?: unknown): Promise<ActionOutcome>;
  promoteFullRollout(el?: unknown): Promise<ActionOutcome>;
}

export function promoteCommands(deps: ActionDeps): PromoteCommands {
  const run = async (action: ActionId, full: boolean, el: unknown): Promise<ActionOutcome> => {
    const ref = await resolveRollout(deps, action, el);
    if (!ref) return { status: 'cancelled' };
    return runRolloutAction(deps, { action, ref, send: (kube, transport, r) => kube.promoteRollout(transport, r, { full }) });
  };
  return {
    promoteRollout: (el) => run('promote', false, el),
    resumeRollout: (el) => run('resume', false, el),
    promoteFullRollout: (el) => run('promoteFull', true, el),
  };
}
