// The end-to-end harness: the packaged .vsix installed into a fresh code-server extensions dir, the
// Kubernetes API double with its canary simulator (test/vscode/testCluster.ts), code-server on a copy
// of the fixture workspace, and headless Chromium driving the real workbench through playwright-core.
// Helpers act as a user would (keyboard, clicks, the DOM) and never wait for time, only for the DOM.
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, CODE_SERVER, NODE24, freePort, installVsix, killGroup, startCodeServer } from '../vscode/codeServerVsCode';
import { startDemo } from '../../scripts/demo/startDemo';
import { startVsCodeTestCluster, type VsCodeTestCluster } from '../vscode/testCluster';

export const ROOT = resolve(__dirname, '..', '..');
export const VSIX = join(ROOT, 'dist', 'argo-rollouts-vscode.vsix');
export const EXTENSION_ID = 'argo-rollouts-tools.argo-rollouts-vscode';
const FIXTURE_WORKSPACE = join(ROOT, 'test', 'vscode', 'fixtures', 'workspace');
const SCREENSHOTS = join(ROOT, 'test-artifacts', 'e2e');
/** Generous for a loaded 2-core machine; every wait ends as soon as its condition holds. */
export const UI_TIMEOUT_MS = 20_000;

export interface TreeRow {
  readonly label: string;
  readonly description: string;
  readonly ariaLabel: string;
  readonly expanded: boolean | undefined;
}

export interface Problem {
  readonly message: string;
  /** The rule id, shown as the diagnostic's code. */
  readonly rule: string;
  /** e.g. `[Ln 22, Col 17]`. */
  readonly location: string;
}

export interface Workbench {
  readonly page: Page;
  /** The opened folder: a throw-away copy of the fixture workspace that tests may edit. */
  readonly workspace: string;
  /** What `code-server --install-extension` printed ('' for the demo, which installs it itself). */
  readonly installOutput: string;
  /** The API double's control endpoint (seed, clock, objects): for what a user cannot do from the UI ('' for the demo). */
  readonly control: string;
  /** Saves test-artifacts/e2e/<nn>-<step>.png, numbered in the order taken. */
  screenshot(step: string): Promise<void>;
  /** F1, type the command's title, Enter on the entry whose label is exactly that title. */
  runCommand(title: string): Promise<void>;
  /** Ctrl+P, the file's workspace-relative path, Enter; resolves once its editor tab is active. */
  quickOpen(relativePath: string): Promise<void>;
  /** The row of the Rollouts tree whose label is `label`, under the row labelled `parent` when given. */
  treeRow(label: string, parent?: string): Locator;
  /** The Rollouts tree's visible rows as the DOM shows them. */
  treeRows(): Promise<TreeRow[]>;
  /** Ctrl+J when the bottom panel (Problems, Output) is open: more room for the editor or a webview. */
  hidePanel(): Promise<void>;
  /** The activity bar's entry for a view container, by its title. */
  activityBarIcon(title: string): Locator;
  /** Opens the Extensions view, searches `@installed <query>` and returns the listed entry named `name`. */
  installedExtension(query: string, name: string): Promise<Locator>;
  /** Shows the Problems panel, waits until it lists `count` problems, and reads them from its rows. */
  problems(count: number): Promise<Problem[]>;
  /**
   * Types `text` into the Problems panel's filter box ('' clears it), as a user narrows the panel to one file
   * by its name: a test then reads the problems of the file it works on whatever else the workspace holds.
   */
  filterProblems(text: string): Promise<void>;
  /** Resolves once an element matching `selector` has a text matching `pattern` (U+00A0 read as a space). */
  waitForText(selector: string, pattern: RegExp): Promise<void>;
  /** Resolves once a rendered line of the active editor matches (spaces normalised). */
  waitForEditorLine(pattern: RegExp): Promise<void>;
  /** Find (Ctrl+F) `text` in the active editor, close the find widget and type `replacement` over the match. */
  replaceInEditor(text: string, replacement: string): Promise<void>;
  /** Right-clicks the element and clicks the context-menu entry `item`. */
  contextMenu(target: Locator, item: string): Promise<void>;
  /** Waits for the modal dialog, screenshots it as `step`, reads it and clicks `button`. */
  confirmDialog(button: string, step: string): Promise<{ message: string; detail: string }>;
  /** The document of the most recently opened webview (the extension's HTML, inside VS Code's two iframes). */
  webview(): FrameLocator;
  stop(): Promise<void>;
}

