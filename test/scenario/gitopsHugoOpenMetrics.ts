// Deterministic NGINX ingress controller metrics for the gitops-hugo abort scenario, as OpenMetrics
// text for `promtool tsdb create-blocks-from openmetrics`: two hours at 15 s, ending at a fixed past
// time (Prometheus keeps backfilled blocks queryable by explicit `time=`; see
// shared/reference/prometheus-tests.md). The data is scripted to match what the simulator does with
// it: the canary gets traffic from the update on, following the 10/30/50 % steps, its 5xx share
// jumps from ~1 % to 25 % at ERRORS_FROM, and it gets no traffic after the abort; the stable service
// takes the rest at 0.5 % errors. Latency stays well under the template's 0.5 s p95 on both.
// `scenarioTimes(endAtSec)` shifts the whole window so it ends at another time (e.g. now, for tests
// and the demo that query at the current time without an explicit `time=`); the default is the
// fixed anchor below, which the scenario's tests and constants use.
import { GITOPS_HUGO_CANARY_SERVICE, GITOPS_HUGO_STABLE_SERVICE } from '../../testbed/canarySimulator/seedGitopsHugo';

/** Scrape interval of the backfilled series, seconds. */
export const SCRAPE_SEC = 15;
/** End of the data: 2025-06-01T12:00:00Z (Unix seconds). */
export const DATA_END_SEC = 1_748_779_200;
/** Start of the data: 2025-06-01T10:00:00Z. */
export const DATA_START_SEC = DATA_END_SEC - 2 * 3600;
/** The update to revision 2 (setImage): 2025-06-01T11:00:00Z. The SimClock is anchored here. */
export const UPDATE_AT_SEC = DATA_START_SEC + 3600;
/** Background analysis starts with step 2 (setWeight 30) after the first 1-minute pause: 11:01:00Z. */
export const ANALYSIS_START_SEC = UPDATE_AT_SEC + 60;
/** The canary's 5xx share rises from here: 11:01:30Z (increments after it are bad). */
export const ERRORS_FROM_SEC = UPDATE_AT_SEC + 90;
/**
 * The second failed success-rate measurement (failureLimit 1) fails the run and aborts the rollout:
 * 11:03:00Z. Measurements (interval 1m) are at 11:01 (Successful), 11:02 and 11:03 (Failed).
 */
export const ABORT_AT_SEC = UPDATE_AT_SEC + 180;

/** The scenario's moments for one run; scenarioTimes() gives the default (the constants above). */
export interface ScenarioTimes {
  readonly dataStartSec: number;
  readonly dataEndSec: number;
  readonly updateAtSec: number;
  readonly analysisStartSec: number;
  readonly errorsFromSec: number;
  readonly abortAtSec: number;
  /** dataEndSec - DATA_END_SEC: how far this run lies from the fixed anchor (a multiple of SCRAPE_SEC). */
  readonly shiftSec: number;
}

/**
 * The scenario's times when its window ends at `endAtSec` (Unix seconds), aligned DOWN to the 15 s
 * scrape grid so every sample lands where it would at the fixed anchor (and never in the future when
 * `endAtSec` is now). Default: the fixed 2025-06-01T12:00:00Z anchor.
 */
export function scenarioTimes(endAtSec: number = DATA_END_SEC): ScenarioTimes {
  if (!Number.isFinite(endAtSec)) throw new RangeError(`endAtSec must be a number of seconds, got ${endAtSec}`);
  const shiftSec = Math.floor(endAtSec / SCRAPE_SEC) * SCRAPE_SEC - DATA_END_SEC;
  return {
    dataStartSec: DATA_START_SEC + shiftSec,
    dataEndSec: DATA_END_SEC + shiftSec,
    updateAtSec: UPDATE_AT_SEC + shiftSec,
    analysisStartSec: ANALYSIS_START_SEC + shiftSec,
    errorsFromSec: ERRORS_FROM_SEC + shiftSec,
    abortAtSec: ABORT_AT_SEC + shiftSec,
    shiftSec,
  };
}

