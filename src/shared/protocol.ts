// Messages between the extension host and the webview. Both bundles compile this file, so a message
// that changes shape fails the type check on both sides. The rollout panel (a later release) grows
// this union; every incoming message passes `isToHost` / `isToWebview` before it is handled.

/** Webview → extension host. */
export type ToHost = { type: 'ready' };

/** Extension host → webview. */
export type ToWebview = { type: 'hello'; version: string };

export function isToHost(m: unknown): m is ToHost {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready';
}

export function isToWebview(m: unknown): m is ToWebview {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'hello' && typeof (m as { version?: unknown }).version === 'string';
}
