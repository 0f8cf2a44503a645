// The confirmation every mutating action shows: it names the context, namespace and rollout, so
// the user sees which cluster they are about to change.
import { ACTIONS, type ActionId } from './actionIds';

export interface ConfirmationSubject {
  context: string;
  namespace: string;
  rollout: string;
  /** The AnalysisRun or Experiment acted on, for actions that target one. */
  target?: string;
  /** Action-specific detail, e.g. `Container "web" gets image "nginx:1.27".` */
  detail?: string;
  /** What the action does in the object's current state, replacing the action's general sentence. */
  effect?: string;
}

export function confirmationText(action: ActionId, s: ConfirmationSubject): string {
  const info = ACTIONS[action];
  const what = info.target === 'Rollout' ? `rollout "${s.rollout}"` : `${info.target} "${s.target ?? ''}" of rollout "${s.rollout}"`;
  const parts = [`${info.verb} ${what} in namespace "${s.namespace}" on context "${s.context}"?`, s.effect ?? info.effect];
  if (s.detail) parts.push(s.detail);
  return parts.join(' ');
}