/** Requests per scrape interval over both services (40 req/s). */
export const REQUESTS_PER_SCRAPE = 600;
/** Counter values at the start of the window (a controller that has been up for a while). */
const BASE_REQUESTS = 1_000_000;

/** NGINX's default request-duration buckets (the `le` labels, without +Inf). */
export const BUCKETS = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10'] as const;

interface Profile {
  /** Cumulative share of requests at or below each bucket bound (same order as BUCKETS). */
  readonly cumulative: readonly number[];
  /** Mean request duration in milliseconds (for _sum). */
  readonly meanMs: number;
}

// p95 ≈ 0.1 s on stable and ≈ 0.23 s on the canary: different, both under the 0.5 s threshold.
const STABLE_LATENCY: Profile = { cumulative: [0.01, 0.05, 0.3, 0.7, 0.96, 0.995, 1, 1, 1, 1, 1], meanMs: 50 };
const CANARY_LATENCY: Profile = { cumulative: [0, 0.02, 0.15, 0.45, 0.8, 0.97, 0.995, 1, 1, 1, 1], meanMs: 80 };

/** The canary's traffic weight (percent) during the scrape interval that starts at `startSec`. */
export function canaryWeightAt(startSec: number, times: ScenarioTimes = scenarioTimes()): number {
  const since = startSec - times.updateAtSec;
  if (since < 0 || startSec >= times.abortAtSec) return 0;
  return since < 60 ? 10 : since < 120 ? 30 : 50;
}

/** The canary's 5xx count among `requests` in the interval ending at `endSec`. */
function canaryErrors(requests: number, endSec: number, times: ScenarioTimes): number {
  return Math.round(requests * (endSec > times.errorsFromSec ? 0.25 : 0.01));
}

function stableErrors(requests: number): number {
  return Math.round(requests * 0.005);
}

interface Totals {
  ok: number;
  errors: number;
  /** The histogram counts from the window's start (a histogram's own base does not matter to rate()). */
  count: number;
  buckets: number[];
  sumMs: number;
}

/** One service's counter values at a moment: what a live exporter continues from (no reset at the seam). */
export interface IngressCounters {
  /** nginx_ingress_controller_requests{status="200"} */
  readonly ok: number;
  /** nginx_ingress_controller_requests{status="500"} */
  readonly errors: number;
  /** _bucket per BUCKETS bound (cumulative, same order); +Inf is `count`. */
  readonly buckets: readonly number[];
  readonly count: number;
  /** _sum, seconds. */
  readonly sumSec: number;
}

export type IngressService = 'canary' | 'stable';

interface Sample {
  readonly t: number;
  readonly totals: Totals;
}

function accumulate(service: IngressService, times: ScenarioTimes): Sample[] {
  const profile = service === 'canary' ? CANARY_LATENCY : STABLE_LATENCY;
  // The canary Service is new with this update; the stable one has served for a while.
  const base = service === 'canary' ? 0 : BASE_REQUESTS;
  const totals: Totals = { ok: base, errors: base / 200, count: 0, buckets: BUCKETS.map(() => 0), sumMs: 0 };
  const samples: Sample[] = [];
  for (let t = times.dataStartSec; t <= times.dataEndSec; t += SCRAPE_SEC) {
    if (t > times.dataStartSec) {
      const canary = Math.round((REQUESTS_PER_SCRAPE * canaryWeightAt(t - SCRAPE_SEC, times)) / 100);
      const requests = service === 'canary' ? canary : REQUESTS_PER_SCRAPE - canary;
      const errors = service === 'canary' ? canaryErrors(requests, t, times) : stableErrors(requests);
      totals.ok += requests - errors;
      totals.errors += errors;
      totals.count += requests;
      profile.cumulative.forEach((share, i) => {
        totals.buckets[i] = (totals.buckets[i] ?? 0) + Math.floor(requests * share);
      });
      totals.sumMs += requests * profile.meanMs;
    }
    samples.push({ t, totals: { ...totals, buckets: [...totals.buckets] } });
  }
  return samples;
}

