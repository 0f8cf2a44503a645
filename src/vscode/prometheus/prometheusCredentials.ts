// "Set Prometheus Credentials…" and "Clear Prometheus Credentials…": a bearer token or basic auth per
// kubeconfig context, kept only in VS Code's SecretStorage (the OS keychain), typed into password
// boxes, and never written to settings or the log (the log says which context and which kind).
import * as vscode from 'vscode';
import { credentialsKey, describeCredentials, parseCredentials, serializeCredentials, type PromCredentials } from '../../core/prometheus/promCredentials';
import type { ClusterSession } from '../cluster/clusterSession';
import type { Logger } from '../log';

export interface CredentialCommands {
  readonly setPrometheusCredentials: () => Promise<void>;
  readonly clearPrometheusCredentials: () => Promise<void>;
}

interface ContextItem extends vscode.QuickPickItem {
  readonly context: string;
  readonly hasCredentials: boolean;
}

async function contextItems(session: ClusterSession, secrets: vscode.SecretStorage): Promise<ContextItem[] | undefined> {
  session.start();
  const contexts = session.contexts();
  if (!contexts) {
    const state = session.state;
    void vscode.window.showErrorMessage(state.kind === 'failed' ? state.error.message : 'The kubeconfig has not been read.');
    return undefined;
  }
  const current = contexts.currentContext;
  const names = contexts.contexts().map((c) => c.name).sort((a, b) => Number(b === current) - Number(a === current) || a.localeCompare(b));
  return Promise.all(names.map(async (context) => {
    const stored = parseCredentials(await secrets.get(credentialsKey(context)));
    const has = stored === undefined ? '' : `has ${describeCredentials(stored)}`;
    return { label: context, context, hasCredentials: stored !== undefined, description: [context === current ? 'current' : '', has].filter((s) => s !== '').join(' · ') };
  }));
}

async function askCredentials(context: string): Promise<PromCredentials | undefined> {
  const kinds = [
    { label: 'Bearer token', auth: 'bearer' as const, detail: 'Authorization: Bearer … (Grafana Cloud, Amazon Managed Prometheus proxies, OAuth proxies)' },
    { label: 'Basic auth', auth: 'basic' as const, detail: 'Authorization: Basic … (user name and password)' },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: `Prometheus credentials for context ${context}` });
  if (!kind) return undefined;
  const title = `Prometheus ${kind.label.toLowerCase()} for context ${context}`;
  const nonEmpty = (v: string): string | undefined => (v === '' ? 'Required' : undefined);
  if (kind.auth === 'bearer') {
    const token = await vscode.window.showInputBox({ title, prompt: 'The token (stored in the OS keychain, never in settings)', password: true, ignoreFocusOut: true, validateInput: nonEmpty });
    return token === undefined ? undefined : { kind: 'bearer', token: token.trim() };
  }
  const username = await vscode.window.showInputBox({ title, prompt: 'User name', ignoreFocusOut: true, validateInput: nonEmpty });
  if (username === undefined) return undefined;
  const password = await vscode.window.showInputBox({ title, prompt: `Password of ${username} (stored in the OS keychain, never in settings)`, password: true, ignoreFocusOut: true });
  return password === undefined ? undefined : { kind: 'basic', username, password };
}

export function credentialCommands(session: ClusterSession, secrets: vscode.SecretStorage, log: Logger): CredentialCommands {
  return {
    async setPrometheusCredentials() {
      const items = await contextItems(session, secrets);
      if (!items) return;
      const picked = await vscode.window.showQuickPick(items, { title: 'Set Prometheus credentials for which context?' });
      if (!picked) return;
      const credentials = await askCredentials(picked.context);
      if (!credentials) return;
      await secrets.store(credentialsKey(picked.context), serializeCredentials(credentials));
      log.info(`prometheus: stored ${describeCredentials(credentials)} for context ${picked.context}`);
      void vscode.window.showInformationMessage(`Prometheus queries of context ${picked.context} now send ${describeCredentials(credentials)} (to a direct URL, not through the API server's service proxy).`);
    },

    async clearPrometheusCredentials() {
      const items = (await contextItems(session, secrets))?.filter((i) => i.hasCredentials);
      if (!items) return;
      if (items.length === 0) {
        void vscode.window.showInformationMessage('No context has Prometheus credentials.');
        return;
      }
      const picked = await vscode.window.showQuickPick(items, { title: 'Clear the Prometheus credentials of which context?' });
      if (!picked) return;
      await secrets.delete(credentialsKey(picked.context));
      log.info(`prometheus: cleared the credentials of context ${picked.context}`);
      void vscode.window.showInformationMessage(`Prometheus credentials of context ${picked.context} cleared.`);
    },
  };
}
