// The panel's one HTML page: an empty root the webview bundle renders into, under a strict CSP. Only
// our own bundle runs (a fresh nonce per load, never `unsafe-inline`), and resources load only from
// dist/webview and media (the panel's localResourceRoots).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { panelCsp } from '../../core/panel/panelCsp';

/** The folders the page may load from; nothing else of the extension or the workspace. */
export function panelResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** 32 base64 characters from 24 random bytes: a CSP nonce nobody can guess, new for every load. */
export function newNonce(): string {
  return randomBytes(24).toString('base64');
}

export function renderPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, nonce: string = newNonce()): string {
  const bundle = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(bundle, 'webview.js'));
  const cssFile = vscode.Uri.joinPath(bundle, 'webview.css');
  // esbuild writes webview.css only when the renderer imports CSS: link it only when it was built.
  const css = cssFile.scheme === 'file' && existsSync(cssFile.fsPath)
    ? `<link rel="stylesheet" nonce="${nonce}" href="${webview.asWebviewUri(cssFile).toString()}">`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
${css}
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
