// The rollout panel (a webview): opened from the tree's context menu, its header names the rollout
// and its analysis charts are drawn on canvases.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prometheusInstalled } from '../scenario/startScenarioPrometheus';
import { workbench } from './hooks';
import { ROOT } from './workbench';

const OPEN_PANEL = 'argoRollouts.openPanel';

/** The title the packaged manifest gives the command, or undefined while the panel has not landed. */
function openPanelTitle(): string | undefined {
  const manifest: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const commands = isRecord(manifest) && isRecord(manifest['contributes']) ? manifest['contributes']['commands'] : undefined;
  if (!Array.isArray(commands)) return undefined;
  const entry: unknown = commands.find((c: unknown) => isRecord(c) && c['command'] === OPEN_PANEL);
  return isRecord(entry) && typeof entry['title'] === 'string' ? entry['title'] : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

describe('the rollout panel', () => {
  it('opens from the tree\'s context menu with the rollout\'s name in its header and its charts on canvases', async function () {
    const title = openPanelTitle();
    if (title === undefined) {
      console.log(`    skipped: package.json contributes no ${OPEN_PANEL} command yet (the panel is being built)`);
      this.skip();
    }
    const wb = workbench();
    await wb.hidePanel();
    await wb.contextMenu(wb.treeRow('gitops-hugo', 'payments'), title);
    const root = wb.webview().locator('#root');
    await root.getByRole('heading', { name: 'gitops-hugo', exact: true }).waitFor();
    await wb.screenshot('rollout-panel');
    // Charts are drawn when they come near the viewport: scroll down to the analysis as a user would.
    const heading = root.getByRole('heading', { name: 'gitops-hugo', exact: true });
    await heading.hover();
    const chart = root.locator('canvas').first();
    await wb.page.mouse.wheel(0, 2000);
    await chart.waitFor();
    assert.ok(await root.locator('canvas').count() > 0);
    await chart.scrollIntoViewIfNeeded();
    if (prometheusInstalled()) {
      // The test Prometheus holds payments' NGINX series: the query over the run's window plots the
      // canary and the stable Service side by side, each named in the legend with the release it measures.
      const series = root.locator('.series-chart').first();
      await series.scrollIntoViewIfNeeded();
      await series.locator('.u-legend .u-label', { hasText: /^stable \(revision \d+, \w+\)$/ }).waitFor();
      const legend = await series.locator('.u-legend .u-label').allInnerTexts();
      assert.equal(legend.length, 3, JSON.stringify(legend));
      assert.match(legend[1] ?? '', /^canary \(revision \d+, \w+\)$/);
    }
    await wb.screenshot('rollout-panel-charts');
  });
});
