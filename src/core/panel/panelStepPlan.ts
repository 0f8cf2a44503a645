// The step plan beside the panel's timeline, each row marked like its step there (done / current /
// pending); the row after the last step is current once every step is done.
import type { StepPlanView, TimelineStep } from '../../shared/protocol';
import { stepPlan } from '../stepPlan/stepPlan';

export function panelStepPlan(rollout: unknown, timeline: readonly TimelineStep[]): StepPlanView | undefined {
  const plan = stepPlan(rollout);
  if (plan === undefined) return undefined;
  const allDone = timeline.length > 0 && timeline.every((s) => s.state === 'done');
  return {
    summary: plan.summary,
    rows: plan.rows.map((row) => ({ ...row, state: timeline[row.index]?.state ?? (allDone ? 'current' : 'pending') })),
  };
}
