// The palette's "Open Rollout Panel": a pick among the rollouts of the namespaces the view shows,
// read fresh (the view may be hidden and its watches closed). Asked through the replaceable Prompts.
import type { ObjectRef } from '../../core/actions/kubeRequest';
import type { PromptsHolder } from '../actions/prompts';
import { rolloutChoices } from '../actions/rolloutTarget';
import type { ClusterSession } from '../cluster/clusterSession';

export async function pickPanelRollout(session: ClusterSession, prompts: PromptsHolder): Promise<ObjectRef | undefined> {
  const picked = await prompts.current.pickRollout('Open Rollout Panel', await rolloutChoices(session));
  return picked ? { namespace: picked.namespace, name: picked.name } : undefined;
}
