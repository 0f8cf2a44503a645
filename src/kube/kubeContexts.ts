// The kubeconfig, read as kubectl reads it: an explicit path, else every file in KUBECONFIG merged
// (the first file to define a name or current-context wins; missing files are skipped), else
// ~/.kube/config. Switching context or namespace happens in memory: the files are never written,
// so the extension does not change what the user's terminal kubectl talks to.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { shortContextName } from '../core/kube/contextNames';
import { kubeError, type KubeError } from '../core/kube/kubeErrors';
import { err, ok, type Result } from '../core/result';
import { ClusterConnection, type ConnectionOptions } from './clusterConnection';

export interface KubeconfigSource {
  /** Explicit kubeconfig path (a setting); may list several files separated like PATH. Wins over KUBECONFIG. */
  readonly path?: string;
  /** Defaults to process.env; tests pass their own. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to os.homedir(). */
  readonly homeDir?: string;
}

export interface KubeContextInfo {
  readonly name: string;
  /** shortContextName(name): `prod (eu-west-1)` for an EKS ARN. */
  readonly displayName: string;
  readonly cluster: string;
  readonly user: string;
  /** The context's namespace; undefined when the kubeconfig sets none (kubectl then uses "default"). */
  readonly namespace: string | undefined;
  readonly server: string | undefined;
}

/** The files kubectl would read for this source, in precedence order. */
export function kubeconfigFiles(source: KubeconfigSource = {}): string[] {
  const env = source.env ?? process.env;
  const list = source.path ?? env['KUBECONFIG'];
  if (list !== undefined && list !== '') return list.split(delimiter).filter((f) => f !== '');
  return [join(source.homeDir ?? homedir(), '.kube', 'config')];
}

export function loadKubeContexts(source: KubeconfigSource = {}): Result<KubeContexts, KubeError> {
  const files = kubeconfigFiles(source).filter((f) => existsSync(f));
  if (files.length === 0) {
    return err(kubeError({ kind: 'config', detail: `no kubeconfig found (looked for ${kubeconfigFiles(source).join(', ')})` }));
  }
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let current = '';
  for (const file of files) {
    const kc = new KubeConfig();
    try {
      kc.loadFromFile(file);
    } catch (e) {
      return err(kubeError({ kind: 'config', detail: `${file}: ${e instanceof Error ? e.message : String(e)}` }));
    }
    for (const c of kc.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    if (current === '') current = kc.getCurrentContext() ?? '';
  }
  return ok(new KubeContexts([...clusters.values()], [...users.values()], [...contexts.values()], current));
}

export class KubeContexts {
  private current: string;
  private namespaceOverride: string | undefined;

  constructor(
    private readonly clusters: readonly Cluster[],
    private readonly users: readonly User[],
    private readonly contextList: readonly Context[],
    currentContext: string,
  ) {
    this.current = currentContext;
  }

  contexts(): KubeContextInfo[] {
    return this.contextList.map((c) => ({
      name: c.name, displayName: shortContextName(c.name), cluster: c.cluster, user: c.user, namespace: c.namespace,
      server: this.clusters.find((cl) => cl.name === c.cluster)?.server,
    }));
  }

  /** The selected context's name; '' when the kubeconfig has no current-context and none was picked. */
  get currentContext(): string {
    return this.current;
  }

  /** The namespace picked in the extension, else the context's, else "default" (as kubectl). */
  get currentNamespace(): string {
    return this.namespaceOverride ?? this.contextList.find((c) => c.name === this.current)?.namespace ?? 'default';
  }

  /** Switches context in memory; the namespace goes back to the new context's own. */
  useContext(name: string): Result<void, KubeError> {
    if (!this.contextList.some((c) => c.name === name)) return err(kubeError({ kind: 'config', detail: `there is no context named "${name}"` }));
    this.current = name;
    this.namespaceOverride = undefined;
    return ok(undefined);
  }

  useNamespace(namespace: string | undefined): void {
    this.namespaceOverride = namespace === '' ? undefined : namespace;
  }

  /**
   * A connection to the selected context. It has its own KubeConfig copy, so switching context
   * later does not redirect requests of views still showing the old one.
   */
  connect(options: ConnectionOptions = {}): Result<ClusterConnection, KubeError> {
    const context = this.contextList.find((c) => c.name === this.current);
    if (!context) {
      const detail = this.current === '' ? 'no context is selected (the kubeconfig has no current-context)' : `there is no context named "${this.current}"`;
      return err(kubeError({ kind: 'config', detail }));
    }
    const cluster = this.clusters.find((c) => c.name === context.cluster);
    if (!cluster) return err(kubeError({ kind: 'config', detail: `context "${context.name}" names cluster "${context.cluster}", which is not defined` }));
    const user = this.users.find((u) => u.name === context.user);
    if (!user && context.user !== '') return err(kubeError({ kind: 'config', detail: `context "${context.name}" names user "${context.user}", which is not defined` }));
    const kc = new KubeConfig();
    kc.loadFromOptions({ clusters: [cluster], users: user ? [user] : [], contexts: [context], currentContext: context.name });
    return ok(new ClusterConnection(kc, context.name, options));
  }
}
