import { strict as assert } from 'node:assert';
import { at } from '../../../../src/core/rollout/jsonFields';
import { ClusterStore } from '../../../../testbed/apiDouble/clusterStore';
import type { MetricRequest, MetricResponse, MetricSource } from '../../../../testbed/canarySimulator/metricSource';
import { gitopsHugoMetrics, seedGitopsHugo, type SeededScenario } from '../../../../testbed/canarySimulator/seedGitopsHugo';
import { SimClock } from '../../../../testbed/canarySimulator/simClock';

const START = '2024-05-01T10:00:00Z';
// Success rate 0.99 until `fromMs`, then 0.5.
const dropsAfter = (fromMs: number): MetricSource => gitopsHugoMetrics({ successRate: (now) => (now.getTime() < fromMs ? 0.99 : 0.5) });

interface Seeded {
  readonly store: ClusterStore;
  readonly clock: SimClock;
  readonly scenario: SeededScenario;
}

function seeded(source: MetricSource): Seeded {
  const clock = new SimClock(START);
  const store = new ClusterStore({ now: () => clock.now() });
  return { store, clock, scenario: seedGitopsHugo(store, clock, source) };
}

/** Answers later, on a macrotask, as a network round trip would. */
function later(source: MetricSource): MetricSource {
  return (request) => new Promise<MetricResponse>((resolve) => setImmediate(() => resolve(source(request))));
}

/** Holds every answer until the test releases it; records what was asked. */
function held(source: MetricSource): { source: MetricSource; asked: MetricRequest[]; releaseAll(): void } {
  const waiting: (() => void)[] = [];
  const asked: MetricRequest[] = [];
  return {
    asked,
    source: (request) => {
      asked.push(request);
      return new Promise<MetricResponse>((resolve) => waiting.push(() => resolve(source(request))));
    },
    releaseAll: () => waiting.splice(0).forEach((release) => release()),
  };
}

function statuses(s: Seeded): unknown[] {
  return [
    at(s.store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' }), 'status'),
    ...s.store.list('analysisruns').items.map((r) => at(r, 'status')),
  ];
}

describe('Canary simulator with a metric source that answers asynchronously', () => {
  it('gives the same rollout and AnalysisRun history, minute by minute, as the same answers given at once', async () => {
    // Measurements at 10:01 (ok), 10:02 and 10:03 (bad): failureLimit 1 is exceeded and the rollout aborts.
    const dropMs = Date.parse(START) + 2 * 60_000;
    const sync = seeded(dropsAfter(dropMs));
    const async = seeded(later(dropsAfter(dropMs)));
    await async.scenario.simulator.settled();
    sync.scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    async.scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    await async.scenario.simulator.settled();
    const history = (s: Seeded): unknown[] => [s.clock.now().toISOString(), ...statuses(s)];
    const seenSync: unknown[] = [history(sync)];
    const seenAsync: unknown[] = [history(async)];
    for (let minute = 0; minute < 5; minute++) {
      sync.clock.tick(60_000);
      await async.scenario.simulator.advance(60_000);
      seenSync.push(history(sync));
      seenAsync.push(history(async));
    }
    assert.deepEqual(seenAsync, seenSync);
    assert.equal(at(statuses(async)[0], 'phase'), 'Degraded', 'the history ends with the abort');
    assert.deepEqual([sync.scenario.simulator.errors, async.scenario.simulator.errors], [[], []]);
  });

  it('takes a long advance measurement by measurement, as clock.tick does with a sync source', async () => {
    const dropMs = Date.parse(START) + 3 * 60_000;
    const sync = seeded(dropsAfter(dropMs));
    const async = seeded(later(dropsAfter(dropMs)));
    sync.scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    async.scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    sync.clock.tick(10 * 60_000);
    await async.scenario.simulator.advance(10 * 60_000);
    assert.deepEqual(statuses(async), statuses(sync));
  });

  it('holds the rollout while a measurement is on its way, and settled() waits for the answer', async () => {
    const h = held(gitopsHugoMetrics({ successRate: 0.5 }));
    const s = seeded(h.source);
    s.scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    s.clock.tick(60_000); // step 2: background analysis starts and asks for its first measurement
    assert.equal(s.scenario.simulator.waitingMeasurements, 1);
    assert.deepEqual(h.asked.map((r) => [r.metric, r.now.toISOString()]), [['latency', '2024-05-01T10:01:00.000Z']]);
    const [run] = s.store.list('analysisruns').items;
    assert.deepEqual(at(run, 'status', 'metricResults'), [], 'nothing measured yet');

    let done = false;
    const settled = s.scenario.simulator.settled().then(() => {
      done = true;
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(done, false, 'settled() waits while the answer is held');
    h.releaseAll(); // latency arrives; success-rate is asked next, at the same simulated time
    await new Promise<void>((resolve) => setImmediate(resolve));
    h.releaseAll();
    await settled;
    assert.deepEqual(h.asked.map((r) => [r.metric, r.now.toISOString()]), [['latency', '2024-05-01T10:01:00.000Z'], ['success-rate', '2024-05-01T10:01:00.000Z']]);
    const rollout = s.store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
    assert.equal(at(rollout, 'status', 'canary', 'currentBackgroundAnalysisRunStatus', 'status'), 'Running');
    assert.equal(s.scenario.simulator.waitingMeasurements, 0);
    assert.deepEqual(s.scenario.simulator.errors, []);
  });

  it('records a rejected answer as an Error measurement and reports the rejection', async () => {
    const s = seeded(() => Promise.reject(new Error('source bug')));
    s.scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    await s.scenario.simulator.advance(60_000);
    const [run] = s.store.list('analysisruns').items;
    const results = at(run, 'status', 'metricResults');
    const first = Array.isArray(results) ? results[0] : undefined;
    assert.deepEqual([at(first, 'name'), at(first, 'error'), at(first, 'message')], ['latency', 1, 'source bug']);
    assert.deepEqual(s.scenario.simulator.errors.map((e) => e.message), ['source bug', 'source bug']);
  });
});
