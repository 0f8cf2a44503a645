// Registers every command of `commandIds`; the map type makes a missing handler a compile error.
import * as vscode from 'vscode';
import { commandIds, type CommandName } from '../commandIds';

export type CommandHandlers = { readonly [K in CommandName]: (...args: unknown[]) => unknown };

export function registerCommands(context: vscode.ExtensionContext, handlers: CommandHandlers): void {
  for (const name of Object.keys(commandIds) as CommandName[]) {
    context.subscriptions.push(vscode.commands.registerCommand(commandIds[name], handlers[name]));
  }
}
