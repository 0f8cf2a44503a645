// Quick fixes: one CodeAction per finding that carries a fix, attached to its diagnostic.
import * as vscode from 'vscode';
import type { LintController } from '../diagnostics/lintController';
import { fixEdit, ruleIdOf, toRange } from '../diagnostics/toDiagnostic';

export class LintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly controller: LintController) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const f of this.controller.findingsFor(document)) {
      if (!f.fix) continue;
      const fRange = toRange(f.span, (o) => document.positionAt(o));
      if (!fRange.intersection(range)) continue;
      const edit = fixEdit(document, f, (file) => this.controller.textOf(file));
      if (!edit) continue;
      const action = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = context.diagnostics.filter((d) => ruleIdOf(d) === f.rule && d.range.isEqual(fRange));
      // A finding carries at most one fix, so it is the one to apply with "Auto Fix".
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
