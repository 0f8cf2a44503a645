// The cluster settings: which kubeconfig, which namespaces the tree shows.
import * as vscode from 'vscode';
import { namespaceSelection, type NamespaceSelection } from '../../core/tree/namespaceSelection';

export interface ClusterSettings {
  /** `argoRollouts.kubeconfig`; undefined = KUBECONFIG, else ~/.kube/config (as kubectl). */
  readonly kubeconfig: string | undefined;
  readonly namespaces: NamespaceSelection;
}

export function readClusterSettings(): ClusterSettings {
  const c = vscode.workspace.getConfiguration('argoRollouts');
  const path = c.get<unknown>('kubeconfig');
  return {
    kubeconfig: typeof path === 'string' && path.trim() !== '' ? expandHome(path.trim()) : undefined,
    namespaces: namespaceSelection(c.get<unknown>('namespaces')),
  };
}

function expandHome(path: string): string {
  const home = process.env['HOME'] ?? process.env['USERPROFILE'];
  return home !== undefined && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
}
