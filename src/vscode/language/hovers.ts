// Hovers: what a canary step does (on its key), and what a lint rule is about (on its finding).
import * as vscode from 'vscode';
import { allRules } from '../../core/lint/rules/allRules';
import { stepDocs, stepKeyAt } from '../../core/lint/stepDocs';
import type { LintController } from '../diagnostics/lintController';
import { ruleDocUri } from '../diagnostics/toDiagnostic';

export class LintHovers implements vscode.HoverProvider {
  constructor(
    private readonly controller: LintController,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.controller.isLintable(document)) return undefined;
    const parts: vscode.MarkdownString[] = [];
    const offset = document.offsetAt(position);
    for (const f of this.controller.findingsFor(document)) {
      if (offset < f.span.start || offset > f.span.end) continue;
      const rule = allRules.find((r) => r.id === f.rule);
      if (!rule) continue;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${rule.title}** \`${rule.id}\`\n\n`);
      md.appendText(rule.description);
      md.appendMarkdown(`\n\n_Source: ${rule.source}_ · [Rule documentation](${ruleDocUri(this.extensionUri, rule.id).toString()})`);
      parts.push(md);
    }
    const line = document.lineAt(position.line).text;
    const step = stepKeyAt(line, position.character);
    if (step && this.controller.isArgoDocument(document)) {
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**Canary step \`${step}\`**\n\n`);
      md.appendMarkdown(stepDocs[step]);
      parts.push(md);
    }
    return parts.length ? new vscode.Hover(parts) : undefined;
  }
}
