// Wires the rollout panel: the `argoRollouts.openPanel` command (tree row, palette pick, CodeLens
// arguments), the "Open panel" CodeLens on Rollout documents, and the read-only documents of live
// AnalysisTemplates. Actions from a panel run the very commands of the tree's menus.
import * as vscode from 'vscode';
import { ACTION_IDS, type ActionId } from '../../core/actions/actionIds';
import type { ObjectRef } from '../../core/actions/kubeRequest';
import type { PanelInput } from '../../core/panel/buildPanelState';
import { planRunBacktest, type RunBacktestPlan } from '../../core/panel/planSeries';
import type { PromptsHolder } from '../actions/prompts';
import type { RolloutActionCommands } from '../actions/registerRolloutActions';
import { rolloutOfElement } from '../actions/rolloutTarget';
import type { ActionOutcome } from '../actions/runRolloutAction';
import { sectionOfElement } from '../actions/registerRolloutActions';
import type { ClusterSession } from '../cluster/clusterSession';
import type { ContextSessions } from '../cluster/contextSessions';
import type { Logger } from '../log';
import { LIVE_TEMPLATE_SCHEME, LiveTemplateDocuments, openTemplate, type LocateObject } from './openTemplate';
import { PanelCodeLens } from './panelCodeLens';
import { pickPanelRollout } from './pickPanelRollout';
import { RolloutPanels } from './rolloutPanels';
import type { SeriesSource } from './seriesSource';

export interface PanelWiring {
  readonly session: ClusterSession;
  readonly prompts: PromptsHolder;
  readonly actions: RolloutActionCommands;
  readonly locate: LocateObject;
  readonly series: SeriesSource;
  readonly log: Logger;
  /** The contexts shown side by side, and each one's Prometheus series (a panel opened from their rows). */
  readonly contexts?: ContextSessions;
  readonly seriesFor?: (session: ClusterSession) => SeriesSource;
  /** Runs a metric's backtest against the Prometheus of the session's context (the Backtest command's path). */
  readonly backtest: (plan: RunBacktestPlan, session: ClusterSession) => Promise<unknown>;
}

/** The panel's actions and the tree command each one runs (with all of that command's guards). */
const ACTION_COMMANDS: Partial<Record<ActionId, keyof RolloutActionCommands>> = {
  promote: 'promoteRollout',
  promoteFull: 'promoteFullRollout',
  abort: 'abortRollout',
  retry: 'retryRollout',
  pause: 'pauseRollout',
  restart: 'restartRollout',
  setImage: 'setImageRollout',
  undo: 'undoRollout',
};

function isActionId(id: string): id is ActionId {
  return (ACTION_IDS as readonly string[]).includes(id);
}

export function registerPanels(context: vscode.ExtensionContext, w: PanelWiring): { openPanel: (a?: unknown, b?: unknown) => Promise<void>; panels: RolloutPanels } {
  const documents = new LiveTemplateDocuments();
  const lens = new PanelCodeLens(w.session);
  const runAction = async (action: string, ref: ObjectRef, section?: string): Promise<ActionOutcome | undefined> => {
    const command = isActionId(action) ? ACTION_COMMANDS[action] : undefined;
    if (!command) {
      void vscode.window.showInformationMessage(`${action} is not available from the rollout panel yet: use the Rollouts view.`);
      return undefined;
    }
    // The tree row's element shape: the command resolves it exactly as a click on the row.
    return w.actions[command]({ type: 'rollout', namespace: ref.namespace, name: ref.name, ...(section !== undefined ? { section } : {}) });
  };
  const backtestFor = (session: ClusterSession) => async (input: PanelInput, key: string): Promise<void> => {
    const plan = planRunBacktest(input, key);
    if ('error' in plan) {
      void vscode.window.showErrorMessage(`Backtest: ${plan.error}`);
      return;
    }
    await w.backtest(plan, session);
  };
  const panels = new RolloutPanels({
    session: w.session,
    backtest: backtestFor(w.session),
    log: w.log,
    extensionUri: context.extensionUri,
    runAction,
    series: w.series,
    openTemplate: openTemplate({ session: w.session, locate: w.locate, documents, log: w.log }),
  });
  context.subscriptions.push(
    panels, lens, documents,
    vscode.workspace.registerTextDocumentContentProvider(LIVE_TEMPLATE_SCHEME, documents),
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, lens),
  );
  const openPanel = async (a?: unknown, b?: unknown): Promise<void> => {
    const ref = rolloutOfElement(a) ?? (typeof a === 'string' && typeof b === 'string' ? { namespace: a, name: b } : await pickPanelRollout(w.session, w.prompts));
    if (!ref) return;
    // A row of a context shown side by side: that context's panel, queries and actions.
    const section = sectionOfElement(a);
    const pinned = section !== undefined ? w.contexts?.session(section) : undefined;
    if (pinned) {
      pinned.start();
      panels.show(ref, { session: pinned, deps: { series: w.seriesFor?.(pinned) ?? w.series, runAction: (action, r) => runAction(action, r, section), backtest: backtestFor(pinned) } });
      return;
    }
    w.session.start();
    panels.show(ref);
  };
  return { openPanel, panels };
}

/** Until the Prometheus connection is wired: every series request says so instead of hanging. */
export const noPrometheusSeries: SeriesSource = (plan) =>
  Promise.resolve({ status: 'error', key: plan.key, where: plan.address ?? '', message: 'Plots need the Prometheus connection, which this build does not include yet.' });
