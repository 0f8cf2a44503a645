// "Launch Canary in Current Context": the Rollout document at the cursor (or the CodeLens / editor
// title button's document) server-side applied to the current context and namespace. The decisions
// are src/core/launch's; this file asks the questions in order — lint errors, the diff, the guarded
// confirmation, a field-manager conflict — and any cancellation returns before the apply is sent.
import * as vscode from 'vscode';
import { getRolloutRequest } from '../../core/actions/kubeRequest';
import { stringAt } from '../../core/actions/untrusted';
import type { Finding } from '../../core/lint/types';
import { pickRolloutDocument, type ManifestDocument } from '../../core/launch/pickRolloutDocument';
import { planLaunch, type ReadyLaunch } from '../../core/launch/planLaunch';
import { readActionSettings } from '../actions/actionSettings';
import { confirmGuarded } from '../actions/confirmGuarded';
import type { PromptsHolder } from '../actions/prompts';
import type { ActionOutcome } from '../actions/runRolloutAction';
import type { ClusterSession } from '../cluster/clusterSession';
import { loadKube } from '../cluster/loadKube';
import { commandIds } from '../commandIds';
import type { Logger } from '../log';
import type { LaunchDiffDocuments } from './launchDiffDocuments';

export interface LaunchDeps {
  readonly session: ClusterSession;
  readonly prompts: PromptsHolder;
  readonly log: Logger;
  readonly findingsFor: (document: vscode.TextDocument) => readonly Finding[];
  readonly diff: LaunchDiffDocuments;
  readonly reveal: (namespace: string, name: string) => Promise<void>;
  /**
   * A Helm template or a file of a Kustomize folder: the Rollout of the rendered output, the findings
   * on that output, and where it was rendered from (named in the confirmation). Undefined for a plain manifest.
   */
  readonly rendered?: (document: vscode.TextDocument, offset: number) => Promise<{ readonly error: string } | { readonly picked: ManifestDocument; readonly findings: readonly Finding[]; readonly origin: string } | undefined>;
}

const LAUNCH = 'Launch';
const LAUNCH_ANYWAY = 'Launch Anyway';
const SHOW_PROBLEMS = 'Show Problems';
const FORCE_APPLY = 'Force Apply';
/** Lint errors listed in the blocking modal; the Problems panel has the rest. */
const LISTED_ERRORS = 5;

/** Arguments: the document's URI (editor title, CodeLens) and an offset in it (CodeLens); else the active editor and its cursor. */
export function launchCanary(deps: LaunchDeps): (uri?: unknown, offset?: unknown) => Promise<ActionOutcome> {
  return (uri, offset) => run(deps, uri instanceof vscode.Uri ? uri : undefined, typeof offset === 'number' ? offset : undefined);
}

