// The CodeLens above a Helm template: which values the chart is rendered with (click to change
// them), and how the rendering went.
import * as vscode from 'vscode';
import { describeValues } from '../../core/render/valuesSelection';
import { commandIds } from '../commandIds';
import type { RenderController, RenderState } from './renderController';

export class RenderCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly render: RenderController) {
    render.onDidChangeState(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const target = this.render.targetOf(document.uri);
    if (!target || target.kind !== 'helm' || !/[\\/]templates[\\/]/.test(document.uri.fsPath)) return [];
    const state = this.render.stateOf(target.dir);
    const values = state?.values ?? this.render.valuesFor(target.dir);
    const title = `$(file-code) Rendered with ${describeValues(values)}${status(state)}`;
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title,
        tooltip: `Values from ${values.origin}. Click to choose the values files this chart is rendered with.`,
        command: commandIds.chooseHelmValues,
        arguments: [target.dir],
      }),
    ];
  }
}

function status(state: RenderState | undefined): string {
  switch (state?.status) {
    case undefined:
      return '';
    case 'rendering':
      return ' · rendering…';
    case 'missing-binary':
      return ' · not rendered: helm not found';
    case 'failed':
      return ' · helm template failed';
    case 'linted':
      return state.findings ? ` · ${state.findings} finding${state.findings === 1 ? '' : 's'}` : ' · no findings';
  }
}
