// The row of one Rollout: name, status icon and colour, the one-line description, the hover text,
// and a contextValue listing the actions its state allows, e.g. `rollout:promote,abort,pause`, so
// menus can match `viewItem =~ /^rollout:.*\bpromote\b/` without the tree deciding anything.
import { availableActions, rolloutActionState, type RolloutPhase } from '../actions/availableActions';
import type { RolloutInfo } from '../rollout/rolloutInfo';
import { rolloutDescription, rolloutTooltip } from '../rollout/rolloutSummary';
import { rolloutStatusIcon } from './statusIcons';
import type { NodeIcon } from './treeNode';
import type { StuckExplanation } from '../stuck/whyStuck';

export interface RolloutRow {
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: NodeIcon;
  readonly contextValue: string;
}

export interface RolloutRowOptions {
  /** Pinned by the user: shown first, with a pin in the context value for the unpin menu. */
  readonly pinned?: boolean;
  readonly readOnly?: boolean;
  /** Why it is not progressing (whyStuck), added to the hover text. */
  readonly stuck?: StuckExplanation;
}

const PHASES: readonly string[] = ['Healthy', 'Progressing', 'Paused', 'Degraded'];

function isPhase(p: string): p is RolloutPhase {
  return PHASES.includes(p);
}

export function rolloutRow(info: RolloutInfo, rollout: unknown, options: RolloutRowOptions = {}): RolloutRow {
  const revisionCount = info.revisions.filter((r) => r.replicaSets.length > 0).length;
  const state = rolloutActionState(rollout, { phase: isPhase(info.phase) ? info.phase : undefined, revisionCount });
  const actions: string[] = [...availableActions(state, { readOnly: options.readOnly })];
  if (options.pinned) actions.push('pinned');
  return {
    label: info.name,
    description: rolloutDescription(info),
    tooltip: options.stuck !== undefined ? `${rolloutTooltip(info)}\n\nWhy it waits: ${options.stuck.sentence}\nNext: ${options.stuck.next}` : rolloutTooltip(info),
    icon: rolloutStatusIcon(info.phase),
    contextValue: `rollout:${actions.join(',')}`,
  };
}
