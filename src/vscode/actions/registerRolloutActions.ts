// Builds the rollout action commands and keeps `argoRollouts.readOnly` applied: the context key the
// menus' `when` clauses read, and the tree rows' contextValues.
import * as vscode from 'vscode';
import type { ClusterSession } from '../cluster/clusterSession';
import type { Logger } from '../log';
import type { RolloutsTreeProvider } from '../tree/rolloutsTreeProvider';
import { readActionSettings } from './actionSettings';
import { analysisRunCommands, type AnalysisRunCommands } from './analysisRunCommands';
import { experimentCommands, type ExperimentCommands } from './experimentCommands';
import { promoteCommands, type PromoteCommands } from './promoteCommands';
import { PromptsHolder } from './prompts';
import { restartCommand, type RestartCommand } from './restartCommand';
import { setImageCommand, type SetImageCommand } from './setImageCommand';
import { statusCommands, type StatusCommands } from './statusCommands';
import { undoCommand, type UndoCommand } from './undoCommand';

export type RolloutActionCommands = PromoteCommands & StatusCommands & RestartCommand & SetImageCommand & UndoCommand & AnalysisRunCommands & ExperimentCommands;

export interface RolloutActions {
  readonly commands: RolloutActionCommands;
  /** The dialogs the actions use; tests swap them through the extension's API. */
  readonly prompts: PromptsHolder;
}

export function registerRolloutActions(context: vscode.ExtensionContext, session: ClusterSession, tree: RolloutsTreeProvider, log: Logger): RolloutActions {
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
  const commands = {
    ...promoteCommands(deps), ...statusCommands(deps), ...restartCommand(deps),
    ...setImageCommand(deps), ...undoCommand(deps), ...analysisRunCommands(deps), ...experimentCommands(deps),
  };
  return { commands, prompts };
}
