// The palette's "Open Rollout Panel": a pick among the rollouts of the namespaces the view shows,
// read fresh (the view may be hidden and its watches closed). Asked through the replaceable Prompts.
import type { ObjectRef } from '../../core/actions/kubeRequest';
import { arrayAt, stringAt } from '../../core/actions/untrusted';
import { rolloutInfo } from '../../core/rollout/rolloutInfo';
import { rolloutRow } from '../../core/tree/rolloutRow';
import type { PromptsHolder, RolloutChoice } from '../actions/prompts';
import type { ClusterSession } from '../cluster/clusterSession';
import { readClusterSettings } from '../cluster/clusterSettings';

export async function pickPanelRollout(session: ClusterSession, prompts: PromptsHolder): Promise<ObjectRef | undefined> {
  const picked = await prompts.current.pickRollout('Open Rollout Panel', await choices(session));
  return picked ? { namespace: picked.namespace, name: picked.name } : undefined;
}

async function namespacesInView(session: ClusterSession): Promise<string[]> {
  const selection = readClusterSettings().namespaces;
  if (selection.kind === 'list') return [...selection.names];
  if (selection.kind === 'context') return [session.contexts()?.currentNamespace ?? 'default'];
  const listed = await session.namespacesWithRollouts();
  return listed.ok ? listed.value : [];
}

async function choices(session: ClusterSession): Promise<RolloutChoice[]> {
  const state = session.start();
  if (state.kind !== 'connected') return [];
  const out: RolloutChoice[] = [];
  for (const namespace of await namespacesInView(session)) {
    const listed = await state.transport.send({ method: 'GET', path: `/apis/argoproj.io/v1alpha1/namespaces/${encodeURIComponent(namespace)}/rollouts` });
    if (!listed.ok) continue;
    for (const rollout of arrayAt(listed.value.body, 'items')) {
      const name = stringAt(rollout, 'metadata', 'name');
      if (!name) continue;
      const related = state.store.rollout(namespace, name)?.related ?? {};
      out.push({ namespace, name, description: rolloutRow(rolloutInfo(rollout, related, Date.now()), rollout).description });
    }
  }
  return out;
}
