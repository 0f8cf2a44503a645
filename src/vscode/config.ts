// The only place that reads settings: a typed snapshot, and a change notification for our section.
import * as vscode from 'vscode';
import { parseSeverityOverrides, type SeverityOverrides } from '../core/lint/severityOverrides';

export interface Settings {
  readonly enable: boolean;
  readonly debounceMs: number;
  /** Globs of workspace-relative paths that are neither indexed nor linted. */
  readonly exclude: readonly string[];
  readonly rules: SeverityOverrides;
}

const SECTION = 'argoRollouts';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(`${SECTION}.lint`, scope);
  const debounce = c.get<unknown>('debounceMs');
  const exclude = c.get<unknown>('exclude');
  return {
    enable: c.get<unknown>('enable') !== false,
    debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) ? Math.min(Math.max(0, debounce), 5000) : 200,
    exclude: Array.isArray(exclude) ? exclude.filter((g): g is string => typeof g === 'string') : [],
    rules: parseSeverityOverrides(c.get<unknown>('rules')),
  };
}

export function onDidChangeSettings(cb: (settings: Settings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) cb(readSettings());
  });
}
