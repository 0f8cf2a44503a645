// A stand-in for VS Code's webview frame, for the panel tests and the panel benchmark: the real bundle
// (built fresh with esbuild) in a page with the panel's CSP, the theme's CSS variables and body class,
// and an `acquireVsCodeApi` that records what the page posts. Served through playwright's request
// routing from a fake origin, so no port is opened. Chromium is the system one (/usr/bin/chromium).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ToWebview } from '../../../src/shared/protocol';
import { cssDeclarations, type Theme } from './fixtures/themeVariables';
import { panelCsp } from '../../../src/core/panel/panelCsp';

const ORIGIN = 'https://webview.test';
const REPO = path.resolve(__dirname, '../../..');

export interface WebviewBundle {
  readonly js: string;
  readonly css: string;
  dispose(): void;
}

/** Builds webview/main.ts as esbuild.js does (browser, iife, es2022), into a temporary directory. */
export async function buildWebviewBundle(): Promise<WebviewBundle> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'webview-bundle-'));
  await esbuild.build({
    entryPoints: { webview: path.join(REPO, 'webview/main.ts') },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    outdir,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return {
    js: readFileSync(path.join(outdir, 'webview.js'), 'utf8'),
    css: readFileSync(path.join(outdir, 'webview.css'), 'utf8'),
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
}

/** The panel's CSP as the host sets it, with the origin standing for `webview.cspSource`. */

function html(nonce: string, theme: Theme): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(ORIGIN, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body.vscode-dark { ${cssDeclarations('dark')} }
body.vscode-light { ${cssDeclarations('light')} }
body.vscode-high-contrast { ${cssDeclarations('high-contrast')} }
</style>
<link rel="stylesheet" href="${ORIGIN}/dist/webview/webview.css">
<title>Rollout</title>
</head>
<body class="vscode-${theme}">
<div id="root"></div>
<script nonce="${nonce}">
  window.webviewTestHost = {
    posted: [],
    violations: [],
    sentAt: 0,
    received: 0,
    deliver: (m) => { window.webviewTestHost.sentAt = performance.now(); window.postMessage(m, '*'); },
    count: (sel) => document.querySelectorAll(sel).length,
    attrs: (sel, name) => [...document.querySelectorAll(sel)].map((n) => n.getAttribute(name) ?? ''),
    setTheme: (t) => { document.body.className = 'vscode-' + t; },
    attr: (sel, name) => document.querySelector(sel)?.getAttribute(name) ?? null,
    text: (sel) => document.querySelector(sel)?.textContent ?? null,
    cssVar: (sel, name) => { const n = document.querySelector(sel); return n ? getComputedStyle(n).getPropertyValue(name).trim() : null; },
    isFocused: (sel) => document.activeElement !== null && document.activeElement === document.querySelector(sel),
    hasAttr: (sel, name) => document.querySelector(sel)?.hasAttribute(name) ?? false,
    scrollTo: (y) => window.scrollTo(0, y),
    scrollY: () => window.scrollY,
    savedState: () => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null'),
  };
  // Registered before the bundle's listener: once this counts a message, the page has handled it.
  window.addEventListener('message', () => { window.webviewTestHost.received += 1; });
  document.addEventListener('securitypolicyviolation', (e) => window.webviewTestHost.violations.push(e.violatedDirective + ' ' + e.blockedURI));
  function acquireVsCodeApi() {
    // VS Code keeps a webview's state across reloads of its page; sessionStorage does the same here.
    return {
      postMessage: (m) => window.webviewTestHost.posted.push(m),
      getState: () => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null'),
      setState: (s) => sessionStorage.setItem('vscodeState', JSON.stringify(s)),
    };
  }
</script>
<script nonce="${nonce}" src="${ORIGIN}/dist/webview/webview.js"></script>
</body>
</html>`;
}

/** Posts `message` to the page as VS Code does and returns once the page has handled it. */
async function deliver(page: Page, message: unknown): Promise<void> {
  const before = await page.evaluate(() => webviewTestHost.received);
  await page.evaluate((m) => webviewTestHost.deliver(m), message);
  await page.waitForFunction((n) => webviewTestHost.received > n, before);
}

/** What the page's stub host recorded. */
interface TestHost {
  posted: unknown[];
  violations: string[];
  /** Delivers a message as VS Code does: a `message` event on the window. */
  deliver(message: unknown): void;
  /** performance.now() of the last deliver, for the benchmark's in-page timings. */
  sentAt: number;
  /** Messages delivered so far (counted before the page's own listener runs, in the same dispatch). */
  received: number;
  count(selector: string): number;
  attrs(selector: string, name: string): string[];
  /** Switches the body class, as VS Code does on a theme change. */
  setTheme(theme: Theme): void;
  /** Probes for the tests (the Node tsconfig has no DOM types for functions run in the page). */
  attr(selector: string, name: string): string | null;
  text(selector: string): string | null;
  cssVar(selector: string, name: string): string | null;
  isFocused(selector: string): boolean;
  hasAttr(selector: string, name: string): boolean;
  scrollTo(y: number): void;
  scrollY(): number;
  /** What the page saved with setState (VS Code's webview state), null before it saved anything. */
  savedState(): unknown;
}
declare global {
  // A page global, declared for the functions that run in the page.
  var webviewTestHost: TestHost;
}

export interface WebviewPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
  posted(): Promise<unknown[]>;
  violations(): Promise<string[]>;
  /** Delivers a host message and returns once the page has handled it. */
  send(message: ToWebview): Promise<void>;
  /** Delivers anything, e.g. a message of another protocol version, and waits until the page handled it. */
  sendRaw(message: unknown): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
  /** Reloads the page as VS Code does when a hidden panel is shown again (its saved state survives). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly theme: Theme;
  readonly width?: number;
  /** Epoch ms the page's clock is paused at (playwright's fake clock); real time when absent. */
  readonly clockAt?: number;
}

export async function openWebview(browser: Browser, bundle: WebviewBundle, options: OpenOptions): Promise<WebviewPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 900, height: 1400 }, timezoneId: 'UTC', locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (options.clockAt !== undefined) {
    await page.clock.install({ time: options.clockAt - 1000 });
    await page.clock.pauseAt(options.clockAt);
  }
  const nonce = randomBytes(16).toString('base64');
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html(nonce, options.theme) });
    if (url.pathname === '/dist/webview/webview.js') return route.fulfill({ contentType: 'text/javascript', body: bundle.js });
    if (url.pathname === '/dist/webview/webview.css') return route.fulfill({ contentType: 'text/css', body: bundle.css });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => webviewTestHost.posted.length > 0);
  return {
    page,
    errors,
    posted: () => page.evaluate(() => webviewTestHost.posted),
    violations: () => page.evaluate(() => webviewTestHost.violations),
    send: (message) => deliver(page, message),
    sendRaw: (message) => deliver(page, message),
    setTheme: (theme) => page.evaluate((t) => webviewTestHost.setTheme(t), theme),
    reload: async () => {
      await page.reload();
      await page.waitForFunction(() => webviewTestHost.posted.length > 0);
    },
    close: () => context.close(),
  };
}
