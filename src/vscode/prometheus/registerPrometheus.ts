// Builds the Prometheus connector (for the rollout panel and the CodeLens) and the credential commands.
import type * as vscode from 'vscode';
import type { ClusterSession } from '../cluster/clusterSession';
import type { Logger } from '../log';
import { PrometheusConnector } from './prometheusConnector';
import { credentialCommands, type CredentialCommands } from './prometheusCredentials';

export interface PrometheusWiring {
  readonly connector: PrometheusConnector;
  readonly commands: CredentialCommands;
}

export function registerPrometheus(context: vscode.ExtensionContext, session: ClusterSession, log: Logger): PrometheusWiring {
  return {
    connector: new PrometheusConnector(session, context.secrets, log),
    commands: credentialCommands(session, context.secrets, log),
  };
}
