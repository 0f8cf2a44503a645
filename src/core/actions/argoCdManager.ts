// Objects deployed by Argo CD: a change made here can be reverted by the application's self-heal,
// so mutating actions warn first.
import { ACTIONS, type ActionId } from './actionIds';
import { recordAt } from './untrusted';

export const ARGOCD_INSTANCE_LABEL = 'argocd.argoproj.io/instance';
export const ARGOCD_TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';

export interface ArgoCdManager {
  /** The application name (`<namespace>_<name>` for apps outside Argo CD's namespace). */
  app: string;
  via: 'annotation' | 'label';
}

/**
 * The managing application, from the tracking annotation (`<app>:<group>/<kind>:<ns>/<name>`,
 * Argo CD's default since 3.0) or else the legacy instance label.
 */
export function argoCdManager(obj: unknown): ArgoCdManager | undefined {
  const tracking = recordAt(obj, 'metadata', 'annotations')?.[ARGOCD_TRACKING_ANNOTATION];
  if (typeof tracking === 'string') {
    const app = tracking.split(':')[0]?.trim() ?? '';
    if (app !== '') return { app, via: 'annotation' };
  }
  const label = recordAt(obj, 'metadata', 'labels')?.[ARGOCD_INSTANCE_LABEL];
  if (typeof label === 'string' && label.trim() !== '') return { app: label.trim(), via: 'label' };
  return undefined;
}

/**
 * The warning for an action on a managed object; none for status-only writes, which Argo CD does not diff.
 * `subject` names the object whose spec changes: the rollout, or the Deployment of its `workloadRef`.
 */
export function argoCdWarning(action: ActionId, manager: ArgoCdManager | undefined, subject = 'This rollout'): string | undefined {
  if (manager === undefined || !ACTIONS[action].changesSpec) return undefined;
  return `${subject} is managed by Argo CD application "${manager.app}": if self-heal is on, Argo CD may revert this change to what Git says.`;
}