async function run(deps: LaunchDeps, uri: vscode.Uri | undefined, offset: number | undefined): Promise<ActionOutcome> {
  const settings = readActionSettings();
  if (settings.readOnly) return refuse(deps, 'The launch was not sent: Argo Rollouts is read-only (setting argoRollouts.readOnly).');
  const editor = vscode.window.activeTextEditor;
  const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (!document) return refuse(deps, 'Open a Rollout manifest to launch it.');
  const at = offset ?? (editor && editor.document === document ? document.offsetAt(editor.selection.active) : 0);
  const fromRender = await deps.rendered?.(document, at);
  if (fromRender && 'error' in fromRender) return refuse(deps, fromRender.error);
  const picked = fromRender ? fromRender.picked : pickRolloutDocument(document.getText(), at);
  if ('error' in picked) return refuse(deps, picked.error);

  const state = deps.session.start();
  if (state.kind !== 'connected') return fail(deps, state.kind === 'failed' ? state.error.message : 'Not connected to a cluster.');
  const context = state.contexts.currentContext;
  const namespace = state.contexts.currentNamespace;
  const name = stringAt(picked.manifest, 'metadata', 'name');
  let live: unknown;
  if (name !== undefined && name !== '') {
    const got = await state.transport.send({ method: 'GET', path: getRolloutRequest({ namespace, name }).path });
    if (got.ok) live = got.value.body;
    else if (got.error.kind !== 'notFound') return fail(deps, got.error.message);
  }

  const options = { context, namespace, lintFindings: fromRender ? fromRender.findings : deps.findingsFor(document) };
  let plan = planLaunch(picked, live, options);
  if (plan.verdict === 'refused') return refuse(deps, plan.message);
  const prompts = deps.prompts.current;
  if (plan.verdict === 'blocked') {
    const listed = plan.lintErrors.slice(0, LISTED_ERRORS).map((f) => `• ${f.path ? `${f.path}: ` : ''}${f.message}`);
    const more = plan.lintErrors.length > LISTED_ERRORS ? [`… and ${plan.lintErrors.length - LISTED_ERRORS} more`] : [];
    const choice = await prompts.choose(plan.message, [...listed, ...more].join('\n'), [LAUNCH_ANYWAY, SHOW_PROBLEMS]);
    if (choice === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== LAUNCH_ANYWAY) return { status: 'cancelled' };
    plan = planLaunch(picked, live, { ...options, overrideLint: true });
    if (plan.verdict !== 'ready') return refuse(deps, plan.message);
  }
  const ready: ReadyLaunch = plan;

  // The right side is what the server will hold: the file merged into the live spec (keyed lists by key, others' fields kept).
  await deps.diff.show(context, namespace, ready.ref.name, live, ready.description.afterApply);
  const overridden = ready.lintErrors.length > 0 ? [`launching despite ${ready.lintErrors.length} lint error${ready.lintErrors.length === 1 ? '' : 's'}`] : [];
  const answer = await confirmGuarded(prompts, settings, {
    context,
    rollout: ready.ref.name,
    message: `Launch rollout "${ready.ref.name}" in namespace "${namespace}" on context "${context}"?`,
    detail: [...(fromRender ? [`The Rollout was ${fromRender.origin}.`] : []), ...ready.description.lines, ...overridden].join('\n'),
    button: LAUNCH,
  });
  if (!answer.go) return answer.refusal !== undefined ? refuse(deps, answer.refusal) : { status: 'cancelled' };

  const kube = loadKube();
  deps.log.info(`launch: ${namespace}/${ready.ref.name} on context ${context} (${ready.description.kind})`);
  let result = await kube.applyManifest(state.transport, ready);
  if (!result.ok && result.error.kind === 'fieldConflict') {
    if (!(await prompts.confirm(result.error.message, undefined, FORCE_APPLY))) return { status: 'cancelled' };
    deps.log.info(`launch: ${namespace}/${ready.ref.name} again with force`);
    result = await kube.applyManifest(state.transport, ready, { force: true });
  }
  if (!result.ok) return fail(deps, result.error.message);

  const message = successMessage(ready, result.value.created);
  deps.log.info(`launch: ${result.value.message}`);
  void vscode.window.showInformationMessage(message);
  try {
    await deps.reveal(namespace, ready.ref.name);
  } catch (e) {
    // The apply went through; a tree that cannot show the row (another namespace selected) is no failure.
    deps.log.warn(`launch: could not reveal ${namespace}/${ready.ref.name} in the tree: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { status: 'done', message };
}

/** `rollout 'web' applied: a canary starts at step 1, setWeight 10` — the first line of the description, in the past tense of the deed. */
export function successMessage(plan: ReadyLaunch, created: boolean): string {
  // A creation's first line repeats "creates rollout x"; its second says what the first deploy does.
  const first = (plan.description.kind === 'create' ? plan.description.lines[1] : plan.description.lines[0]) ?? '';
  const what = first.replace(/^pod template changed: /, '').replace(' will start ', ' starts ');
  return `rollout '${plan.ref.name}' ${created ? 'created' : 'applied'}${what ? `: ${what}` : ''}`;
}

function refuse(deps: LaunchDeps, message: string): ActionOutcome {
  deps.log.warn(`launch: ${message}`);
  void vscode.window.showWarningMessage(message);
  return { status: 'refused', message };
}

function fail(deps: LaunchDeps, message: string): ActionOutcome {
  deps.log.error(`launch: ${message}`);
  const show = 'Show Output';
  void vscode.window.showErrorMessage(message, show).then((answer) => {
    if (answer === show) void vscode.commands.executeCommand(commandIds.showOutput);
  });
  return { status: 'failed', message };
}
