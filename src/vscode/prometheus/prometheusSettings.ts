// Reads `argoRollouts.prometheus.*` into the checked snapshot of src/core/prometheus/promSettings.ts.
import * as vscode from 'vscode';
import { parsePromSettings, type PromSettings } from '../../core/prometheus/promSettings';

export const PROMETHEUS_SECTION = 'argoRollouts.prometheus';

export function readPromSettings(): PromSettings {
  const c = vscode.workspace.getConfiguration(PROMETHEUS_SECTION);
  return parsePromSettings({
    urls: c.get<unknown>('urls'),
    headers: c.get<unknown>('headers'),
    tlsVerify: c.get<unknown>('tlsVerify'),
    timeoutSeconds: c.get<unknown>('timeoutSeconds'),
  });
}
