// The canary simulator: a stand-in for the Argo Rollouts controller on the test cluster. It listens
// to every store event and reconciles canary Rollouts and AnalysisRuns (reconcileCanary.ts,
// advanceAnalysisRun.ts) with time taken from a SimClock. It never writes from inside a store
// listener — that would deliver its own events to watchers before the event that caused them — so
// reconciling happens in flush(): on a microtask after a change, on clock timers, or when a test calls
// settle(). Tests through the store API call settle(); tests through HTTP wait for the next state.
// With a metric source that answers with a Promise (a real Prometheus), a pass that leaves a
// measurement waiting does not reconcile rollouts until the answer is in — the controller measures
// before it acts on the run — and tests use `settled()` / `advance(ms)` instead of settle() /
// clock.tick(ms), which wait for the answers; the history is then the same as with a sync source.
import { at, isObject } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../apiDouble/clusterStore';
import type { JsonObject } from '../apiDouble/jsonValue';
import { advanceAnalysisRun } from './advanceAnalysisRun';
import { InFlightMeasurements } from './inFlightMeasurements';
import type { MetricSource } from './metricSource';
import { reconcileCanary } from './reconcileCanary';
import { counterPodNamer, type PodNamer, type PodReadiness } from './replicaSetSync';
import { refOf } from './simObjects';
import type { SimClock } from './simClock';

export interface CanarySimulatorOptions {
  readonly clock: SimClock;
  readonly metricSource: MetricSource;
  /** Passes of reconcile per flush before giving up (a simulator bug, reported in `errors`). */
  readonly maxPasses?: number;
  /** Whether new pods of a ReplicaSet become ready (default: all, at once); a canary that never does stalls into ProgressDeadlineExceeded. */
  readonly podReady?: PodReadiness;
}

export class CanarySimulator {
  /** Errors thrown while reconciling (a pass that did not settle, a store error); tests assert it stays empty. */
  readonly errors: Error[] = [];
  private readonly clock: SimClock;
  private metricSource: MetricSource;
  private readonly namer: PodNamer = counterPodNamer();
  private readonly maxPasses: number;
  private podReady: PodReadiness;
  private readonly wakeups = new Map<number, () => void>();
  private readonly inFlight = new InFlightMeasurements(() => this.markDirty(), (e) => this.errors.push(e));
  private dirty = true;
  private flushing = false;
  private scheduled = false;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: ClusterStore, options: CanarySimulatorOptions) {
    this.clock = options.clock;
    this.metricSource = options.metricSource;
    // One step per reconcile, a few reconciles per step: a long canary takes many passes to settle.
    this.maxPasses = options.maxPasses ?? 500;
    this.podReady = options.podReady ?? (() => true);
    this.unsubscribe = store.onEvent(() => this.markDirty());
    this.settle();
  }

  /** Decides whether pods created from now on become ready (e.g. a release whose pods never do). */
  setPodReadiness(ready: PodReadiness): void {
    this.podReady = ready;
  }

  /** Swaps the metric provider (e.g. make the canary's metrics go bad mid-update). */
  setMetricSource(source: MetricSource): void {
    this.metricSource = source;
  }

  /** Reconciles now until nothing changes. Safe to call at any time except from a store listener. */
  settle(): void {
    if (this.flushing || this.stopped) return;
    this.flushing = true;
    try {
      for (let pass = 0; this.dirty; pass++) {
        if (pass >= this.maxPasses) {
          this.errors.push(new Error(`simulator did not settle after ${this.maxPasses} passes`));
          this.dirty = false;
          break;
        }
        this.dirty = false;
        this.pass();
      }
    } catch (e) {
      this.errors.push(e instanceof Error ? e : new Error(String(e)));
    } finally {
      this.flushing = false;
    }
  }

  /**
   * settle(), then waits for measurements still on their way (an async metric source) and settles
   * again after each answer, until nothing waits. With a sync source it is settle().
   */
  async settled(): Promise<void> {
    for (;;) {
      this.settle();
      if (this.stopped || this.inFlight.size === 0) return;
      await this.inFlight.nextAnswer();
    }
  }

  /**
   * clock.tick(ms) for async metric sources: moves the clock from timer to timer and waits for the
   * measurements each one starts before the next, so a long advance takes every measurement at its
   * own time, as clock.tick() does with a sync source.
   */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance(${ms}): time only moves forward`);
    const target = this.clock.nowMs() + ms;
    await this.settled();
    for (let next = this.clock.nextDueMs(target); next !== undefined && !this.stopped; next = this.clock.nextDueMs(target)) {
      this.clock.advanceTo(next);
      await this.settled();
    }
    this.clock.advanceTo(target);
    await this.settled();
  }

  /** Measurements whose answer has not arrived yet. */
  get waitingMeasurements(): number {
    return this.inFlight.size;
  }

  /** Detaches from the store and cancels pending clock timers; answers still on their way are dropped. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const cancel of this.wakeups.values()) cancel();
    this.wakeups.clear();
    this.inFlight.clear();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.flushing || this.scheduled || this.stopped) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.settle();
    });
  }

  private wakeAt(ms: number): void {
    if (ms <= this.clock.nowMs()) {
      this.dirty = true;
      return;
    }
    if (this.wakeups.has(ms)) return;
    this.wakeups.set(ms, this.clock.at(ms, () => {
      this.wakeups.delete(ms);
      this.dirty = true;
      this.settle();
    }));
  }

  private advanceRun(run: JsonObject): JsonObject {
    const r = advanceAnalysisRun(run, (request) => this.inFlight.answerNow(this.metricSource, request), this.clock.nowMs());
    const stored = r.changed ? this.store.update('analysisruns', r.run) : run;
    if (r.nextDueMs !== undefined) this.wakeAt(r.nextDueMs);
    return stored;
  }

  private pass(): void {
    for (const run of this.store.list('analysisruns').items) this.advanceRun(run);
    // Argo measures before it reconciles the rollout: with an answer outstanding, the rollouts wait
    // for it (its arrival marks the simulator dirty), so a step or abort never overtakes it.
    if (this.inFlight.size > 0) return;
    const ctx = {
      store: this.store, nowMs: this.clock.nowMs(), namer: this.namer, podReady: this.podReady,
      wakeAt: (ms: number) => this.wakeAt(ms), advanceRun: (run: JsonObject) => this.advanceRun(run),
    };
    for (const rollout of this.store.list('rollouts').items) {
      if (!isObject(at(rollout, 'spec', 'strategy', 'canary'))) continue;
      // Re-read: an earlier rollout's reconcile may not touch this one, but runs may have changed.
      const fresh = this.store.get(refOf('rollouts', rollout));
      if (fresh) reconcileCanary(ctx, fresh);
    }
  }
}
