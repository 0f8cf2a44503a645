// The journey the walkthrough ends with: a canary whose success rate has dropped goes past the step
// where its background analysis starts, the analysis measures the failing values, the controller
// aborts, the tree turns the row Degraded and the rollout panel says why. The canary lives in a
// namespace of its own; the update, the promotion and the passing minute go through the API
// double's control endpoint (Promote from the menu is test 05's); everything asserted is on screen.
import { strict as assert } from 'node:assert';
import type { Frame } from 'playwright-core';
import { at } from '../../src/core/untrustedJson';
import { workbench } from './hooks';
import { UI_TIMEOUT_MS, type Workbench } from './workbench';

const NS = 'e2e-abort';
const ROLLOUT = 'gitops-hugo';
/** What the namespace's fake NGINX metrics measure: below the template's `result[0] >= 0.95`. */
const SUCCESS_RATE = 0.8;
const OPEN_PANEL = 'Open Rollout Panel';

async function control(wb: Workbench, method: 'GET' | 'POST', path: string): Promise<unknown> {
  const res = await fetch(`${wb.control}${path}`, { method });
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** The extension's document inside the panel's iframes, as a Frame (a FrameLocator cannot evaluate). */
async function panelFrame(wb: Workbench): Promise<Frame> {
  const handle = await wb.page.frameLocator('iframe.webview.ready').last().locator('iframe#active-frame').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the rollout panel has no document');
  return frame;
}

/** The little of the DOM the page-side predicates use (this project compiles without the DOM types). */
interface PanelElement {
  readonly width: number;
  readonly height: number;
  scrollIntoView(options: { block: 'start' }): void;
  getBoundingClientRect(): { readonly top: number; readonly bottom: number };
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { readonly data: ArrayLike<number> } } | null;
}
interface PanelDocument {
  querySelector(selector: string): PanelElement | null;
  readonly documentElement: { readonly clientWidth: number };
}

/**
 * Scrolls the wide panel (side bar hidden) until the element starts at the top of its viewport, or shows
 * whole at the page's end; scrolling again on each poll, as the page reflows while the webview widens.
 */
async function scrollToTop(frame: Frame, selector: string): Promise<void> {
  // A function, not a string: the page's CSP forbids eval, which string predicates need.
  await frame.waitForFunction((sel: string) => {
    const doc = (globalThis as unknown as { document: PanelDocument }).document;
    const viewportHeight = (globalThis as unknown as { innerHeight: number }).innerHeight;
    const el = doc.querySelector(sel);
    if (!el) return false;
    el.scrollIntoView({ block: 'start' });
    const { top, bottom } = el.getBoundingClientRect();
    return doc.documentElement.clientWidth > 1200 && top > -2 && (top < 2 || bottom <= viewportHeight + 2);
  }, selector, { timeout: UI_TIMEOUT_MS });
}

