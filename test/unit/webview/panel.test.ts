// The rollout panel's page in headless Chromium, as VS Code would show it: the real bundle under the
// panel's CSP, fed recorded host messages. Each test checks what a user would see or what the host
// would receive; after each one, no CSP violation and no console error may have happened.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROTOCOL_VERSION, type PanelState } from '../../../src/shared/protocol';
import { canvasColours, canvasWidth, columnsWithColour, paintedInColumn, paintedPixels, rowColours } from './canvasPixels';
import { ABORTED_EXPLANATION, ABORTED_KEY, abortedCanary } from './fixtures/abortedCanary';
import { PAUSED_AS_OF, pausedCanary, SUCCESS_RATE_KEY } from './fixtures/pausedCanary';
import { manyRuns } from './fixtures/manyRuns';
import { canaryAndStable, canaryAndStableAroundRun, manyPoints, seriesError } from './fixtures/series';
import { themeVariables, type Theme } from './fixtures/themeVariables';
import { buildWebviewBundle, launchChromium, openWebview, type OpenOptions, type WebviewBundle, type WebviewPage } from './webviewPage';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/webview');
const state = (s: PanelState) => ({ type: 'state', protocol: PROTOCOL_VERSION, state: s }) as const;
const metric = (key: string): string => `article.metric[data-key="${key}"]`;

