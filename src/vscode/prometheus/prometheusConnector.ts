// Where the panel's and the CodeLens' Prometheus queries go: the URL setting of the current context,
// the template's own address, or the API server's service proxy for an in-cluster name, with the
// header/TLS/timeout settings and the context's credentials from SecretStorage. The client itself
// (axios) is in the lazily loaded kube bundle, so activation never loads it.
import type * as vscode from 'vscode';
import { credentialsKey, parseCredentials } from '../../core/prometheus/promCredentials';
import { planPromTarget } from '../../core/prometheus/planPromTarget';
import { err, type Result } from '../../core/result';
import type { PromRequest } from '../../prometheus/prometheusClient';
import type { PromTarget } from '../../prometheus/promTarget';
import type { ClusterSession } from '../cluster/clusterSession';
import { loadKube } from '../cluster/loadKube';
import type { Logger } from '../log';
import { readPromSettings } from './prometheusSettings';

export type { PromTarget };

export class PrometheusConnector {
  // Each settings problem is logged once, not on every query of every chart.
  private readonly reported = new Set<string>();

  constructor(
    private readonly session: ClusterSession,
    private readonly secrets: vscode.SecretStorage,
    private readonly log?: Logger,
  ) {}

  /**
   * A client for a template's `provider.prometheus.address` (undefined when the template has none)
   * in the current context; `signal` aborts every query of the returned client. The error is a
   * sentence for the user.
   */
  async target(templateAddress: string | undefined, signal?: AbortSignal): Promise<Result<PromTarget, string>> {
    const state = this.session.start();
    if (state.kind === 'stopped') return err('Cannot query Prometheus: the cluster connection has not started.');
    // A kubeconfig that was read but whose context cannot connect still has a context name: a URL setting works without the cluster.
    if (state.kind === 'failed' && state.contexts === undefined) return err(`Cannot query Prometheus: ${state.error.message}`);
    const contextName = state.contexts?.currentContext ?? '';
    const settings = readPromSettings();
    for (const p of settings.problems) this.once(p);
    const credentials = parseCredentials(await this.secrets.get(credentialsKey(contextName)));
    const plan = planPromTarget(templateAddress, contextName, settings, credentials);
    if (!plan.ok) return plan;
    if (plan.value.note !== undefined) this.once(plan.value.note);
    const kube = loadKube();
    let proxy: PromRequest | undefined;
    if (plan.value.address.kind === 'serviceProxy') {
      if (state.kind !== 'connected') return err(`Cannot query Prometheus through the ${plan.value.where}: ${state.error.message}`);
      if (!kube.canSendRaw(state.transport)) return err(`Cannot query Prometheus through the ${plan.value.where}: the connection cannot proxy.`);
      proxy = kube.serviceProxyRequest(state.transport, plan.value.address);
    }
    return kube.createPromTarget(plan.value, proxy, signal);
  }

  private once(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log?.warn(`prometheus: ${message}`);
  }
}
