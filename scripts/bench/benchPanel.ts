// Rollout panel benchmark: the real webview bundle in headless Chromium (/usr/bin/chromium, or
// CHROMIUM_PATH) under the panel's CSP. Times are measured in the page, from the host message's
// delivery to the end of the last chart's draw (uPlot's draw hook stamps data-drawn-at). Prints a Markdown table and writes
// it to dist/bench-panel.md. Run: `npx tsx scripts/bench/benchPanel.ts` (BENCH_RUNS=n, default 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import { manyRuns } from '../../test/unit/webview/fixtures/manyRuns';
import { abortedCanary, ABORTED_KEY } from '../../test/unit/webview/fixtures/abortedCanary';
import { manyPoints } from '../../test/unit/webview/fixtures/series';
import { buildWebviewBundle, launchChromium, openWebview, type WebviewBundle, type WebviewPage } from '../../test/unit/webview/webviewPage';
import { fmt, median } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERIES_CHART = `article.metric[data-key="${ABORTED_KEY}"] .series-chart .chart`;

/** Milliseconds from the last delivered message until the last of `count` charts matching `selector` was drawn. */
async function msUntilCount(w: WebviewPage, selector: string, count: number): Promise<number> {
  const handle = await w.page.waitForFunction(
    ([sel, n]) => (webviewTestHost.count(sel) >= n ? Math.max(...webviewTestHost.attrs(sel, 'data-drawn-at').map(Number)) - webviewTestHost.sentAt : false),
    [selector, count] as const,
    { timeout: 120_000 },
  );
  return Number(await handle.jsonValue());
}

/** Milliseconds from the last delivered message until the series chart has drawn more than `draws` times. */
async function msUntilDrawn(w: WebviewPage, draws: number): Promise<number> {
  const handle = await w.page.waitForFunction(
    ([sel, n]) => (Number(webviewTestHost.attr(sel, 'data-draws') ?? 0) > n ? Number(webviewTestHost.attr(sel, 'data-drawn-at')) - webviewTestHost.sentAt : false),
    [SERIES_CHART, draws] as const,
    { timeout: 120_000 },
  );
  return Number(await handle.jsonValue());
}

const drawsOf = async (w: WebviewPage): Promise<number> => Number((await w.page.evaluate((sel) => webviewTestHost.attr(sel, 'data-draws'), SERIES_CHART)) ?? 0);

async function firstPaint(browser: Browser, bundle: WebviewBundle, runs: number, metrics: number): Promise<number> {
  const w = await openWebview(browser, bundle, { theme: 'dark' });
  await w.send({ type: 'state', protocol: PROTOCOL_VERSION, state: manyRuns(runs, metrics) });
  // Charts are built as they come near the viewport: first paint is the newest run's charts drawn.
  const ms = await msUntilCount(w, '.runs > details:first-child .measurement-chart .chart[data-draws]', metrics);
  await w.close();
  return ms;
}

async function seriesRedraws(browser: Browser, bundle: WebviewBundle, lines: number, points: number): Promise<{ build: number; update: number; theme: number }> {
  const w = await openWebview(browser, bundle, { theme: 'dark' });
  await w.send({ type: 'state', protocol: PROTOCOL_VERSION, state: abortedCanary() });
  await w.page.waitForFunction(() => webviewTestHost.posted.some((m) => (m as { type?: string }).type === 'requestSeries'));
  const series = { type: 'series', series: manyPoints(ABORTED_KEY, lines, points) } as const;
  await w.send(series);
  const build = await msUntilDrawn(w, 0);
  const before = await drawsOf(w);
  await w.send(series);
  const update = await msUntilDrawn(w, before);
  const beforeTheme = await drawsOf(w);
  await w.page.evaluate(() => {
    webviewTestHost.sentAt = performance.now();
    webviewTestHost.setTheme('light');
  });
  const theme = await msUntilDrawn(w, beforeTheme);
  await w.close();
  return { build, update, theme };
}

async function main(): Promise<void> {
  const [bundle, browser] = await Promise.all([buildWebviewBundle(), launchChromium()]);
  try {
    const paint: number[] = [];
    const build: number[] = [];
    const update: number[] = [];
    const theme: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      paint.push(await firstPaint(browser, bundle, 10, 3));
      const s = await seriesRedraws(browser, bundle, 5, 10_000);
      build.push(s.build);
      update.push(s.update);
      theme.push(s.theme);
    }
    const row = (what: string, xs: number[]): string => `| ${what} | ${fmt(median(xs))} | ${fmt(Math.max(...xs))} |`;
    const table = [
      `Rollout panel webview, headless Chromium, median and max of ${RUNS} runs (ms)`,
      '',
      '| Measure | Median ms | Max ms |',
      '|---|---:|---:|',
      row('First paint: 10 analysis runs × 3 metrics (newest run\'s 3 charts drawn; the rest on scroll)', paint),
      row('Series chart, 5 × 10,000 points: first draw (alignment + uPlot build)', build),
      row('Series chart, 5 × 10,000 points: new answer, same metric (setData)', update),
      row('Series chart, 5 × 10,000 points: theme switch (rebuild in new colours)', theme),
    ].join('\n');
    console.log(table);
    const dist = path.resolve(__dirname, '../../dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'bench-panel.md'), `${table}\n`);
  } finally {
    await browser.close();
    bundle.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
