// What the real controller does that the simulator was taught to do (issue 9 §3.5 and §3.8), checked on the
// real controller itself: a change of the steps alone restarts the canary from the first step, and promoting
// past an Inconclusive background analysis starts a new run named `….1`.
import { strict as assert } from 'node:assert';
import { promoteRollout } from '../../src/kube/rolloutActions';
import { realWorld } from './hooks';
import { connectReal, createNamespace, eventually, getJson, kubectlOk } from './realClusterKit';

const NS = 'semantics';

interface Live {
  metadata: { name: string };
  status?: { phase?: string; currentStepIndex?: number; currentPodHash?: string; pauseConditions?: { reason: string }[] };
}

function rollout(name: string, steps: object[], extra: object = {}): string {
  return JSON.stringify({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: NS },
    spec: {
      replicas: 2, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'ghcr.io/example/web:1.0' }] } },
      strategy: { canary: { steps, ...extra } },
    },
  });
}

const live = async (name: string): Promise<Live> => (await getJson(realWorld().cluster, ['rollout', name, '-n', NS])) as Live;
const setImage = async (name: string, tag: string): Promise<void> => {
  const r = await realWorld().cluster.plugin(['set', 'image', name, `web=ghcr.io/example/web:${tag}`, '-n', NS]);
  assert.equal(r.code, 0, r.stderr);
};

describe('The real controller\'s semantics the simulator follows', function () {
  this.timeout(300_000);
  before(async () => createNamespace(realWorld().cluster, NS));

  it('restarts a canary from its first step when only the steps change, on the same pod template', async () => {
    const { cluster } = realWorld();
    const steps = [{ setWeight: 50 }, { pause: {} }, { setWeight: 75 }, { pause: {} }];
    await kubectlOk(cluster, ['apply', '-f', '-'], rollout('steps-only', steps));
    await eventually('Healthy', async () => ((await live('steps-only')).status?.phase === 'Healthy' ? true : undefined));
    await setImage('steps-only', '2.0');
    // Promote only once the controller has recorded the pause: a promote that comes before its pause condition
    // clears nothing, and the controller then pauses there for good (as with the plugin).
    const pausedAt = (step: number) => async (): Promise<Live | undefined> => {
      const l = await live('steps-only');
      return l.status?.currentStepIndex === step && l.status.phase === 'Paused' && (l.status.pauseConditions ?? []).some((p) => p.reason === 'CanaryPauseStep') ? l : undefined;
    };
    await eventually('paused at step 1', pausedAt(1));
    // On a loaded machine the real controller sometimes writes its pause back over a promote it had not yet seen
    // (the same happens with the plugin): promote again, as a user would, until it has moved on.
    const conn = connectReal(cluster);
    let atThree: Live | undefined;
    try {
      for (let attempt = 1; !atThree; attempt++) {
        const done = await promoteRollout(conn, { namespace: NS, name: 'steps-only' }, { full: false });
        assert.ok(done.ok, done.ok ? '' : done.error.message);
        atThree = await eventually('paused at step 3', pausedAt(3), 30_000).catch((e: unknown) => {
          if (attempt >= 3) throw e;
          return undefined;
        });
      }
    } finally {
      conn.dispose();
    }
    // Only the steps change (a pause with a duration instead of the last indefinite one): the same release, new steps.
    await kubectlOk(cluster, ['patch', 'rollout', 'steps-only', '-n', NS, '--type', 'merge', '-p', JSON.stringify({ spec: { strategy: { canary: { steps: [...steps.slice(0, 3), { pause: { duration: '1h' } }] } } } })]);
    const restarted = await eventually('the canary back at its first pause', pausedAt(1));
    assert.equal(restarted.status?.currentPodHash, atThree.status?.currentPodHash, 'the same pod template: no new revision, the steps start over');
  });

  it('pauses on an Inconclusive background analysis, and promoting past it starts a new run named ….1', async () => {
    const { cluster, prometheus } = realWorld();
    // vector(1) is neither > 2 (success) nor < 0 (failure): every measurement is Inconclusive.
    await kubectlOk(cluster, ['apply', '-f', '-'], JSON.stringify({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'undecided', namespace: NS },
      spec: { metrics: [{ name: 'undecided', interval: '5s', count: 1, successCondition: 'result[0] > 2', failureCondition: 'result[0] < 0', provider: { prometheus: { address: prometheus.url, query: 'vector(1)' } } }] },
    }));
    await kubectlOk(cluster, ['apply', '-f', '-'], rollout('undecided', [{ setWeight: 50 }, { pause: { duration: '1h' } }], { analysis: { templates: [{ templateName: 'undecided' }] } }));
    await eventually('Healthy', async () => ((await live('undecided')).status?.phase === 'Healthy' ? true : undefined));
    await setImage('undecided', '2.0');
    await eventually('paused by the Inconclusive run', async () => ((await live('undecided')).status?.pauseConditions ?? []).some((p) => p.reason === 'InconclusiveAnalysisRun') ? true : undefined);
    const runs = async (): Promise<string[]> => ((await getJson(cluster, ['analysisruns', '-n', NS])) as { items: { metadata: { name: string; labels?: Record<string, string> } }[] }).items
      .map((r) => r.metadata.name).filter((n) => n.startsWith('undecided-'));
    const first = await runs();
    assert.equal(first.length, 1, `one background run: ${first.join(', ')}`);
    const conn = connectReal(cluster);
    try {
      const done = await promoteRollout(conn, { namespace: NS, name: 'undecided' }, { full: false });
      assert.ok(done.ok, done.ok ? '' : done.error.message);
    } finally {
      conn.dispose();
    }
    const next = await eventually('a new background run', async () => ((await runs()).some((n) => n === `${first[0]}.1`) ? true : undefined));
    assert.ok(next);
  });
});
