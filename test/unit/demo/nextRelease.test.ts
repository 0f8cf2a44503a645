// The demo keeps a gitops-hugo canary under way (scripts/demo/nextRelease.ts): a minute after a canary
// of the workspace's release finishes, the next build of that release starts one; the user's own
// releases are left alone.
import { strict as assert } from 'node:assert';
import { keepCanaryGoing } from '../../../scripts/demo/nextRelease';
import { at } from '../../../src/core/rollout/jsonFields';
import { ClusterStore } from '../../../testbed/apiDouble/clusterStore';
import { gitopsHugoMetrics, seedGitopsHugo } from '../../../testbed/canarySimulator/seedGitopsHugo';
import { SimClock } from '../../../testbed/canarySimulator/simClock';

const RELEASE = 'ghcr.io/example/gitops-hugo:1.1.0';
const MINUTE = 60_000;

function demoLike(successRate = 0.995) {
  const clock = new SimClock('2024-05-01T10:00:00Z');
  const store = new ClusterStore({ now: () => clock.now() });
  const scenario = seedGitopsHugo(store, clock, gitopsHugoMetrics({ successRate }));
  const lines: string[] = [];
  const stop = keepCanaryGoing(store, scenario.simulator, clock, { namespace: 'default', name: 'gitops-hugo', image: RELEASE, log: (l) => lines.push(l) });
  const rollout = () => store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
  const status = () => ({ phase: at(rollout(), 'status', 'phase'), step: at(rollout(), 'status', 'currentStepIndex'), revision: at(rollout(), 'metadata', 'annotations', 'rollout.argoproj.io/revision') });
  /** Moves the clock until the canary is over (Healthy or Degraded), at most 10 minutes. */
  const untilOver = () => {
    for (let i = 0; i < 600 && !['Healthy', 'Degraded'].includes(String(status().phase)); i++) clock.tick(1000);
    return status();
  };
  return { clock, store, scenario, stop, status, untilOver, lines };
}

describe("the demo's next release", () => {
  it('starts a new canary of the same release a minute after the previous one finished, and not before', () => {
    const d = demoLike();
    d.scenario.setImage(RELEASE);
    assert.notEqual(d.status().phase, 'Healthy', 'the first canary is under way');
    const finished = d.untilOver();
    assert.equal(finished.phase, 'Healthy');
    d.clock.tick(MINUTE - 1000);
    assert.deepEqual(d.status(), finished, 'still Healthy just before the minute is up');
    d.clock.tick(1000);
    const next = d.status();
    assert.match(String(next.phase), /^(Progressing|Paused)$/);
    assert.equal(next.step, 1, 'the new canary waits in its first pause at 10 %');
    assert.equal(Number(next.revision), Number(finished.revision) + 1);
    assert.deepEqual(d.lines, ['default/gitops-hugo: build 2 of ghcr.io/example/gitops-hugo:1.1.0 starts a new canary']);
    // …and the loop goes on: the next one finishes and another starts a minute later.
    assert.equal(d.untilOver().phase, 'Healthy');
    d.clock.tick(MINUTE);
    assert.match(String(d.status().phase), /^(Progressing|Paused)$/);
    assert.deepEqual(d.scenario.simulator.errors, []);
    d.stop();
  });

  it("leaves a release the user launched alone, also once its canary is over", () => {
    const d = demoLike();
    d.scenario.setImage('ghcr.io/example/gitops-hugo:1.2.0');
    const over = d.untilOver();
    d.clock.tick(5 * MINUTE);
    assert.deepEqual(d.status(), over);
    assert.deepEqual(d.lines, []);
    d.stop();
  });

  it('starts nothing after it was stopped', () => {
    const d = demoLike();
    d.scenario.setImage(RELEASE);
    const over = d.untilOver();
    d.stop();
    d.clock.tick(5 * MINUTE);
    assert.deepEqual(d.status(), over);
  });
});
