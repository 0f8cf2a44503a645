// Entry point: builds the pieces and wires them; all behaviour lives in src/vscode and src/core.
import type * as vscode from 'vscode';
import { lintWorkspace } from './vscode/commands/lintWorkspace';
import { openSample } from './vscode/commands/openSample';
import { registerCommands } from './vscode/commands/registerCommands';
import { showOutput } from './vscode/commands/showOutput';
import { createLogger } from './vscode/log';
import { registerLinting } from './vscode/registerLinting';
import type { ClusterSession } from './vscode/cluster/clusterSession';
import type { ContextStatusBar } from './vscode/statusBar/contextStatusBar';
import type { RolloutsTreeProvider } from './vscode/tree/rolloutsTreeProvider';
import { registerClusterView } from './vscode/tree/registerClusterView';
import type { PromptsHolder } from './vscode/actions/prompts';
import { registerRolloutActions } from './vscode/actions/registerRolloutActions';
import { registerLaunch } from './vscode/launch/registerLaunch';
import { registerPanels } from './vscode/panel/registerPanels';
import type { PanelsApi } from './vscode/panel/rolloutPanels';
import { prometheusSeriesSource } from './vscode/panel/seriesSource';
import { PrometheusConnector } from './vscode/prometheus/prometheusConnector';
import { registerPrometheus } from './vscode/prometheus/registerPrometheus';
import { registerPreview } from './vscode/preview/registerPreview';
import { registerRendering } from './vscode/render/registerRendering';
import type { RenderController } from './vscode/render/renderController';

/** What the extension exports to other extensions and to its own tests. */
export interface ArgoRolloutsApi {
  /** Time spent in activate(), in milliseconds (the start-up scan runs afterwards, in the background). */
  readonly activationMs: number;
  /** The Rollouts view's data, its cluster session and the context status bar item (the extension-host tests read them). */
  readonly rolloutsTree: RolloutsTreeProvider;
  readonly cluster: ClusterSession;
  readonly contextStatusBar: ContextStatusBar;
  /** The Rollouts view's badge as set (with `argoRollouts.contexts`: what needs attention across them). */
  rolloutsViewBadge(): vscode.ViewBadge | undefined;
  /** The dialogs of the rollout actions and the launch; the extension-host tests answer them with `use(...)`. */
  readonly actionPrompts: PromptsHolder;
  /** The open rollout panels: what each last posted to its page and whether the page is ready. */
  readonly panels: PanelsApi;
  /** Where Prometheus queries go for the current context: `target(templateAddress, signal?)` → client and where. */
  readonly prometheus: PrometheusConnector;
  /** The rendered lint of Helm charts and Kustomize folders (the extension-host tests await its runs). */
  readonly rendering: RenderController;
}

export function activate(context: vscode.ExtensionContext): ArgoRolloutsApi {
  const started = performance.now();
  // The extension-host tests set ARGO_ROLLOUTS_LOG_TO_CONSOLE to see the log in their output.
  const log = createLogger(context, process.env.ARGO_ROLLOUTS_LOG_TO_CONSOLE === '1');
  const { controller, indexer } = registerLinting(context, log);
  const rendering = registerRendering(context, controller, log);
  const cluster = registerClusterView(context, log);
  const actions = registerRolloutActions(context, cluster.session, cluster.tree, log, cluster.contexts);
  const prometheus = registerPrometheus(context, cluster.session, log);
  const preview = registerPreview(context, {
    target: (address, signal) => prometheus.connector.target(address, signal),
    templateUsers: (kind, name) => controller.usersOf(kind, name),
    log,
    askWindow: (title, choices) => actions.prompts.current.pickBacktestWindow(title, choices),
  });
  const panel = registerPanels(context, {
    session: cluster.session, prompts: actions.prompts, actions: actions.commands, log,
    locate: (kind, name, namespace, path) => controller.locate(kind, name, namespace, path),
    series: prometheusSeriesSource((address, signal) => prometheus.connector.target(address, signal)),
    // A panel of another context shown side by side queries that context's Prometheus.
    contexts: cluster.contexts,
    seriesFor: (session) => {
      const connector = new PrometheusConnector(session, context.secrets, log);
      return prometheusSeriesSource((address, signal) => connector.target(address, signal));
    },
    backtest: (plan, session) => {
      const connector = session === cluster.session ? prometheus.connector : new PrometheusConnector(session, context.secrets, log);
      return preview.backtest(plan, (address, signal) => connector.target(address, signal));
    },
  });
  const launch = registerLaunch(context, {
    session: cluster.session, prompts: actions.prompts, controller, log, reveal: cluster.reveal,
    rendered: (document, offset) => rendering.render.renderForLaunch(document, offset),
  });
  registerCommands(context, {
    lintWorkspace: lintWorkspace({ controller, indexer, log }),
    showOutput: showOutput({ log }),
    openSample: openSample(),
    ...cluster.commands,
    ...actions.commands,
    launchCanary: launch.launchCanary,
    openPanel: panel.openPanel,
    previewQuery: preview.previewQuery,
    backtestMetric: preview.backtestMetric,
    chooseHelmValues: rendering.chooseHelmValues,
    ...prometheus.commands,
  });
  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  log.info(`activation: ${activationMs} ms`);
  return { activationMs, rolloutsTree: cluster.tree, cluster: cluster.session, contextStatusBar: cluster.statusBar, rolloutsViewBadge: cluster.badge, actionPrompts: actions.prompts, panels: panel.panels, prometheus: prometheus.connector, rendering: rendering.render };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
