// The settings that guard rollout actions: read-only mode and the contexts that need a typed name.
import * as vscode from 'vscode';
import { DEFAULT_PROTECTED_CONTEXTS } from '../../core/actions/protectedContext';

export interface ActionSettings {
  /** `argoRollouts.readOnly`: no action that writes to the cluster is offered or run. */
  readonly readOnly: boolean;
  /** `argoRollouts.protectedContexts`: glob patterns of context names. */
  readonly protectedContexts: readonly string[];
}

export function readActionSettings(): ActionSettings {
  const c = vscode.workspace.getConfiguration('argoRollouts');
  const patterns = c.get<unknown>('protectedContexts');
  return {
    readOnly: c.get<unknown>('readOnly') === true,
    // A setting of the wrong shape protects like the default rather than protecting nothing.
    protectedContexts: Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : DEFAULT_PROTECTED_CONTEXTS,
  };
}
