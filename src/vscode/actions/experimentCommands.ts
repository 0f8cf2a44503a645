// Terminate Experiment and Retry Experiment, from an Experiment's row under its rollout: the
// experiment is read fresh and must still allow the action (terminate while it runs, retry once it
// failed); then the plugin's one patch.
import type { ActionId } from '../../core/actions/actionIds';
import { availableExperimentActions } from '../../core/actions/availableActions';
import type { ActionPlan, ObjectRef } from '../../core/actions/kubeRequest';
import { planRetryExperiment, planTerminateExperiment } from '../../core/actions/planPatches';
import { stringAt } from '../../core/actions/untrusted';
import { childOfElement } from './rolloutTarget';
import { refuse, refuseIfReadOnly, runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface ExperimentCommands {
  terminateExperiment(el?: unknown): Promise<ActionOutcome>;
  retryExperiment(el?: unknown): Promise<ActionOutcome>;
}

export function experimentCommands(deps: ActionDeps): ExperimentCommands {
  const run = async (action: ActionId, plan: (ref: ObjectRef) => ActionPlan, el: unknown): Promise<ActionOutcome> => {
    const readOnly = refuseIfReadOnly(deps, action);
    if (readOnly) return readOnly;
    const row = childOfElement(el, 'experiment');
    if (!row) return refuse(deps, 'Run this on an Experiment in the Rollouts view (expand a rollout and its revision).');
    const experiment = { namespace: row.namespace, name: row.name };
    return runRolloutAction(deps, {
      action,
      ref: { namespace: row.namespace, name: row.rollout },
      object: { resource: 'experiments', name: row.name, allowed: (fresh) => availableExperimentActions(stringAt(fresh, 'status', 'phase')).has(action) },
      send: (kube, transport) => kube.executePlan(transport, plan(experiment)),
    });
  };
  return {
    terminateExperiment: (el) => run('terminateExperiment', planTerminateExperiment, el),
    retryExperiment: (el) => run('retryExperiment', planRetryExperiment, el),
  };
}
