// Builds the rollout action commands and keeps `argoRollouts.readOnly` applied: the context key the
// menus' `when` clauses read, and the tree rows' contextValues. With `argoRollouts.contexts`, a command
// runs against the context of the row it was invoked on (its session, its name in every confirmation,
// the protected-context guard of that name); from the palette the pick lists every context's rollouts.
import * as vscode from 'vscode';
import { ACTIONS, type ActionId } from '../../core/actions/actionIds';
import { actionsOfContextValue } from '../../core/actions/contextValueActions';
import type { ClusterSession } from '../cluster/clusterSession';
import type { ContextSessions } from '../cluster/contextSessions';
import type { Logger } from '../log';
import type { RolloutsTreeProvider } from '../tree/rolloutsTreeProvider';
import { readActionSettings } from './actionSettings';
import { analysisRunCommands, type AnalysisRunCommands } from './analysisRunCommands';
import { experimentCommands, type ExperimentCommands } from './experimentCommands';
import { promoteCommands, type PromoteCommands } from './promoteCommands';
import { PromptsHolder } from './prompts';
import { restartCommand, type RestartCommand } from './restartCommand';
import { rolloutChoices } from './rolloutTarget';
import type { ActionDeps, ActionOutcome } from './runRolloutAction';
import { setImageCommand, type SetImageCommand } from './setImageCommand';
import { statusCommands, type StatusCommands } from './statusCommands';
import { undoCommand, type UndoCommand } from './undoCommand';

export type RolloutActionCommands = PromoteCommands & StatusCommands & RestartCommand & SetImageCommand & UndoCommand & AnalysisRunCommands & ExperimentCommands;

export interface RolloutActions {
  readonly commands: RolloutActionCommands;
  /** The dialogs the actions use; tests swap them through the extension's API. */
  readonly prompts: PromptsHolder;
}

/** The action each command runs (the palette's pick offers only rollouts that allow it now). */
const COMMAND_ACTIONS: Record<keyof RolloutActionCommands, ActionId> = {
  promoteRollout: 'promote', promoteFullRollout: 'promoteFull', abortRollout: 'abort', retryRollout: 'retry', pauseRollout: 'pause',
  restartRollout: 'restart', setImageRollout: 'setImage', undoRollout: 'undo', terminateAnalysisRun: 'terminateAnalysisRun',
  createAnalysisRun: 'createAnalysisRun', terminateExperiment: 'terminateExperiment', retryExperiment: 'retryExperiment',
};

function buildCommands(deps: ActionDeps): RolloutActionCommands {
  return {
    ...promoteCommands(deps), ...statusCommands(deps), ...restartCommand(deps),
    ...setImageCommand(deps), ...undoCommand(deps), ...analysisRunCommands(deps), ...experimentCommands(deps),
  };
}

/** The context a tree row belongs to when several are shown (its `section`), else undefined. */
export function sectionOfElement(el: unknown): string | undefined {
  if (typeof el !== 'object' || el === null) return undefined;
  const section: unknown = Reflect.get(el, 'section');
  return typeof section === 'string' ? section : undefined;
}

export function registerRolloutActions(context: vscode.ExtensionContext, session: ClusterSession, tree: RolloutsTreeProvider, log: Logger, contexts?: ContextSessions): RolloutActions {
  const prompts = new PromptsHolder();
  const deps = { session, prompts, log };
  const applyReadOnly = (): void => {
    const { readOnly } = readActionSettings();
    tree.setReadOnly(readOnly);
    void vscode.commands.executeCommand('setContext', 'argoRollouts.readOnly', readOnly);
  };
  applyReadOnly();
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('argoRollouts.readOnly')) applyReadOnly();
  }));
  const primary = buildCommands(deps);
  const bySession = new Map<ClusterSession, RolloutActionCommands>();
  const commandsOf = (s: ClusterSession): RolloutActionCommands => {
    let built = bySession.get(s);
    if (!built) bySession.set(s, (built = buildCommands({ ...deps, session: s })));
    return built;
  };
  const dispatch = async (name: keyof RolloutActionCommands, el: unknown): Promise<ActionOutcome> => {
    if (!contexts?.active) return primary[name](el);
    const section = sectionOfElement(el);
    const pinned = section !== undefined ? contexts.session(section) : undefined;
    if (pinned) return commandsOf(pinned)[name](el);
    if (el !== undefined) return primary[name](el);
    // From the palette with several contexts: one pick over all of them, each rollout with its context.
    const action = COMMAND_ACTIONS[name];
    const choices = (await Promise.all(contexts.names.map(async (ctx) => {
      const s = contexts.session(ctx);
      if (!s) return [];
      const listed = await rolloutChoices(s, (row) => actionsOfContextValue(row.contextValue).has(action));
      return listed.map((c) => ({ ...c, context: ctx, description: `${ctx} · ${c.description}` }));
    }))).flat();
    const picked = await prompts.current.pickRollout(`${ACTIONS[action].label} Rollout`, choices);
    if (!picked?.context) return { status: 'cancelled' };
    const s = contexts.session(picked.context);
    if (!s) return { status: 'cancelled' };
    return commandsOf(s)[name]({ type: 'rollout', section: picked.context, namespace: picked.namespace, name: picked.name });
  };
  if (contexts) context.subscriptions.push(contexts.onDidChange(() => bySession.clear()));
  const commands = Object.fromEntries((Object.keys(COMMAND_ACTIONS) as (keyof RolloutActionCommands)[])
    .map((name) => [name, (el?: unknown) => dispatch(name, el)])) as unknown as RolloutActionCommands;
  return { commands, prompts };
}
