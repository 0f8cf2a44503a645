// Abort, Retry and Pause: one patch each (planAbort / planRetry / planPause), after the guards.
import type { ActionId } from '../../core/actions/actionIds';
import type { ActionPlan, ObjectRef } from '../../core/actions/kubeRequest';
import { planAbort, planPause, planRetry } from '../../core/actions/planPatches';
import { resolveRollout } from './rolloutTarget';
import { runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface StatusCommands {
  abortRollout(el?: unknown): Promise<ActionOutcome>;
  retryRollout(el?: unknown): Promise<ActionOutcome>;
  pauseRollout(el?: unknown): Promise<ActionOutcome>;
}

export function statusCommands(deps: ActionDeps): StatusCommands {
  const run = async (action: ActionId, plan: (ref: ObjectRef) => ActionPlan, el: unknown): Promise<ActionOutcome> => {
    const ref = await resolveRollout(deps, action, el);
    if (!ref) return { status: 'cancelled' };
    return runRolloutAction(deps, { action, ref, send: (kube, transport, r) => kube.executePlan(transport, plan(r)) });
  };
  return {
    abortRollout: (el) => run('abort', planAbort, el),
    retryRollout: (el) => run('retry', planRetry, el),
    pauseRollout: (el) => run('pause', planPause, el),
  };
}
