// The reference scenario end to end: gitops-hugo seeded on a ClusterStore, the canary simulator
// measuring its background analysis against a real Prometheus that holds the backfilled NGINX data
// (startScenarioPrometheus.ts), the update to revision 2 at UPDATE_AT, and the clock advanced until
// the success-rate metric fails and the rollout aborts (ABORT_AT). Builds the "aborted gitops-hugo"
// cluster state for the scenario test, the panel's tests and the one-command demo.
import { PrometheusClient } from '../../src/prometheus/prometheusClient';
import { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import type { CanarySimulator } from '../../testbed/canarySimulator/canarySimulator';
import { prometheusMetricSource } from '../../testbed/canarySimulator/prometheusMetricSource';
import { seedGitopsHugo, type SeededScenario } from '../../testbed/canarySimulator/seedGitopsHugo';
import { SimClock } from '../../testbed/canarySimulator/simClock';
import { ABORT_AT_SEC, UPDATE_AT_SEC } from './gitopsHugoOpenMetrics';
import { startScenarioPrometheus, type ScenarioPrometheus } from './startScenarioPrometheus';

/** Where the scenario's clock starts: the seed's first deploy, ten minutes before the update (10:50:00Z). */
export const SCENARIO_START_SEC = UPDATE_AT_SEC - 600;
/** The image of revision 2 (revision 1 is seedGitopsHugo's ghcr.io/example/gitops-hugo:1.0.0). */
export const GITOPS_HUGO_UPDATE_IMAGE = 'ghcr.io/example/gitops-hugo:1.1.0';

/** A SimClock at SCENARIO_START_SEC, for callers that build their store first (startTestCluster({ now: () => clock.now() })). */
export function scenarioClock(): SimClock {
  return new SimClock(SCENARIO_START_SEC * 1000);
}

export interface GitopsHugoAbortOptions {
  /** A store to seed (e.g. a test cluster's); it must read its time from `clock`. Default: a new one. */
  readonly store?: ClusterStore;
  /** Default scenarioClock(); must not be past UPDATE_AT_SEC. */
  readonly clock?: SimClock;
  /** A running scenario Prometheus to reuse (left running by stop()). Default: a new one. */
  readonly prometheus?: ScenarioPrometheus;
  readonly namespace?: string;
  /** Advance the clock to this time (Unix seconds, ≥ UPDATE_AT_SEC). Default ABORT_AT_SEC: aborted. */
  readonly untilSec?: number;
}

export interface GitopsHugoAbortScenario {
  readonly store: ClusterStore;
  readonly clock: SimClock;
  readonly simulator: CanarySimulator;
  /** namespace, name ('gitops-hugo'), setImage(). */
  readonly seeded: SeededScenario;
  readonly prometheus: ScenarioPrometheus;
  /** The client the simulator measures through (baseUrl prometheus.url). */
  readonly client: PrometheusClient;
  /** Stops the simulator, and Prometheus when this call started it. The store is left as it is. */
  stop(): Promise<void>;
}

/**
 * Seeds gitops-hugo Healthy at SCENARIO_START_SEC, updates it to GITOPS_HUGO_UPDATE_IMAGE at
 * UPDATE_AT_SEC and advances to `untilSec` (default ABORT_AT_SEC, when the rollout is Degraded with
 * `RolloutAborted: ... Background analysis phase error/failed: Metric "success-rate" assessed Failed
 * due to failed (2) > failureLimit (1)`). Continue with `simulator.advance(ms)`, not clock.tick().
 */
export async function runGitopsHugoAbortScenario(options: GitopsHugoAbortOptions = {}): Promise<GitopsHugoAbortScenario> {
  const clock = options.clock ?? scenarioClock();
  const untilSec = options.untilSec ?? ABORT_AT_SEC;
  if (clock.nowMs() > UPDATE_AT_SEC * 1000) throw new RangeError(`the clock (${clock.now().toISOString()}) is past the update time ${new Date(UPDATE_AT_SEC * 1000).toISOString()}`);
  if (untilSec < UPDATE_AT_SEC) throw new RangeError(`untilSec ${untilSec} is before the update time ${UPDATE_AT_SEC}`);
  const prometheus = options.prometheus ?? (await startScenarioPrometheus({ ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) }));
  const client = new PrometheusClient({ baseUrl: prometheus.url, timeoutMs: 10_000 });
  const store = options.store ?? new ClusterStore({ now: () => clock.now() });
  const seeded = seedGitopsHugo(store, clock, prometheusMetricSource(client), { ...(options.namespace !== undefined ? { namespace: options.namespace } : {}) });
  const { simulator } = seeded;
  const stop = async (): Promise<void> => {
    simulator.stop();
    if (!options.prometheus) await prometheus.stop();
  };
  try {
    await simulator.advance(UPDATE_AT_SEC * 1000 - clock.nowMs());
    seeded.setImage(GITOPS_HUGO_UPDATE_IMAGE);
    await simulator.advance(untilSec * 1000 - clock.nowMs());
  } catch (e) {
    await stop();
    throw e;
  }
  return { store, clock, simulator, seeded, prometheus, client, stop };
}
