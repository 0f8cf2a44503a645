// The Available and Progressing conditions the controller keeps on a Rollout (utils/conditions),
// with Argo's reasons and messages. Times change only when the condition does, as
// SetRolloutCondition does: lastTransitionTime on a status change, lastUpdateTime on any change.
import { list, str } from '../../src/core/rollout/jsonFields';
import { isJsonObject, type JsonObject } from '../apiDouble/jsonValue';

export const ROLLOUT_ABORTED = 'RolloutAborted';

export interface ConditionSpec {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
}

export function conditionsOf(status: JsonObject): JsonObject[] {
  return list(status.conditions).filter(isJsonObject);
}

export function findCondition(status: JsonObject, type: string): JsonObject | undefined {
  return conditionsOf(status).find((c) => c.type === type);
}

export function isAbortedCondition(status: JsonObject): boolean {
  return conditionsOf(status).some((c) => c.reason === ROLLOUT_ABORTED);
}

/** Sets a condition; `refresh` renews lastUpdateTime of an unchanged one (the controller does on progress). */
export function setCondition(status: JsonObject, spec: ConditionSpec, nowText: string, refresh = false): void {
  const conditions = conditionsOf(status);
  const current = conditions.find((c) => c.type === spec.type);
  if (!refresh && current && current.status === spec.status && current.reason === spec.reason && current.message === spec.message) return;
  const next: JsonObject = {
    type: spec.type, status: spec.status, reason: spec.reason, message: spec.message,
    lastUpdateTime: nowText,
    lastTransitionTime: current && current.status === spec.status ? str(current.lastTransitionTime) || nowText : nowText,
  };
  status.conditions = [...conditions.filter((c) => c.type !== spec.type), next];
}

export function availableCondition(available: boolean): ConditionSpec {
  return available
    ? { type: 'Available', status: 'True', reason: 'AvailableReason', message: 'Rollout has minimum availability' }
    : { type: 'Available', status: 'False', reason: 'AvailableReason', message: 'Rollout does not have minimum availability' };
}

export type ProgressState = 'aborted' | 'paused' | 'completed' | 'progressing' | 'timedOut';

export function progressingCondition(state: ProgressState, replicaSetName: string, abortMessage: string): ConditionSpec {
  switch (state) {
    case 'aborted':
      return { type: 'Progressing', status: 'False', reason: ROLLOUT_ABORTED, message: abortMessage };
    case 'paused':
      return { type: 'Progressing', status: 'Unknown', reason: 'RolloutPaused', message: 'Rollout is paused' };
    case 'completed':
      return { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${replicaSetName}" has successfully progressed.` };
    case 'progressing':
      return { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${replicaSetName}" is progressing.` };
    case 'timedOut':
      return { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${replicaSetName}" has timed out progressing.` };
  }
}