export async function startWorkbench(): Promise<Workbench> {
  for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER], ['Chromium', CHROMIUM]] as const) {
    if (!existsSync(p)) throw new Error(`${what} not found at ${p}: run bash scripts/installTestDeps.sh`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'argo-e2e-'));
  const workspace = join(dataDir, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  cpSync(join(__dirname, 'fixtures', 'e2e-hugo.yaml'), join(workspace, 'launch', 'e2e-hugo.yaml'));
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });

  let cluster: VsCodeTestCluster | undefined;
  let server: ReturnType<typeof startCodeServer> | undefined;
  let browser: Browser | undefined;
  let stopped: Promise<void> | undefined;
  // Everything started so far, in reverse order; safe to call twice and after a failed start.
  const stop = (): Promise<void> => (stopped ??= (async () => {
    await browser?.close().catch(() => undefined);
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      const exited = once(server.child, 'exit');
      killGroup(server.child);
      await exited;
    }
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  })());
  const onSignal = (): void => void stop().finally(() => process.exit(1));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const installOutput = await installVsix(VSIX, join(dataDir, 'extensions'));
    cluster = await startVsCodeTestCluster();
    const port = await freePort();
    server = startCodeServer(port, workspace, dataDir, {
      // Every namespace, so the tree shows default/ and payments/ side by side; the rest only makes the
      // screenshots plainer (no chat side bar, no sticky scroll lines over the editor, one fixed theme).
      settings: {
        'argoRollouts.namespaces': ['*'],
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.colorTheme': 'Default Dark Modern',
        'editor.stickyScroll.enabled': false,
      },
      env: cluster.env,
    });
    await server.ready;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    const page = await openWorkbenchPage(browser, `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    return makeWorkbench(page, workspace, installOutput, cluster.env['ARGO_ROLLOUTS_TEST_CONTROL'] ?? '', stop, '');
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * The demo as `bash scripts/demo.sh` runs it after its installs (scripts/demo/startDemo.ts: the test
 * cluster on the wall clock, Prometheus when installed, code-server with the .vsix and the demo
 * workspace), in a browser of its own. Its screenshots are named `demo-NN-<step>.png`; it has no
 * install output and no control endpoint (''), as a user of the demo has neither.
 */
export async function startDemoWorkbench(): Promise<Workbench> {
  const demo = await startDemo({ codeServer: { vsix: VSIX } });
  let browser: Browser | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= (async () => {
    await browser?.close().catch(() => undefined);
    await demo.stop();
  })());
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    const page = await openWorkbenchPage(browser, demo.url ?? '');
    return makeWorkbench(page, demo.workspace, '', '', stop, 'demo-');
  } catch (e) {
    await stop();
    throw e;
  }
}

async function openWorkbenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.goto(url);
  await page.locator('.monaco-workbench .part.activitybar').waitFor();
  // The explorer shows the folder once the remote extension host side is connected.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  await widenSideBar(page, 480);
  return page;
}

function makeWorkbench(page: Page, workspace: string, installOutput: string, control: string, stop: () => Promise<void>, shotPrefix: string): Workbench {
  let shots = 0;
  const quickInput = page.locator('.quick-input-widget');
  const tree = page.locator('[id="workbench.view.extension.argoRollouts"] .monaco-list').first();

  const treeRow = (label: string, parent?: string): Locator => {
    const row = tree.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
    if (parent === undefined) return row.first();
    // Rows are flat siblings in the DOM: the child is the first row with that label after its parent's row.
    const parentRow = treeRow(parent);
    return parentRow.locator(`xpath=following-sibling::div[contains(@class,"monaco-list-row")][.//*[contains(@class,"label-name") and normalize-space(.)="${label}"]]`).first();
  };

  return {
    page,
    workspace,
    installOutput,
    control,
    async screenshot(step) {
      shots += 1;
      await page.screenshot({ path: join(SCREENSHOTS, `${shotPrefix}${String(shots).padStart(2, '0')}-${step}.png`) });
    },
    async runCommand(title) {
      await page.keyboard.press('F1');
      await quickInput.waitFor({ state: 'visible' });
      await page.keyboard.type(title);
      const entry = quickInput.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
      await entry.waitFor();
      await entry.click();
      await quickInput.waitFor({ state: 'hidden' });
    },
    async quickOpen(relativePath) {
      await page.keyboard.press('Control+P');
      await quickInput.waitFor({ state: 'visible' });
      await page.keyboard.type(relativePath);
      const name = relativePath.split('/').at(-1) ?? relativePath;
      const folder = relativePath.split('/').slice(0, -1).join('/');
      // The workspace file, not a same-named virtual document (the launch diff's) from "recently opened".
      let entry = quickInput.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
      if (folder !== '') entry = entry.filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${escapeRegExp(folder)}$`) }) });
      await entry.first().click();
      await page.locator('.tab.active', { hasText: name }).waitFor();
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    },
    treeRow,
    async treeRows() {
      await tree.locator('.monaco-list-row').first().waitFor();
      return tree.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
        label: r.querySelector('.label-name')?.textContent ?? '',
        description: r.querySelector('.label-description')?.textContent ?? '',
        ariaLabel: r.getAttribute('aria-label') ?? '',
        expanded: r.hasAttribute('aria-expanded') ? r.getAttribute('aria-expanded') === 'true' : undefined,
      })));
    },
    async hidePanel() {
      const panel = page.locator('.part.panel.bottom');
      if (!(await panel.isVisible())) return;
      await page.keyboard.press('Control+J');
      await panel.waitFor({ state: 'hidden' });
    },
    activityBarIcon(title) {
      return page.locator(`.part.activitybar .action-label[aria-label="${title}"]`);
    },
    async installedExtension(query, name) {
      await page.keyboard.press('Control+Shift+X');
      const viewlet = page.locator('.extensions-viewlet');
      const search = viewlet.locator('.suggest-input-container .monaco-editor');
      const entry = viewlet.locator('.extensions-list .extension-list-item')
        .filter({ has: page.locator('.name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).first();
      // Once in CI (cold, loaded machine) the list never showed the extension after the query was typed:
      // the search box can take keys before its editor is ready. Type the query again (over what is
      // there) before giving up, and say what the box and the list held if it never shows.
      for (let attempt = 1; attempt <= 3; attempt++) {
        await search.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type(`@installed ${query}`);
        if (await entry.waitFor({ timeout: UI_TIMEOUT_MS / 2 }).then(() => true, () => false)) return entry;
      }
      const held = await search.innerText().catch(() => '?');
      const listed = await viewlet.locator('.extensions-list .extension-list-item .name').allInnerTexts().catch(() => []);
      throw new Error(`the Extensions view never listed "${name}": its search box holds "${held}", its list ${JSON.stringify(listed)}`);
    },
    async problems(count) {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
      // Problem rows are the tree's second level (the first is the file): exactly `count` of them.
      const rows = panel.locator('.monaco-list-row[aria-level="2"]');
      if (count > 0) await rows.nth(count - 1).waitFor({ state: 'attached' });
      await rows.nth(count).waitFor({ state: 'detached' });
      return panel.locator('.monaco-list-row[aria-level="2"]').evaluateAll((rows) => rows.map((r) => ({
        message: r.querySelector('.marker-message')?.textContent ?? '',
        rule: r.querySelector('.marker-code')?.textContent ?? '',
        location: r.querySelector('.marker-line')?.textContent ?? '',
      })));
    },
    async filterProblems(text) {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
      // Not "Show Active File Only": the panel follows the active editor only while it is shown, so a file
      // opened while it was hidden left it filtering on the previous one (seen after 03 → 09).
      const box = page.locator('.part.panel .viewpane-filter-container input[placeholder^="Filter"]');
      await box.click();
      await page.keyboard.press('Control+A');
      if (text === '') await page.keyboard.press('Delete');
      else await page.keyboard.type(text);
      await page.waitForFunction(`document.querySelector('.part.panel .viewpane-filter-container input[placeholder^="Filter"]')?.value === ${JSON.stringify(text)}`);
    },
    async waitForText(selector, pattern) {
      // Monaco renders spaces as U+00A0 and splits lines into spans: test each element's whole text, spaces normalised.
      // A string, evaluated in the page: this project's TypeScript has no DOM types.
      await page.waitForFunction(`[...document.querySelectorAll(${JSON.stringify(selector)})].some((el) =>
        new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}).test((el.textContent || '').replace(/\\u00a0/g, ' ')))`);
    },
    async waitForEditorLine(pattern) {
      await this.waitForText('.editor-instance .monaco-editor .view-line', pattern);
    },
    async replaceInEditor(text, replacement) {
      await page.locator('.editor-instance .monaco-editor.focused').waitFor();
      await page.keyboard.press('Control+F');
      const find = page.locator('.editor-instance .find-widget.visible');
      await find.waitFor();
      await page.keyboard.type(text);
      await find.locator('.matchesCount', { hasText: /^1 of 1$/ }).waitFor();
      // Escape leaves the match selected in the editor; typing replaces it.
      await page.keyboard.press('Escape');
      await find.waitFor({ state: 'hidden' });
      await page.keyboard.type(replacement);
      await this.waitForEditorLine(new RegExp(escapeRegExp(replacement)));
    },
    async contextMenu(target, item) {
      await target.click({ button: 'right' });
      const menu = page.locator('.context-view .monaco-menu');
      const entry = menu.locator('.action-item:not(.disabled) .action-label', { hasText: new RegExp(`^${escapeRegExp(item)}$`) }).first();
      await entry.waitFor();
      await entry.click();
      // On a loaded machine the menu sometimes drops a click and stays open with the entry highlighted
      // (seen in 05 and 07). Running an entry closes the menu first, so an open menu means nothing ran: click again.
      for (let attempt = 1; attempt < 4; attempt++) {
        const closed = await menu.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
        if (closed) return;
        await entry.click();
      }
      await menu.waitFor({ state: 'hidden' });
    },
    async confirmDialog(button, step) {
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor();
      await this.screenshot(step);
      const text = async (selector: string): Promise<string> => ((await dialog.locator(selector).count()) > 0 ? (await dialog.locator(selector).innerText()).trim() : '');
      const [title, body] = [await text('.dialog-message-text'), await text('.dialog-message-detail')];
      // Without a detail, VS Code shows the message in the detail's place.
      const [message, detail] = title === '' ? [body, ''] : [title, body];
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${escapeRegExp(button)}$`) }).click();
      await dialog.waitFor({ state: 'detached' });
      return { message, detail };
    },
    webview() {
      // VS Code nests the extension's document in an iframe (#active-frame) inside the webview's own iframe.
      return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    },
    stop,
  };
}

/** Drags the sash right of the side bar, so the tree's descriptions show in full on the screenshots. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('no side bar to widen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(`document.querySelector('.part.sidebar').getBoundingClientRect().width >= ${width - 20}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The screenshots taken so far, for the run's summary. */
export function screenshots(): string[] {
  return existsSync(SCREENSHOTS) ? readdirSync(SCREENSHOTS).filter((f) => f.endsWith('.png')).sort().map((f) => join('test-artifacts', 'e2e', f)) : [];
}
