// The rollout panel's Content Security Policy, one definition for the extension's page and for the
// webview tests that render the bundle under it: only our own bundle runs (a fresh nonce per load,
// never `unsafe-inline` or `unsafe-eval`), styles, images and fonts only from the webview's own source.

export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}
