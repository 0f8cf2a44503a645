// The extension's one log: a LogOutputChannel ("Argo Rollouts" in the Output panel), created in
// activate() and handed to whoever needs it.
import * as vscode from 'vscode';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
  debug(message: string): void;
  show(): void;
}

/** `mirror` also writes to the console: the extension-host tests read the log from there. */
export function createLogger(context: vscode.ExtensionContext, mirror = false): Logger {
  const channel = vscode.window.createOutputChannel('Argo Rollouts', { log: true });
  context.subscriptions.push(channel);
  const echo = (level: string, m: string): void => {
    if (mirror) console.log(`[argo-rollouts ${level}] ${m}`);
  };
  return {
    info: (m) => (channel.info(m), echo('info', m)),
    warn: (m) => (channel.warn(m), echo('warn', m)),
    error: (m, err) => {
      const text = err === undefined ? m : `${m}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
      channel.error(text);
      echo('error', text);
    },
    debug: (m) => (channel.debug(m), echo('debug', m)),
    show: () => channel.show(true),
  };
}
