// A rollout row's contextValue (`rollout:promote,abort,pinned`) lists what its menus offer; commands
// invoked with a row read it back to refuse an action the row did not offer (read-only, stale row).
import { ACTION_IDS, type ActionId } from './actionIds';

/** The actions named in a rollout row's contextValue; empty for anything that is not a rollout row. */
export function actionsOfContextValue(contextValue: string | undefined): Set<ActionId> {
  if (contextValue === undefined || !contextValue.startsWith('rollout:')) return new Set();
  const words = new Set(contextValue.slice('rollout:'.length).split(','));
  return new Set(ACTION_IDS.filter((id) => words.has(id)));
}
