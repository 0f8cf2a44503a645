// Restart now or "in" a Go duration (`kubectl argo rollouts restart --in`): the delay is asked
// first so the confirmation can say when the pods restart.
import { planRestart } from '../../core/actions/planRestart';
import { ok, type Result } from '../../core/result';
import { resolveRollout } from './rolloutTarget';
import { runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface RestartCommand {
  restartRollout(el?: unknown): Promise<ActionOutcome>;
}

export function restartCommand(deps: ActionDeps): RestartCommand {
  return {
    async restartRollout(el?: unknown): Promise<ActionOutcome> {
      const ref = await resolveRollout(deps, 'restart', el);
      if (!ref) return { status: 'cancelled' };
      const delay = await deps.prompts.current.restartDelay(ref.name);
      if (delay === undefined) return { status: 'cancelled' };
      return runRolloutAction(deps, {
        action: 'restart',
        ref,
        detail: delay === '' ? 'Pods restart now.' : `Pods restart in ${delay}.`,
        send: async (kube, transport, r): Promise<Result<{ message: string }, { message: string }>> => {
          // Computed at send time, after the dialogs: "now" is when the user confirmed.
          const plan = planRestart(r, new Date(), delay);
          if ('error' in plan) return { ok: false, error: { message: plan.error } };
          const done = await kube.executePlan(transport, plan);
          return done.ok ? ok({ message: done.value.message }) : done;
        },
      });
    },
  };
}
