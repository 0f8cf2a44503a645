import * as vscode from 'vscode';
import { SAMPLE_ROLLOUT } from '../../core/samples/sampleRollout';

/** Opens an untitled, valid canary Rollout to explore hovers and diagnostics with. */
export const openSample = () => async (): Promise<void> => {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: SAMPLE_ROLLOUT });
  await vscode.window.showTextDocument(doc);
};
