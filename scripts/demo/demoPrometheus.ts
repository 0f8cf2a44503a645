// The demo's Prometheus: Debian's prometheus (scripts/demo.sh installs it with apt when it can) on a
// free 127.0.0.1 port, holding gitops-hugo's NGINX ingress series at the demo's own time:
// - history: the reference scenario's two hours (startScenarioPrometheus, an earlier release's canary
//   that aborted) shifted to END at the demo's start, so the panel plots something at once;
// - live: from the start on, a local exporter (test/scenario/nginxIngressExporter.ts) scraped every
//   second, continuing the backfill's counters, with the traffic of the live cluster (demoTraffic.ts).
// The demo's analysis measures these same series (startDemo.ts), so the panel's measurements and its
// plots agree. Without prometheus/promtool the demo runs on with built-in metrics and no plots.
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { gitopsHugoEndCounters, scenarioTimes } from '../../test/scenario/gitopsHugoOpenMetrics';
import { startNginxIngressExporter } from '../../test/scenario/nginxIngressExporter';
import { pollInstant } from '../../test/scenario/pollInstant';
import { SCRAPE_JOB, prometheusInstalled, startScenarioPrometheus } from '../../test/scenario/startScenarioPrometheus';
import { demoTraffic } from './demoTraffic';

export interface DemoPrometheus {
  readonly url: string;
  /** Where the backfilled history ends and the live series begin (Unix seconds, on the 15 s grid). */
  readonly liveFromSec: number;
  stop(): Promise<void>;
}

export interface DemoPrometheusOptions {
  /** How long to wait for the first live scrape (default 30 s; it takes ~6 s: targets apply on a 5 s cycle). */
  readonly firstScrapeTimeoutMs?: number;
}

/** Whether the demo can start Prometheus here. */
export function canStartPrometheus(): boolean {
  return prometheusInstalled();
}

/**
 * Resolves once Prometheus has stored a scrape of the live job (`up == 1`), so a query at "now" sees
 * live samples; rejects after `timeoutMs`.
 */
export async function waitForLiveScrape(url: string, timeoutMs: number): Promise<void> {
  await pollInstant(url, `up{job="${SCRAPE_JOB}"}`, (v) => v === 1, timeoutMs);
}

/**
 * Starts the exporter and Prometheus (history ending now, live after it) and waits for the first live
 * scrape; undefined when prometheus/promtool are not installed. `store` is the demo cluster's: the
 * exporter reads gitops-hugo's weights and releases from it at each scrape.
 */
export async function startDemoPrometheus(store: ClusterStore, options: DemoPrometheusOptions = {}): Promise<DemoPrometheus | undefined> {
  if (!canStartPrometheus()) return undefined;
  const times = scenarioTimes(Date.now() / 1000);
  const exporter = await startNginxIngressExporter({
    start: gitopsHugoEndCounters(times), startMs: times.dataEndSec * 1000, traffic: demoTraffic(store),
  });
  try {
    const prom = await startScenarioPrometheus({ endAtSec: times.dataEndSec, scrapeTargets: [exporter.target] });
    try {
      await waitForLiveScrape(prom.url, options.firstScrapeTimeoutMs ?? 30_000);
    } catch (e) {
      await prom.stop();
      throw e;
    }
    return {
      url: prom.url,
      liveFromSec: times.dataEndSec,
      stop: async () => {
        await prom.stop();
        await exporter.stop();
      },
    };
  } catch (e) {
    await exporter.stop();
    throw e;
  }
}
