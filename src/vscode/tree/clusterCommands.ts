// The commands of the Rollouts view and the context status bar item: switching context and
// namespaces, Retry, opening the kubeconfig, the needs-attention filter and pins.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import * as vscode from 'vscode';
import { selectionSetting, type NamespaceSelection } from '../../core/tree/namespaceSelection';
import type { ClusterSession } from '../cluster/clusterSession';
import type { ContextSessions } from '../cluster/contextSessions';
import { readClusterSettings } from '../cluster/clusterSettings';
import type { RolloutsTreeProvider } from './rolloutsTreeProvider';

const ALL = '*';

export interface ClusterCommands {
  switchContext(name?: unknown): Promise<void>;
  chooseNamespaces(): Promise<void>;
  selectContextAndNamespace(): Promise<void>;
  refresh(): void;
  openKubeconfig(): Promise<void>;
  showNeedsAttention(): Promise<void>;
  showAllRollouts(): Promise<void>;
  pinRollout(el?: unknown): Promise<void>;
  unpinRollout(el?: unknown): Promise<void>;
}

export function clusterCommands(session: ClusterSession, tree: RolloutsTreeProvider, contexts?: ContextSessions): ClusterCommands {
  /** Starts the session if needed; false (after telling the user) when the kubeconfig has no contexts to offer. */
  const started = (): boolean => {
    session.start();
    return session.contexts() !== undefined;
  };

  const pickContext = async (): Promise<boolean> => {
    const contexts = session.contexts();
    if (!contexts) {
      const state = session.state;
      const open = 'Open kubeconfig';
      const answer = await vscode.window.showErrorMessage(state.kind === 'failed' ? state.error.message : 'No kubeconfig was read.', open);
      if (answer === open) await openKubeconfig();
      return false;
    }
    const items = contexts.contexts().map((c) => ({
      label: c.displayName,
      description: [c.name !== c.displayName ? c.name : '', c.namespace ? `namespace ${c.namespace}` : ''].filter((s) => s !== '').join(' · '),
      detail: c.server,
      picked: c.name === contexts.currentContext,
      name: c.name,
      iconPath: new vscode.ThemeIcon(c.name === contexts.currentContext ? 'check' : 'server-environment'),
    }));
    const chosen = await vscode.window.showQuickPick(items, { title: 'Switch Kubernetes Context', placeHolder: `Current: ${contexts.currentContext || 'none'}` });
    if (!chosen) return false;
    return useContext(chosen.name);
  };

  const useContext = async (name: string): Promise<boolean> => {
    const used = session.useContext(name);
    if (!used.ok) await vscode.window.showErrorMessage(used.error.message);
    return used.ok;
  };

  const writeNamespaces = async (selection: NamespaceSelection): Promise<void> => {
    const config = vscode.workspace.getConfiguration('argoRollouts');
    const inspected = config.inspect('namespaces');
    const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('namespaces', selectionSetting(selection), target);
  };

  const openKubeconfig = async (): Promise<void> => {
    const configured = readClusterSettings().kubeconfig ?? process.env['KUBECONFIG'];
    const files = configured ? configured.split(delimiter).filter((f) => f !== '') : [join(homedir(), '.kube', 'config')];
    const file = files.find((f) => existsSync(f));
    if (file) {
      await vscode.window.showTextDocument(vscode.Uri.file(file));
      return;
    }
    const set = 'Set kubeconfig Path';
    const answer = await vscode.window.showWarningMessage(`No kubeconfig at ${files.join(', ')}.`, set);
    if (answer === set) await vscode.commands.executeCommand('workbench.action.openSettings', 'argoRollouts.kubeconfig');
  };

  const rolloutOf = (el: unknown): { namespace: string; name: string } | undefined => {
    if (typeof el !== 'object' || el === null || Reflect.get(el, 'type') !== 'rollout') return undefined;
    const namespace: unknown = Reflect.get(el, 'namespace');
    const name: unknown = Reflect.get(el, 'name');
    return typeof namespace === 'string' && typeof name === 'string' ? { namespace, name } : undefined;
  };

  const setAttention = async (on: boolean): Promise<void> => {
    tree.setAttentionOnly(on);
    await vscode.commands.executeCommand('setContext', 'argoRollouts.attentionOnly', on);
  };

  return {
    async switchContext(name?: unknown): Promise<void> {
      if (!started() && typeof name !== 'string') {
        await pickContext();
        return;
      }
      if (typeof name === 'string') await useContext(name);
      else await pickContext();
    },

    async chooseNamespaces(): Promise<void> {
      if (!started()) return void (await pickContext());
      const current = readClusterSettings().namespaces;
      const listed = await session.listNamespaces();
      if (!listed.ok) {
        // Listing namespaces needs a cluster-wide permission many users lack: let them type names.
        const typed = await vscode.window.showInputBox({
          title: 'Choose Namespaces',
          prompt: `${listed.error.message} Type namespaces separated by commas ("*" for all, empty for the context's).`,
          value: selectionSetting(current).join(', '),
        });
        if (typed === undefined) return;
        const names = typed.split(',').map((s) => s.trim()).filter((s) => s !== '');
        await writeNamespaces(names.includes(ALL) ? { kind: 'all' } : names.length === 0 ? { kind: 'context' } : { kind: 'list', names });
        return;
      }
      const items: (vscode.QuickPickItem & { value: string })[] = [
        { label: 'All namespaces', description: '*', value: ALL, picked: current.kind === 'all' },
        ...listed.value.map((ns) => ({ label: ns, value: ns, picked: current.kind === 'list' && current.names.includes(ns) })),
      ];
      const chosen = await vscode.window.showQuickPick(items, {
        title: 'Choose Namespaces', canPickMany: true, placeHolder: 'None picked = the context\'s namespace',
      });
      if (!chosen) return;
      const names = chosen.map((c) => c.value);
      await writeNamespaces(names.includes(ALL) ? { kind: 'all' } : names.length === 0 ? { kind: 'context' } : { kind: 'list', names });
    },

    async selectContextAndNamespace(): Promise<void> {
      if (!(await pickContext())) {
        if (!session.contexts()) return;
      }
      const listed = await session.listNamespaces();
      const contexts = session.contexts();
      if (!contexts) return;
      let namespace: string | undefined;
      if (listed.ok) {
        const items = [
          { label: 'All namespaces', description: '*', value: ALL },
          ...listed.value.map((ns) => ({ label: ns, description: ns === contexts.currentNamespace ? 'current' : '', value: ns })),
        ];
        namespace = (await vscode.window.showQuickPick(items, { title: 'Namespace', placeHolder: `Current: ${contexts.currentNamespace}` }))?.value;
      } else {
        namespace = await vscode.window.showInputBox({ title: 'Namespace', prompt: listed.error.message, value: contexts.currentNamespace });
      }
      if (namespace === undefined || namespace.trim() === '') return;
      if (namespace === ALL) return writeNamespaces({ kind: 'all' });
      session.useNamespace(namespace.trim());
      // A namespace picked here is the one to show, even if the setting named others before.
      if (readClusterSettings().namespaces.kind !== 'context') await writeNamespaces({ kind: 'context' });
    },

    refresh(): void {
      session.reload();
      // Every context shown side by side too (an error row's Retry).
      contexts?.reload();
    },

    openKubeconfig,

    showNeedsAttention: () => setAttention(true),
    showAllRollouts: () => setAttention(false),

    async pinRollout(el?: unknown): Promise<void> {
      const r = rolloutOf(el);
      if (r) await tree.setPinned(r.namespace, r.name, true);
    },
    async unpinRollout(el?: unknown): Promise<void> {
      const r = rolloutOf(el);
      if (r) await tree.setPinned(r.namespace, r.name, false);
    },
  };
}