/**
 * The labels every series of one service carries (without method/status/le): the backfill and a live
 * exporter must write exactly these, or rate() sees two series instead of one across the seam.
 */
export function ingressLabels(namespace: string, service: IngressService): string {
  const exported = service === 'canary' ? GITOPS_HUGO_CANARY_SERVICE : GITOPS_HUGO_STABLE_SERVICE;
  const ingress = service === 'canary' ? 'gitops-hugo-gitops-hugo-canary' : 'gitops-hugo';
  return `exported_namespace="${namespace}",exported_service="${exported}",ingress="${ingress}"`;
}

/** The counters' values at the window's last sample (`times.dataEndSec`), per service. */
export function gitopsHugoEndCounters(times: ScenarioTimes = scenarioTimes()): Record<IngressService, IngressCounters> {
  const last = (service: IngressService): IngressCounters => {
    const totals = accumulate(service, times).at(-1)?.totals;
    if (!totals) throw new Error('the scenario window has no samples');
    return { ok: totals.ok, errors: totals.errors, buckets: totals.buckets, count: totals.count, sumSec: totals.sumMs / 1000 };
  };
  return { canary: last('canary'), stable: last('stable') };
}

export interface GitopsHugoDataOptions {
  /** End the window here (Unix seconds, aligned down to SCRAPE_SEC; see scenarioTimes). Default DATA_END_SEC. */
  readonly endAtSec?: number;
}

/**
 * The OpenMetrics text: `nginx_ingress_controller_requests{exported_namespace, exported_service,
 * ingress, method, status="200"|"500"}` and `nginx_ingress_controller_request_duration_seconds_
 * {bucket,sum,count}` for gitops-hugo-canary and gitops-hugo-stable in `namespace`.
 */
export function gitopsHugoOpenMetrics(namespace = 'default', options: GitopsHugoDataOptions = {}): string {
  const times = scenarioTimes(options.endAtSec);
  const requests: string[] = [];
  const buckets: string[] = [];
  const sums: string[] = [];
  const counts: string[] = [];
  for (const service of ['stable', 'canary'] as const) {
    const base = ingressLabels(namespace, service);
    const samples = accumulate(service, times);
    // Each series is written whole, in time order (promtool drops a sample that goes back in time).
    for (const [status, pick] of [['200', (x: Totals) => x.ok], ['500', (x: Totals) => x.errors]] as const) {
      for (const s of samples) requests.push(`nginx_ingress_controller_requests{${base},method="GET",status="${status}"} ${pick(s.totals)} ${s.t}`);
    }
    BUCKETS.forEach((le, i) => {
      for (const s of samples) buckets.push(`nginx_ingress_controller_request_duration_seconds_bucket{${base},le="${le}"} ${s.totals.buckets[i] ?? 0} ${s.t}`);
    });
    for (const s of samples) {
      buckets.push(`nginx_ingress_controller_request_duration_seconds_bucket{${base},le="+Inf"} ${s.totals.count} ${s.t}`);
      sums.push(`nginx_ingress_controller_request_duration_seconds_sum{${base}} ${s.totals.sumMs / 1000} ${s.t}`);
      counts.push(`nginx_ingress_controller_request_duration_seconds_count{${base}} ${s.totals.count} ${s.t}`);
    }
  }
  return [
    '# TYPE nginx_ingress_controller_requests unknown', ...requests,
    '# TYPE nginx_ingress_controller_request_duration_seconds_bucket unknown', ...buckets,
    '# TYPE nginx_ingress_controller_request_duration_seconds_sum unknown', ...sums,
    '# TYPE nginx_ingress_controller_request_duration_seconds_count unknown', ...counts,
    '# EOF', '',
  ].join('\n');
}
