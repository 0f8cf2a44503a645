// Wires "Launch Canary in Current Context": the command, the CodeLens on YAML files, the diff's
// virtual documents, and the context key that shows the editor title button on Rollout documents.
import * as vscode from 'vscode';
import type { PromptsHolder } from '../actions/prompts';
import type { ClusterSession } from '../cluster/clusterSession';
import type { LintController } from '../diagnostics/lintController';
import type { Logger } from '../log';
import { launchCanary, type LaunchDeps } from './launchCanary';
import { hasRolloutKind, LaunchCodeLens, ROLLOUT_DOCUMENT_KEY } from './launchCodeLens';
import { FILE_SCHEME, LaunchDiffDocuments, LIVE_SCHEME } from './launchDiffDocuments';

export interface LaunchWiring {
  readonly session: ClusterSession;
  readonly prompts: PromptsHolder;
  readonly controller: LintController;
  readonly log: Logger;
  readonly reveal: (namespace: string, name: string) => Promise<void>;
  /** Launch from a Helm template or a Kustomize folder: renders it (see LaunchDeps.rendered). */
  readonly rendered?: LaunchDeps['rendered'];
}

/**
 * True once a launch went through in this window. The walkthrough's launch step completes on it: a
 * CodeLens runs the command through VS Code's argument delegation, which `onCommand` never sees.
 */
export const CANARY_LAUNCHED_KEY = 'argoRollouts.canaryLaunched';

export function registerLaunch(context: vscode.ExtensionContext, w: LaunchWiring): { launchCanary: ReturnType<typeof launchCanary> } {
  const diff = new LaunchDiffDocuments();
  const lens = new LaunchCodeLens(w.session);
  const updateKey = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ROLLOUT_DOCUMENT_KEY, doc !== undefined && doc.languageId === 'yaml' && hasRolloutKind(doc.getText()));
  };
  updateKey();
  context.subscriptions.push(
    diff, lens,
    vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, diff),
    vscode.workspace.registerTextDocumentContentProvider(FILE_SCHEME, diff),
    vscode.languages.registerCodeLensProvider({ language: 'yaml' }, lens),
    vscode.window.onDidChangeActiveTextEditor(updateKey),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateKey();
    }),
  );
  const launch = launchCanary({
    session: w.session, prompts: w.prompts, log: w.log, diff, reveal: w.reveal,
    findingsFor: (document) => w.controller.findingsFor(document),
    ...(w.rendered ? { rendered: w.rendered } : {}),
  });
  return {
    launchCanary: async (uri, offset) => {
      const outcome = await launch(uri, offset);
      if (outcome.status === 'done') void vscode.commands.executeCommand('setContext', CANARY_LAUNCHED_KEY, true);
      return outcome;
    },
  };
}
