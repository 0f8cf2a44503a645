// The one path every rollout action takes from a click to the cluster: read-only check, a fresh
// read of the rollout (the row may be stale), the action still allowed in its state, the modal
// confirmation naming context, namespace and rollout (with the Argo CD warning), the typed name in
// protected contexts, then the request through the lazily loaded kube bundle. Any refusal or
// cancellation returns before anything is written.
import * as vscode from 'vscode';
import { ACTIONS, type ActionId } from '../../core/actions/actionIds';
import { argoCdManager, argoCdWarning } from '../../core/actions/argoCdManager';
import { confirmationText } from '../../core/actions/confirmationText';
import { actionsOfContextValue } from '../../core/actions/contextValueActions';
import { getRolloutRequest, resourcePath, type ObjectRef } from '../../core/actions/kubeRequest';
import type { Result } from '../../core/result';
import { rolloutInfo } from '../../core/rollout/rolloutInfo';
import { rolloutRow } from '../../core/tree/rolloutRow';
import type { KubeTransport } from '../../kube/clusterConnection';
import type { ClusterSession } from '../cluster/clusterSession';
import { loadKube, type KubeModule } from '../cluster/loadKube';
import { commandIds } from '../commandIds';
import type { Logger } from '../log';
import { readActionSettings } from './actionSettings';
import { confirmGuarded } from './confirmGuarded';
import type { PromptsHolder } from './prompts';

/** What a command returns (the tests read it; users see the messages). */
export type ActionOutcome =
  | { readonly status: 'done'; readonly message: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'refused'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

export interface ActionDeps {
  readonly session: ClusterSession;
  readonly prompts: PromptsHolder;
  readonly log: Logger;
}

export type ActionSend = (kube: KubeModule, transport: KubeTransport, ref: ObjectRef) => Promise<Result<{ message: string }, { message: string }>>;

export interface ActionRequest {
  readonly action: ActionId;
  readonly ref: ObjectRef;
  readonly send: ActionSend;
  /** Action-specific sentence for the confirmation, e.g. the restart delay. */
  readonly detail?: string;
  /** What the action does to this rollout as just read, instead of the action's general sentence. */
  readonly effect?: (rollout: unknown) => string;
  /**
   * The rollout's AnalysisRun or Experiment acted on: it is read fresh and `allowed` decides instead
   * of the rollout row's actions (a run of an older revision is not in the rollout's status).
   */
  readonly object?: ChildObject;
  /**
   * The object whose spec the action changes when it is not the rollout (Set Image on a rollout with
   * `spec.workloadRef` writes its Deployment): Argo CD's labels are read there.
   */
  readonly changes?: { readonly body: unknown; readonly subject: string };
}

export interface ChildObject {
  readonly resource: 'analysisruns' | 'experiments';
  readonly name: string;
  readonly allowed: (fresh: unknown) => boolean;
}

/** The read-only refusal, for commands that ask questions before runRolloutAction. */
export function refuseIfReadOnly(deps: ActionDeps, action: ActionId): ActionOutcome | undefined {
  const info = ACTIONS[action];
  return readActionSettings().readOnly && info.mutating ? refuse(deps, readOnlyMessage(action)) : undefined;
}

function readOnlyMessage(action: ActionId): string {
  return `${ACTIONS[action].label} was not run: Argo Rollouts is read-only (setting argoRollouts.readOnly).`;
}

export async function runRolloutAction(deps: ActionDeps, request: ActionRequest): Promise<ActionOutcome> {
  const { action, ref } = request;
  const info = ACTIONS[action];
  const settings = readActionSettings();
  if (settings.readOnly && info.mutating) {
    return refuse(deps, readOnlyMessage(action));
  }
  const state = deps.session.start();
  if (state.kind !== 'connected') return fail(deps, state.kind === 'failed' ? state.error.message : 'Not connected to a cluster.');
  const context = state.contexts.currentContext;
  const transport = state.transport;

  const got = await transport.send({ method: 'GET', path: getRolloutRequest(ref).path });
  if (!got.ok) return fail(deps, got.error.message);
  const rollout = got.value.body;
  const object = request.object;
  if (object) {
    const fresh = await transport.send({ method: 'GET', path: resourcePath(object.resource, ref.namespace, object.name) });
    if (!fresh.ok) return fail(deps, fresh.error.message);
    if (!object.allowed(fresh.value.body)) {
      return refuse(deps, `${info.label} is not available for ${info.target} "${object.name}" in its current state: nothing was sent.`);
    }
  } else if (!actionsOfContextValue(rowOf(deps, ref, rollout, settings.readOnly)).has(action)) {
    return refuse(deps, `${info.label} is not available for rollout "${ref.name}" in its current state: nothing was sent.`);
  }

  const text = confirmationText(action, {
    context, namespace: ref.namespace, rollout: ref.name, ...(object ? { target: object.name } : {}), ...(request.detail ? { detail: request.detail } : {}),
    ...(request.effect ? { effect: request.effect(rollout) } : {}),
  });
  const answer = await confirmGuarded(deps.prompts.current, settings, {
    context, rollout: ref.name, message: text, detail: argoCdDetail(action, request.changes ?? { body: rollout }), button: info.label,
  });
  if (!answer.go) return answer.refusal !== undefined ? refuse(deps, answer.refusal) : { status: 'cancelled' };

  deps.log.info(`action: ${action} ${ref.namespace}/${object?.name ?? ref.name} on context ${context}`);
  let result: Awaited<ReturnType<ActionSend>>;
  try {
    result = await request.send(loadKube(), transport, ref);
  } catch (e) {
    deps.log.error(`action: ${action} ${ref.namespace}/${ref.name} threw`, e);
    return fail(deps, `${info.label} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!result.ok) return fail(deps, result.error.message);
  deps.log.info(`action: ${result.value.message}`);
  void vscode.window.showInformationMessage(result.value.message);
  return { status: 'done', message: result.value.message };
}

function argoCdDetail(action: ActionId, changed: { readonly body: unknown; readonly subject?: string }): string | undefined {
  return argoCdWarning(action, argoCdManager(changed.body), changed.subject);
}

/** The row the tree would show for this rollout now, with the related objects the store has. */
function rowOf(deps: ActionDeps, ref: ObjectRef, rollout: unknown, readOnly: boolean): string {
  const state = deps.session.state;
  const related = state.kind === 'connected' ? state.store.rollout(ref.namespace, ref.name)?.related : undefined;
  return rolloutRow(rolloutInfo(rollout, related ?? {}, Date.now()), rollout, { readOnly }).contextValue;
}

export function refuse(deps: ActionDeps, message: string): ActionOutcome {
  deps.log.warn(`action: ${message}`);
  void vscode.window.showWarningMessage(message);
  return { status: 'refused', message };
}

/** Not awaited: the message stays until the user closes it, the command is done before. */
export function fail(deps: ActionDeps, message: string): ActionOutcome {
  deps.log.error(`action: ${message}`);
  const show = 'Show Output';
  void vscode.window.showErrorMessage(message, show).then((answer) => {
    if (answer === show) void vscode.commands.executeCommand(commandIds.showOutput);
  });
  return { status: 'failed', message };
}