describe('an analysis that fails aborts the rollout, and the panel says why', () => {
  const description = (wb: Workbench, pattern: RegExp): Promise<void> =>
    wb.treeRow(ROLLOUT, NS).locator('.label-description', { hasText: pattern }).waitFor();

  after(async () => {
    // Later files and a rerun see only the seeded rollouts (a rerun starts a fresh cluster anyway).
    await control(workbench(), 'POST', `/rollouts/${NS}/${ROLLOUT}/delete`).catch(() => undefined);
  });

  it('shows a canary whose success rate dropped progressing into its background analysis, and its panel watching it', async () => {
    const wb = workbench();
    await wb.hidePanel();
    await control(wb, 'POST', `/seed/${NS}?successRate=${SUCCESS_RATE}`);
    // The tree watches the namespaces it listed: a namespace created since shows after a refresh.
    await wb.runCommand('Argo Rollouts: Refresh');
    await description(wb, /^Healthy · step 8\/8 · 100%$/);
    await control(wb, 'POST', `/seed/${NS}/image?image=${encodeURIComponent('ghcr.io/example/gitops-hugo:1.2.0')}`);
    await description(wb, /^Paused · step 1\/8 · 10%$/);
    // Past setWeight 30, where the background analysis starts and takes its first (failing) measurement.
    await control(wb, 'POST', `/rollouts/${NS}/${ROLLOUT}/promote`);
    await description(wb, /^Paused · step 3\/8 · 30%$/);
    // Opened while the canary runs: Argo resets the step index when it aborts, so only a panel that
    // saw the step can mark where the background analysis stopped the canary.
    await wb.contextMenu(wb.treeRow(ROLLOUT, NS), OPEN_PANEL);
    const root = wb.webview().locator('#root');
    await root.getByRole('heading', { name: ROLLOUT, exact: true }).waitFor();
    await root.locator('.where', { hasText: new RegExp(`/ ${NS}$`) }).waitFor();
    await root.locator('article.metric[data-key$="/success-rate"] .explanation').waitFor();
  });

  it('after the next measurement a minute later aborts the rollout, and the tree shows the row Degraded', async () => {
    const wb = workbench();
    await control(wb, 'POST', '/clock/tick?ms=60000');
    await description(wb, /^Degraded\b/);
  });

  it('shows in the panel the abort message, the step it stopped at, why success-rate failed, and its measurements drawn', async () => {
    const wb = workbench();
    const root = wb.webview().locator('#root');
    const header = root.locator('header.header');
    await header.locator('.status', { hasText: /^Degraded$/ }).waitFor();
    assert.equal(
      await header.locator('.message').innerText(),
      'RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)',
    );

    const aborted = root.locator('ol li.step-aborted');
    await aborted.first().waitFor();
    assert.equal(await aborted.count(), 1);
    assert.equal(await aborted.locator('.tag-aborted').innerText(), 'aborted here');
    // Background analysis starts at setWeight 30; the canary cannot have stopped before it.
    const abortedAt = Number(await aborted.getAttribute('data-index'));
    const startsAt = Number(await root.locator('ol li.step:has(> .tag-analysis:not([hidden]))').getAttribute('data-index'));
    assert.ok(abortedAt >= startsAt, `aborted at step index ${abortedAt}, analysis starts at ${startsAt}`);

    // The sentence for two failed measurements of 0.8 against failureLimit 1, at the last one's time (UTC).
    const rollout = await control(wb, 'GET', `/objects/rollouts/${NS}/${ROLLOUT}`);
    const runName = at(rollout, 'status', 'canary', 'currentBackgroundAnalysisRunStatus', 'name');
    assert.equal(typeof runName, 'string');
    const run = await control(wb, 'GET', `/objects/analysisruns/${NS}/${String(runName)}`);
    const results = at(run, 'status', 'metricResults');
    const successRate = Array.isArray(results) ? results.find((r) => at(r, 'name') === 'success-rate') : undefined;
    const measurements = at(successRate, 'measurements');
    assert.ok(Array.isArray(measurements));
    assert.deepEqual(measurements.map((m) => at(m, 'phase')), ['Failed', 'Failed']);
    const finishedAt = new Date(String(at(measurements.at(-1), 'finishedAt'))).toISOString().slice(11, 19);
    const metric = root.locator('article.metric[data-key$="/success-rate"]');
    await metric.locator('.phase', { hasText: /^Failed$/ }).waitFor();
    assert.equal(
      await metric.locator('.explanation').innerText(),
      `Failed: success-rate was ${SUCCESS_RATE} at ${finishedAt}, below 0.95 (successCondition result[0] >= 0.95); 2 failures > failureLimit 1, so the rollout was aborted.`,
    );

    // Wide: no side bar; the failed metric with its charts in view, as a user scrolls to it.
    await wb.page.keyboard.press('Control+B');
    await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    const frame = await panelFrame(wb);
    const card = 'article.metric[data-key$="/success-rate"]';
    await scrollToTop(frame, card);
    // uPlot draws when the chart comes near the viewport: some pixel of its canvas is no longer transparent.
    await frame.waitForFunction((selector: string) => {
      const canvas = (globalThis as unknown as { document: PanelDocument }).document.querySelector(selector);
      const pixels = canvas && canvas.width > 0 && canvas.height > 0 ? canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data : undefined;
      if (!pixels) return false;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
      return false;
    }, `${card} .chart canvas`, { timeout: UI_TIMEOUT_MS });
    // The series below has been asked for and answered: the test Prometheus holds series of `payments`
    // only (and is missing where Debian's prometheus is not installed).
    await metric.locator('.series-status', { hasText: /^(No data over the run's window|Could not load the series)/ }).waitFor();
    // Charts above that came into view loaded their series and changed height: scroll to the card again.
    await root.locator('.series-status', { hasText: /^Loading/ }).first().waitFor({ state: 'detached' });
    await scrollToTop(frame, card);
    await wb.screenshot('panel-aborted');
    // And the top: the Degraded header with the controller's message, the timeline with its "aborted here".
    await scrollToTop(frame, 'header.header');
    await wb.screenshot('panel-aborted-header');
    await wb.page.keyboard.press('Control+B');
    await wb.page.locator('.part.sidebar').waitFor();
  });
});
