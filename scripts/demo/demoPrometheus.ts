// The demo's Prometheus: the reference scenario's instance (test/scenario/startScenarioPrometheus.ts,
// Debian's prometheus with the gitops-hugo NGINX series backfilled) on a free 127.0.0.1 port, when
// prometheus and promtool are installed (scripts/demo.sh installs them with apt when it can).
// Without them the demo runs on, without plots: the simulator's analysis does not need Prometheus
// (demoMetricSource.ts).
// TODO(demo-live-series): the backfilled series lie in the scenario's past (2025-06-01 10:00–12:00Z);
// the demo's canary runs on the wall clock. Plots of the live canary need samples at "now": a small
// exporter scraped every second, driven by the same canaryHealth() the simulator measures, or a
// live mode of the scenario's generator.
import { prometheusInstalled, startScenarioPrometheus } from '../../test/scenario/startScenarioPrometheus';

export interface DemoPrometheus {
  readonly url: string;
  stop(): Promise<void>;
}

/** Whether the demo can start Prometheus here. */
export function canStartPrometheus(): boolean {
  return prometheusInstalled();
}

export async function startDemoPrometheus(): Promise<DemoPrometheus | undefined> {
  if (!canStartPrometheus()) return undefined;
  const prom = await startScenarioPrometheus();
  return { url: prom.url, stop: () => prom.stop() };
}
