// Which rollout a command acts on: the tree row it was invoked on, or, from the command palette, one
// picked among the rollouts of the watched namespaces that allow the action now.
import { ACTIONS, type ActionId } from '../../core/actions/actionIds';
import { actionsOfContextValue } from '../../core/actions/contextValueActions';
import type { ObjectRef } from '../../core/actions/kubeRequest';
import { arrayAt, stringAt } from '../../core/actions/untrusted';
import { rolloutInfo } from '../../core/rollout/rolloutInfo';
import { rolloutRow, type RolloutRow } from '../../core/tree/rolloutRow';
import type { ClusterSession } from '../cluster/clusterSession';
import { readClusterSettings } from '../cluster/clusterSettings';
import { readActionSettings } from './actionSettings';
import type { RolloutChoice } from './prompts';
import type { ActionDeps } from './runRolloutAction';

/** A rollout row of the tree (its element has type, namespace and name), else undefined. */
export function rolloutOfElement(el: unknown): ObjectRef | undefined {
  if (typeof el !== 'object' || el === null || Reflect.get(el, 'type') !== 'rollout') return undefined;
  const namespace: unknown = Reflect.get(el, 'namespace');
  const name: unknown = Reflect.get(el, 'name');
  return typeof namespace === 'string' && typeof name === 'string' ? { namespace, name } : undefined;
}

/** The row's rollout, or the user's pick; undefined when there is none or the pick was cancelled. */
export async function resolveRollout(deps: ActionDeps, action: ActionId, el: unknown): Promise<ObjectRef | undefined> {
  const fromRow = rolloutOfElement(el);
  if (fromRow) return fromRow;
  const choices = await choicesFor(deps.session, action);
  const picked = await deps.prompts.current.pickRollout(`${ACTIONS[action].label} Rollout`, choices);
  return picked ? { namespace: picked.namespace, name: picked.name } : undefined;
}

async function watchedNamespaces(session: ClusterSession): Promise<string[]> {
  const selection = readClusterSettings().namespaces;
  if (selection.kind === 'list') return [...selection.names];
  if (selection.kind === 'context') return [session.contexts()?.currentNamespace ?? 'default'];
  const listed = await session.namespacesWithRollouts();
  return listed.ok ? listed.value : [];
}

/**
 * The rollouts of the namespaces in view, from fresh lists (the view may be hidden and its watches
 * closed), described as their tree rows are; `keep` filters on the row (e.g. its enabled actions).
 */
export async function rolloutChoices(session: ClusterSession, keep: (row: RolloutRow) => boolean = () => true): Promise<RolloutChoice[]> {
  const state = session.start();
  if (state.kind !== 'connected') return [];
  const readOnly = readActionSettings().readOnly;
  const choices: RolloutChoice[] = [];
  for (const namespace of await watchedNamespaces(session)) {
    const listed = await state.transport.send({ method: 'GET', path: `/apis/argoproj.io/v1alpha1/namespaces/${encodeURIComponent(namespace)}/rollouts` });
    if (!listed.ok) continue;
    for (const rollout of arrayAt(listed.value.body, 'items')) {
      const name = stringAt(rollout, 'metadata', 'name');
      if (!name) continue;
      const related = state.store.rollout(namespace, name)?.related ?? {};
      const row = rolloutRow(rolloutInfo(rollout, related, Date.now()), rollout, { readOnly });
      if (keep(row)) choices.push({ namespace, name, description: row.description });
    }
  }
  return choices;
}

/** Only the rollouts whose state allows the action now, as the tree's menus filter them. */
function choicesFor(session: ClusterSession, action: ActionId): Promise<RolloutChoice[]> {
  return rolloutChoices(session, (row) => actionsOfContextValue(row.contextValue).has(action));
}

/** An AnalysisRun or Experiment row under a rollout: its name and the rollout it belongs to. */
export interface ChildRef {
  readonly namespace: string;
  readonly rollout: string;
  readonly name: string;
}

/** The tree row's AnalysisRun or Experiment (a `node` element of that kind), else undefined. */
export function childOfElement(el: unknown, kind: 'analysisRun' | 'experiment'): ChildRef | undefined {
  if (typeof el !== 'object' || el === null || Reflect.get(el, 'type') !== 'node') return undefined;
  const node: unknown = Reflect.get(el, 'node');
  if (typeof node !== 'object' || node === null || Reflect.get(node, 'kind') !== kind) return undefined;
  const name: unknown = Reflect.get(node, 'label');
  const namespace: unknown = Reflect.get(el, 'namespace');
  const rollout: unknown = Reflect.get(el, 'rollout');
  return typeof name === 'string' && typeof namespace === 'string' && typeof rollout === 'string' ? { namespace, rollout, name } : undefined;
}