describe('Rollout panel webview', function () {
  this.timeout(60_000);
  let bundle: WebviewBundle;
  let browser: Browser;
  let current: WebviewPage | undefined;

  before(async () => {
    [bundle, browser] = await Promise.all([buildWebviewBundle(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    bundle?.dispose();
  });

  async function open(options: Partial<OpenOptions> = {}): Promise<WebviewPage> {
    current = await openWebview(browser, bundle, { theme: 'dark', ...options });
    return current;
  }

  afterEach(async () => {
    if (!current) return;
    const page = current;
    current = undefined;
    const violations = await page.violations();
    await page.close();
    assert.deepEqual(violations, [], 'no CSP violations');
    assert.deepEqual(page.errors, [], 'no console errors');
  });

  it('posts ready with the protocol version once it listens', async () => {
    const w = await open();
    assert.deepEqual(await w.posted(), [{ type: 'ready', protocol: PROTOCOL_VERSION }]);
  });

  it('ignores a state of another protocol version instead of misdrawing it', async () => {
    const w = await open();
    await w.sendRaw({ ...state(pausedCanary()), protocol: PROTOCOL_VERSION + 1 });
    assert.equal(await w.page.locator('h1.name').textContent(), '');
    assert.equal(await w.page.locator('ol.timeline > li').count(), 0);
    await w.send(state(pausedCanary()));
    assert.equal(await w.page.locator('h1.name').textContent(), 'gitops-hugo');
  });

  it('shows the rollout name, status, message, strategy, step, weights, images and replicas in the header', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    const p = w.page;
    assert.equal(await p.locator('h1.name').textContent(), 'gitops-hugo');
    assert.equal(await p.locator('.header vscode-badge.status').textContent(), 'Paused');
    assert.equal(await p.locator('.header vscode-badge.status').getAttribute('class'), 'status status-paused');
    assert.equal(await p.locator('.header .where').textContent(), 'kind-rollouts / gitops');
    assert.equal(await p.locator('.header .message').textContent(), 'CanaryPauseStep');
    assert.equal(await p.locator('dd[data-fact="strategy"]').textContent(), 'Canary');
    assert.equal(await p.locator('dd[data-fact="step"]').textContent(), '3/8');
    assert.equal(await p.locator('dd[data-fact="weight"]').textContent(), 'set 25% · actual 25%');
    assert.equal(await p.locator('dd[data-fact="replicas"]').textContent(), '4 desired · 5 current · 1 updated · 5 ready · 5 available');
    assert.deepEqual(await p.locator('dd[data-fact="images"] li').allTextContents(), ['ghcr.io/example/hugo:1.4.2 (stable)', 'ghcr.io/example/hugo:1.5.0 (canary)']);
  });

  it('colours the status badge with the theme colour of its status', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    assert.equal(await w.page.evaluate(() => webviewTestHost.cssVar('.header vscode-badge.status', '--vscode-badge-background')), themeVariables.dark['--vscode-editorWarning-foreground']);
    await w.send(state(abortedCanary()));
    assert.equal(await w.page.evaluate(() => webviewTestHost.cssVar('.header vscode-badge.status', '--vscode-badge-background')), themeVariables.dark['--vscode-errorForeground']);
  });

  it('lists the steps in order as done, current or pending, marking where the background analysis starts', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    const steps = w.page.locator('ol.timeline > li');
    assert.equal(await steps.count(), 8);
    assert.deepEqual(
      await steps.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-state'))),
      ['done', 'done', 'done', 'current', 'pending', 'pending', 'pending', 'pending'],
    );
    assert.deepEqual(await w.page.locator('ol.timeline .step-text').allTextContents(), [
      'setWeight: 10',
      'pause: 1m',
      'setWeight: 25',
      'pause: 2m',
      'setWeight: 50',
      'analysis: success-rate',
      'setWeight: 75',
      'pause (until promoted)',
    ]);
    assert.equal(await steps.nth(3).getAttribute('aria-current'), 'step');
    assert.equal(await w.page.locator('ol.timeline .tag-analysis:visible').count(), 1);
    assert.equal(await steps.nth(1).locator('.tag-analysis').isVisible(), true);
  });

  it('shows the step plan beside the timeline: traffic and canary / stable pods per step, the current step marked', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    const p = w.page;
    assert.equal(await p.locator('#plan-heading').textContent(), 'Step plan');
    assert.match((await p.locator('.plan-summary').textContent()) ?? '', /^4 replicas · maxSurge 25% \(1\) · maxUnavailable 25% \(1\) · traffic routing/);
    const rows = p.locator('table.step-plan tbody tr');
    assert.equal(await rows.count(), 9);
    const cells = async (i: number) => rows.nth(i).locator('th, td').allTextContents();
    assert.deepEqual(await cells(1), ['2. pause: 1m', '10%', '1', '4', '5', 'analysis: success-rate (background)']);
    // Not repeated while the same analysis keeps running.
    assert.deepEqual(await cells(2), ['3. setWeight: 25', '25%', '1', '4', '5', '']);
    assert.deepEqual(await cells(5), ['6. analysis: success-rate', '50%', '2', '4', '6', 'analysis: success-rate (step), success-rate (background)']);
    assert.deepEqual((await cells(8)).slice(0, 4), ['after the last step', '100%', '4', '4']);
    assert.equal(await rows.nth(3).getAttribute('aria-current'), 'step');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state'))), ['done', 'done', 'done', 'current', 'pending', 'pending', 'pending', 'pending', 'pending']);
    // Beside, not below: the table starts level with the timeline on a wide panel.
    const [timeline, plan] = await Promise.all([p.locator('ol.timeline').boundingBox(), p.locator('table.step-plan').boundingBox()]);
    assert.ok(timeline && plan && plan.x > timeline.x + timeline.width - 1, `the plan is to the right of the timeline: ${JSON.stringify([timeline, plan])}`);
  });

  it('says why the rollout waits under its message, highlights the action the host names as primary, and asks the host to open the rule it links', async () => {
    const w = await open();
    await w.send(state({ ...pausedCanary(), stuck: { kind: 'invalidSpec', sentence: 'The controller refuses the spec: spec.strategy.steps[0].setWeight: Invalid value: 200.', next: 'Fix the field and apply again.', ruleId: 'step-set-weight-range' } }));
    const p = w.page;
    assert.equal(await p.locator('.header .stuck').textContent(), 'Why it waits: The controller refuses the spec: spec.strategy.steps[0].setWeight: Invalid value: 200. Next: Fix the field and apply again. Rule step-set-weight-range');
    await p.locator('.header .stuck-rule').click();
    assert.deepEqual((await w.posted()).filter((m) => (m as { type?: string }).type === 'openRule'), [{ type: 'openRule', rule: 'step-set-weight-range' }]);
    await w.send(state({ ...pausedCanary(), stuck: { kind: 'inconclusive', sentence: 'Analysis run x was Inconclusive.', next: 'Abort.', action: 'abort' }, primaryAction: 'abort' }));
    assert.equal(await p.locator('.header .stuck-rule').isVisible(), false);
    assert.equal(await p.locator('vscode-button[data-action="abort"]').getAttribute('secondary'), null);
    assert.notEqual(await p.locator('vscode-button[data-action="promote"]').getAttribute('secondary'), null);
    await w.send(state(pausedCanary()));
    assert.equal(await p.locator('.header .stuck').isVisible(), false);
  });

  it('highlights no button when the host names no primary action (a Healthy rollout: not Pause)', async () => {
    const w = await open();
    await w.send(state({ ...pausedCanary(), primaryAction: undefined }));
    const buttons = w.page.locator('.actions vscode-button');
    await buttons.first().waitFor();
    const secondary = await buttons.evaluateAll((els) => els.map((e) => e.getAttribute('secondary') !== null));
    assert.ok(secondary.length >= 3 && secondary.every(Boolean), JSON.stringify(secondary));
  });

  it('counts the current timed pause down every second', async () => {
    const w = await open({ clockAt: PAUSED_AS_OF });
    await w.send(state(pausedCanary()));
    const countdown = w.page.locator('ol.timeline li[data-state="current"] .countdown');
    assert.equal(await countdown.textContent(), '1m 30s left');
    await w.page.clock.runFor(1000);
    assert.equal(await countdown.textContent(), '1m 29s left');
    await w.page.clock.runFor(89_000);
    assert.equal(await countdown.textContent(), 'pause over, waiting for the controller');
    assert.equal(await w.page.locator('ol.timeline .countdown:visible').count(), 1, 'only the current step counts down');
  });

  it('posts the action of a clicked button, and nothing for a disabled one, whose reason is its tooltip', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    await w.page.locator('vscode-button[data-action="promote"]').click();
    const retry = w.page.locator('vscode-button[data-action="retry"]');
    assert.equal(await retry.locator('xpath=..').getAttribute('title'), 'Only an aborted rollout can be retried.');
    await retry.locator('xpath=..').hover();
    assert.notEqual(await retry.getAttribute('disabled'), null);
    await retry.dispatchEvent('click');
    await w.page.locator('vscode-button[data-action="abort"]').focus();
    await w.page.keyboard.press('Enter');
    const actions = (await w.posted()).filter((m) => (m as { type?: string }).type === 'action');
    assert.deepEqual(actions, [
      { type: 'action', action: 'promote' },
      { type: 'action', action: 'abort' },
    ]);
  });

  it('asks the host to open the template behind a metric', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    await w.page.locator(`${metric(SUCCESS_RATE_KEY)} vscode-button.open-template`).click();
    assert.deepEqual((await w.posted()).filter((m) => (m as { type?: string }).type === 'openTemplate'), [{ type: 'openTemplate', key: SUCCESS_RATE_KEY }]);
  });

  it('asks the host to backtest a metric whose query can be run again, and offers no Backtest for one that cannot', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    await w.page.locator(`${metric(SUCCESS_RATE_KEY)} vscode-button.backtest`).click();
    assert.deepEqual((await w.posted()).filter((m) => (m as { type?: string }).type === 'backtest'), [{ type: 'backtest', key: SUCCESS_RATE_KEY }]);
    await w.send(state(manyRuns(1, 1)));
    const card = w.page.locator('article.metric').first();
    await card.waitFor();
    assert.equal(await card.locator('vscode-button.backtest').isHidden(), true);
  });

  it('draws the measurements in phase colours with the threshold as a line in the threshold colour', async () => {
    const w = await open();
    await w.send(state(abortedCanary()));
    const chart = w.page.locator(`${metric(ABORTED_KEY)} .measurement-chart .chart`);
    await w.page.waitForFunction((sel) => webviewTestHost.attr(sel, 'data-threshold-y') !== null, `${metric(ABORTED_KEY)} .measurement-chart .chart`);
    const canvas = chart.locator('canvas');
    assert.ok((await paintedPixels(canvas)) > 1000, 'the chart is drawn');
    const y = Number(await chart.getAttribute('data-threshold-y'));
    assert.equal(await chart.getAttribute('data-threshold-value'), '0.95');
    const purple = themeVariables.dark['--vscode-charts-purple'];
    const onLine = (await rowColours(canvas, y - 1))[purple] ?? 0;
    assert.ok(onLine > (await canvasWidth(canvas)) * 0.3, `the dashed threshold line covers the row at y=${y} (${onLine} pixels)`);
    const offLine = (await rowColours(canvas, y - 12))[purple] ?? 0;
    assert.ok(offLine < onLine / 4, 'and not the rows around it');
    const failed = (await canvasColours(canvas))[themeVariables.dark['--vscode-charts-red']] ?? 0;
    assert.ok(failed > 10, 'the failed measurement is a red point');
    assert.equal(
      await w.page.locator(`${metric(ABORTED_KEY)} .measurement-chart .chart-summary`).textContent(),
      '8 measurements from 12:00:00 to 12:03:30; last 0.71 (Failed); threshold ≥ 0.95 success.',
    );
    assert.equal(await chart.getAttribute('aria-describedby'), await w.page.locator(`${metric(ABORTED_KEY)} .measurement-chart .chart-summary`).getAttribute('id'));
  });

  it('puts a single measurement inside a two-minute time axis, not on the left edge of a day', async () => {
    const w = await open();
    const one = abortedCanary();
    const run = one.analysisRuns[0]!;
    const only = run.metrics[0]!.measurements.at(-1)!;
    await w.send(state({ ...one, analysisRuns: [{ ...run, metrics: [{ ...run.metrics[0]!, measurements: [only] }] }] }));
    const chartSel = `${metric(ABORTED_KEY)} .measurement-chart .chart`;
    await w.page.waitForFunction((sel) => webviewTestHost.attr(sel, 'data-x-range') !== null, chartSel);
    const [from, to] = (await w.page.locator(chartSel).getAttribute('data-x-range'))!.split(' ').map(Number);
    assert.deepEqual([from, to], [only.t - 60, only.t + 60], 'a minute either side of the measurement, so ticks read as distinct times');
    const canvas = w.page.locator(`${chartSel} canvas`);
    const red = themeVariables.dark['--vscode-charts-red'];
    const columns = await columnsWithColour(canvas, red);
    const width = await canvasWidth(canvas);
    assert.ok(columns.length > 0, 'the point is drawn');
    const middle = (columns[0]! + columns.at(-1)!) / 2;
    assert.ok(middle > width * 0.35 && middle < width * 0.75, `the point is inside the plot, at x=${middle} of ${width}`);
  });

  it('explains the failed metric in the exact words of the host and shows its counts against the limits', async () => {
    const w = await open();
    await w.send(state(abortedCanary()));
    const card = w.page.locator(metric(ABORTED_KEY));
    assert.equal(await card.locator('.explanation').textContent(), ABORTED_EXPLANATION);
    assert.equal(await card.locator('vscode-badge.phase').textContent(), 'Failed');
    assert.deepEqual(await card.locator('.counts li.over').allTextContents(), ['failed 1 > failureLimit 0']);
    assert.ok((await card.locator('.counts li').allTextContents()).includes('inconclusive 0 ≤ inconclusiveLimit 0'));
    assert.match((await card.locator('.query code').textContent()) ?? '', /^sum\(rate\(nginx_ingress_controller_requests/);
    assert.equal(await w.page.locator('ol.timeline li.step-aborted .tag-aborted').isVisible(), true);
    assert.equal(await w.page.locator('ol.timeline li[data-index="3"]').getAttribute('class'), 'step step-current step-aborted');
    assert.equal(await w.page.locator('details.run > summary vscode-badge').textContent(), 'Failed');
  });

  it('asks the host for the series of a visible metric with its chart width, then draws canary and stable with a legend', async () => {
    const w = await open({ width: 900 });
    await w.send(state(abortedCanary()));
    await w.page.waitForFunction(() => webviewTestHost.posted.some((m) => (m as { type?: string }).type === 'requestSeries'));
    const requests = (await w.posted()).filter((m): m is { type: 'requestSeries'; key: string; widthPx: number } => (m as { type?: string }).type === 'requestSeries');
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.key, ABORTED_KEY);
    const width = requests[0]?.widthPx ?? 0;
    assert.ok(Number.isInteger(width) && width > 600 && width <= 900, `widthPx ${width} is about the chart's width`);
    const series = w.page.locator(`${metric(ABORTED_KEY)} .series-chart`);
    assert.equal(await series.getAttribute('data-state'), 'loading');
    assert.equal(await series.locator('.series-status').textContent(), 'Loading the series from Prometheus…');
    await w.send({ type: 'series', series: canaryAndStable(ABORTED_KEY) });
    await w.page.waitForFunction((sel) => Number(webviewTestHost.attr(sel, 'data-draws') ?? 0) > 0, `${metric(ABORTED_KEY)} .series-chart .chart`);
    assert.ok((await paintedPixels(series.locator('canvas'))) > 1000);
    const orange = themeVariables.dark['--vscode-charts-orange'];
    const blue = themeVariables.dark['--vscode-charts-blue'];
    const colours = Object.keys(await canvasColours(series.locator('canvas')));
    assert.ok(colours.includes(orange) && colours.includes(blue), 'canary (orange) and stable (blue) lines are both drawn');
    assert.deepEqual(await series.locator('.u-legend .u-series .u-label').allTextContents(), ['time', 'canary', 'stable']);
    assert.equal(
      await series.locator('.chart-summary').textContent(),
      'canary: 43 points from 12:00:00 to 12:03:30, last 0.72; stable: 31 points from 12:00:00 to 12:03:30, last 0.992. Step 5s, from http://prometheus.monitoring:9090.',
    );
    assert.equal(await series.locator('.series-status').textContent(), '');
  });

  it("shades the query's window outside the run, marks where the run started and ended, and names each line's release", async () => {
    const w = await open({ width: 900 });
    await w.send(state(abortedCanary()));
    await w.page.waitForFunction(() => webviewTestHost.posted.some((m) => (m as { type?: string }).type === 'requestSeries'));
    const base = canaryAndStable(ABORTED_KEY);
    assert.equal(base.status, 'ok');
    if (base.status !== 'ok') return;
    const t0 = base.lines[0]!.t[0]!;
    const labelled = { ...base, lines: [{ ...base.lines[0]!, label: 'canary (revision 2, 7c9f6b8d4)' }, { ...base.lines[1]!, label: 'stable (revision 1, 5d8c7b6f9)' }], run: { start: t0 + 60, end: t0 + 150 } };
    await w.send({ type: 'series', series: labelled });
    const chartSel = `${metric(ABORTED_KEY)} .series-chart .chart`;
    await w.page.waitForFunction((sel) => webviewTestHost.attr(sel, 'data-run-end-x') !== null, chartSel);
    const series = w.page.locator(`${metric(ABORTED_KEY)} .series-chart`);
    const canvas = series.locator('canvas');
    const startX = Number(await series.locator('.chart').getAttribute('data-run-start-x'));
    const endX = Number(await series.locator('.chart').getAttribute('data-run-end-x'));
    assert.ok(startX > 0 && endX > startX + 50 && endX < (await canvasWidth(canvas)), `run from x=${startX} to x=${endX}`);
    const before = await paintedInColumn(canvas, startX - 6);
    const inside = await paintedInColumn(canvas, Math.round((startX + endX) / 2) + 3);
    const after = await paintedInColumn(canvas, endX + 6);
    assert.ok(before > inside * 3 && after > inside * 3, `shaded before (${before}) and after (${after}) the run, not inside it (${inside})`);
    assert.deepEqual(await series.locator('.u-legend .u-series .u-label').allTextContents(), ['time', 'canary (revision 2, 7c9f6b8d4)', 'stable (revision 1, 5d8c7b6f9)']);
    assert.match((await series.locator('.chart-summary').textContent()) ?? '', / The run: 12:01:00 to 12:02:30; before and after it \(shaded\) the lines may be another release\.$/);
  });

  it('shows why the series could not be loaded and from where', async () => {
    const w = await open();
    await w.send(state(abortedCanary()));
    await w.page.waitForFunction(() => webviewTestHost.posted.some((m) => (m as { type?: string }).type === 'requestSeries'));
    await w.send({ type: 'series', series: seriesError(ABORTED_KEY) });
    const series = w.page.locator(`${metric(ABORTED_KEY)} .series-chart`);
    assert.equal(await series.getAttribute('data-state'), 'error');
    assert.equal(await series.locator('.series-status').textContent(), 'Could not load the series from http://prometheus.monitoring:9090: Cannot reach Prometheus: connect ECONNREFUSED 10.96.0.9:9090');
  });

  it('comes back as the user left it when VS Code reloads the hidden page: closed runs stay closed, the scroll position is kept', async () => {
    // Real time: the scroll position is saved from an animation frame, which a paused fake clock never runs.
    const w = await open();
    const long = manyRuns(10, 3);
    await w.send(state(long));
    const run = w.page.locator('details.run').first();
    assert.equal(await run.getAttribute('open'), '', 'the newest run starts open');
    await w.page.locator('details.run > summary').first().click();
    await w.page.waitForFunction(() => !webviewTestHost.hasAttr('details.run', 'open'));
    await w.page.evaluate(() => webviewTestHost.scrollTo(200));
    await w.page.waitForFunction(() => (webviewTestHost.savedState() as { scrollY?: number } | null)?.scrollY === 200);
    await w.reload();
    await w.send(state(long));
    assert.equal(await w.page.locator('details.run').first().getAttribute('open'), null, 'still closed');
    assert.equal(await w.page.evaluate(() => webviewTestHost.scrollY()), 200);
  });

  it('keeps the last data under a banner while the host reports a problem', async () => {
    const w = await open({ clockAt: PAUSED_AS_OF });
    await w.send(state(pausedCanary()));
    const problem = { ...pausedCanary(), problem: 'Cannot reach the cluster kind-rollouts: connect ECONNREFUSED', analysisRuns: [], timeline: [], asOf: PAUSED_AS_OF + 30_000 };
    await w.send(state(problem));
    assert.equal(await w.page.locator('.problem[role="alert"] strong').textContent(), 'Cannot reach the cluster kind-rollouts: connect ECONNREFUSED');
    assert.equal(await w.page.locator('.problem-since').textContent(), 'Showing the last data received, from 12:04:40.');
    assert.equal(await w.page.locator('ol.timeline > li').count(), 8);
    assert.equal(await w.page.locator('details.run').count(), 1);
    assert.equal(await w.page.locator('main.content').getAttribute('class'), 'content stale');
    await w.send(state(pausedCanary()));
    assert.equal(await w.page.locator('.problem').isVisible(), false);
  });

  it('updates in place: a new state keeps the chart canvases, the open sections and the keyboard focus', async () => {
    const w = await open();
    await w.send(state(pausedCanary()));
    const chart = w.page.locator(`${metric(SUCCESS_RATE_KEY)} .measurement-chart .chart`);
    await w.page.waitForFunction((sel) => Number(webviewTestHost.attr(sel, 'data-draws') ?? 0) > 0, `${metric(SUCCESS_RATE_KEY)} .measurement-chart .chart`);
    await chart.locator('canvas').evaluate((c: { setAttribute(name: string, value: string): void }) => c.setAttribute('data-marked', 'first'));
    await w.page.locator('vscode-button[data-action="abort"]').focus();
    const next = pausedCanary();
    const run = next.analysisRuns[0];
    const m = run?.metrics[0];
    assert.ok(run && m);
    const more: PanelState = {
      ...next,
      analysisRuns: [{ ...run, metrics: [{ ...m, measurements: [...m.measurements, { t: m.measurements[4]!.t + 30, v: 0.97, phase: 'Successful', text: '[0.97]' }] }, ...run.metrics.slice(1)] }],
    };
    await w.send(state(more));
    await w.page.waitForFunction((sel) => (webviewTestHost.text(sel) ?? '').startsWith('6 measurements'), `${metric(SUCCESS_RATE_KEY)} .measurement-chart .chart-summary`);
    assert.equal(await chart.locator('canvas').getAttribute('data-marked'), 'first', 'the chart was updated, not rebuilt');
    assert.equal(await w.page.evaluate(() => webviewTestHost.isFocused('vscode-button[data-action="abort"]')), true);
  });

  it('moves the chart cursor with the arrow keys and announces the value under it', async () => {
    const w = await open();
    await w.send(state(abortedCanary()));
    const chart = w.page.locator(`${metric(ABORTED_KEY)} .measurement-chart .chart`);
    await w.page.waitForFunction((sel) => Number(webviewTestHost.attr(sel, 'data-draws') ?? 0) > 0, `${metric(ABORTED_KEY)} .measurement-chart .chart`);
    await chart.focus();
    await w.page.keyboard.press('End');
    assert.equal(await chart.locator('[aria-live="polite"]').textContent(), '12:03:30: 0.71, Failed');
    await w.page.keyboard.press('ArrowLeft');
    assert.equal(await chart.locator('[aria-live="polite"]').textContent(), '12:03:00: 0.975, Successful');
    assert.equal(await chart.locator('.u-legend .u-series').nth(1).locator('.u-value').textContent(), '0.975');
  });

  it('shows the values under the mouse in the chart legend', async () => {
    const w = await open();
    await w.send(state(abortedCanary()));
    const chart = w.page.locator(`${metric(ABORTED_KEY)} .measurement-chart .chart`);
    await w.page.waitForFunction((sel) => Number(webviewTestHost.attr(sel, 'data-draws') ?? 0) > 0, `${metric(ABORTED_KEY)} .measurement-chart .chart`);
    const over = chart.locator('.u-over');
    const box = await over.boundingBox();
    assert.ok(box);
    await w.page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
    assert.equal(await chart.locator('.u-legend .u-series').nth(0).locator('.u-value').textContent(), '12:03:30');
    assert.equal(await chart.locator('.u-legend .u-series').nth(1).locator('.u-value').textContent(), '0.71');
  });

  it('redraws the charts in the new theme colours when VS Code switches theme (light, high contrast), and saves screenshots of each', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const w = await open({ theme: 'dark', clockAt: PAUSED_AS_OF });
    await w.send(state(abortedCanary()));
    await w.page.waitForFunction(() => webviewTestHost.posted.some((m) => (m as { type?: string }).type === 'requestSeries'));
    await w.send({ type: 'series', series: canaryAndStableAroundRun(ABORTED_KEY) });
    await w.page.waitForFunction((sel) => webviewTestHost.attr(sel, 'data-run-end-x') !== null, `${metric(ABORTED_KEY)} .series-chart .chart`);
    const chartSel = `${metric(ABORTED_KEY)} .measurement-chart .chart`;
    await w.page.waitForFunction((sel) => webviewTestHost.attr(sel, 'data-threshold-color') === '#b180d7', chartSel);
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'aborted-dark.png'), fullPage: true });
    // Light's purple differs from both dark ones, so each switch is a visible change.
    const themes: Theme[] = ['light', 'high-contrast'];
    for (const theme of themes) {
      await w.setTheme(theme);
      const purple = themeVariables[theme]['--vscode-charts-purple'];
      await w.page.waitForFunction(([sel, colour]) => webviewTestHost.attr(sel, 'data-threshold-color') === colour, [chartSel, purple] as const);
      const chart = w.page.locator(chartSel);
      const y = Number(await chart.getAttribute('data-threshold-y'));
      assert.ok(((await rowColours(chart.locator('canvas'), y - 1))[purple] ?? 0) > 100, `threshold drawn in the ${theme} theme's purple`);
      await w.page.screenshot({ path: path.join(ARTIFACTS, `aborted-${theme}.png`), fullPage: true });
    }
  });

  it('saves a screenshot of the paused canary in the light theme', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const w = await open({ theme: 'light', clockAt: PAUSED_AS_OF });
    await w.send(state(pausedCanary()));
    await w.page.waitForFunction((key) => webviewTestHost.posted.some((m) => (m as { key?: string }).key === key), SUCCESS_RATE_KEY);
    await w.send({ type: 'series', series: canaryAndStable(SUCCESS_RATE_KEY) });
    await w.page.waitForFunction((sel) => Number(webviewTestHost.attr(sel, 'data-draws') ?? 0) > 0, `${metric(SUCCESS_RATE_KEY)} .series-chart .chart`);
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'paused-light.png'), fullPage: true });
  });

  it('draws the charts of a long panel as they are scrolled into view', async () => {
    const w = await open();
    await w.send(state(manyRuns(10, 3)));
    await w.page.waitForFunction(() => webviewTestHost.count('.runs > details:first-child .measurement-chart .chart[data-draws]') === 3);
    const lastChart = w.page.locator('.runs > details:last-child article.metric:last-child .measurement-chart .chart');
    assert.equal(await lastChart.getAttribute('data-draws'), null, 'not drawn while far below the viewport');
    await lastChart.scrollIntoViewIfNeeded();
    await w.page.waitForFunction(() => webviewTestHost.count('.runs > details:last-child article.metric:last-child .measurement-chart .chart[data-draws]') === 1);
    assert.ok((await paintedPixels(lastChart.locator('canvas'))) > 1000);
  });

  it('draws 5 series of 10,000 points each, and draws them again when the next answer for the same metric arrives', async () => {
    const w = await open();
    await w.send(state(abortedCanary()));
    await w.page.waitForFunction(() => webviewTestHost.posted.some((m) => (m as { type?: string }).type === 'requestSeries'));
    const big = manyPoints(ABORTED_KEY, 5, 10_000);
    const sel = `${metric(ABORTED_KEY)} .series-chart .chart`;
    await w.send({ type: 'series', series: big });
    await w.page.waitForFunction((s) => Number(webviewTestHost.attr(s, 'data-draws') ?? 0) >= 1, sel);
    const draws = Number(await w.page.locator(sel).getAttribute('data-draws'));
    await w.send({ type: 'series', series: big });
    await w.page.waitForFunction(([s, n]) => Number(webviewTestHost.attr(s, 'data-draws') ?? 0) > n, [sel, draws] as const);
    assert.equal(await w.page.locator(`${sel} .u-legend .u-series`).count(), 6);
    assert.ok((await paintedPixels(w.page.locator(`${sel} canvas`))) > 1000);
  });
});
