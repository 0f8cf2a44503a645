// Every action against the real Argo Rollouts controller: the extension does it on one rollout, the
// real `kubectl argo rollouts` plugin does it on a twin (same spec, another name), and once the real
// controller has reconciled both, their specs and statuses must be the same (names and pod-template
// hashes aside).
import { strict as assert } from 'node:assert';
import type { ActionPlan, ObjectRef } from '../../src/core/actions/kubeRequest';
import { planAbort, planPause, planRetry, planRetryExperiment, planTerminateAnalysisRun, planTerminateExperiment } from '../../src/core/actions/planPatches';
import { planRestart } from '../../src/core/actions/planRestart';
import type { ClusterConnection } from '../../src/kube/clusterConnection';
import { executePlan } from '../../src/kube/executePlan';
import { createAnalysisRun, promoteRollout, setRolloutImage, undoRollout } from '../../src/kube/rolloutActions';
import { realWorld } from './hooks';
import { connectReal, createNamespace, eventually, getJson, kubectlOk } from './realClusterKit';

const NS = 'actions';
const OURS = 'twin-ours';
const THEIRS = 'twin-plugin';
const image = (tag: string): string => `ghcr.io/example/web:${tag}`;

function twinRollout(name: string, tag: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: NS },
    spec: {
      replicas: 4, revisionHistoryLimit: 5,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: image(tag) }] } },
      strategy: { canary: { steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: {} }, { setWeight: 75 }, { pause: { duration: '1h' } }] } },
    },
  };
}

interface Snapshot {
  spec: unknown;
  status: unknown;
}

/** What must match between the twins: the spec and the status fields the controller decides, with names and hashes replaced. */
function snapshot(rollout: unknown, name: string): Snapshot {
  const r = rollout as { spec: Record<string, unknown>; status?: Record<string, unknown> };
  const s = r.status ?? {};
  const hashes = new Map<string, string>();
  const hash = (h: unknown): string | undefined => (typeof h === 'string' ? (hashes.get(h) ?? (hashes.set(h, `hash-${hashes.size}`), hashes.get(h))) : undefined);
  const spec = JSON.parse(JSON.stringify(r.spec).split(name).join('TWIN')) as Record<string, unknown>;
  // restartAt is a moment each side chose; that it is set is what matters.
  if (spec.restartAt) spec.restartAt = 'set';
  const canary = s.canary as { weights?: { canary?: { weight?: number } } } | undefined;
  return {
    spec,
    status: {
      phase: s.phase,
      message: typeof s.message === 'string' ? s.message.split(name).join('TWIN') : s.message,
      currentStepIndex: s.currentStepIndex,
      abort: s.abort,
      controllerPause: s.controllerPause,
      pauseReasons: Array.isArray(s.pauseConditions) ? (s.pauseConditions as { reason: string }[]).map((p) => p.reason) : [],
      promoteFull: s.promoteFull,
      restartedAt: s.restartedAt ? 'set' : undefined,
      stable: hash(s.stableRS),
      current: hash(s.currentPodHash),
      replicas: [s.replicas, s.updatedReplicas, s.readyReplicas, s.availableReplicas],
      canaryWeight: canary?.weights?.canary?.weight,
    },
  };
}

describe('Every action on the real controller ends as the real plugin\'s does', function () {
  this.timeout(300_000);
  let conn: ClusterConnection;
  const ours: ObjectRef = { namespace: NS, name: OURS };

  const run = async (plan: ActionPlan | { error: string }): Promise<void> => {
    assert.ok(!('error' in plan), 'error' in plan ? plan.error : '');
    const done = await executePlan(conn, plan);
    assert.ok(done.ok, done.ok ? '' : done.error.message);
  };
  const plugin = async (...args: string[]): Promise<string> => {
    const r = await realWorld().cluster.plugin([...args, '-n', NS]);
    assert.equal(r.code, 0, `kubectl argo rollouts ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  /** Both twins reconciled to the same spec and status (waits for the controller, which works at its own pace). */
  const twinsAgree = async (what: string, check: (s: Snapshot) => boolean = () => true): Promise<Snapshot> => {
    let last: [Snapshot, Snapshot] | undefined;
    try {
      return await eventually(what, async () => {
        const a = snapshot(await getJson(realWorld().cluster, ['rollout', OURS, '-n', NS]), OURS);
        const b = snapshot(await getJson(realWorld().cluster, ['rollout', THEIRS, '-n', NS]), THEIRS);
        last = [a, b];
        return JSON.stringify(a) === JSON.stringify(b) && check(a) ? a : undefined;
        // The controller works at its own pace; on a machine whose cores other suites load it was seen to need minutes.
      }, 150_000);
    } catch (e) {
      if (last) assert.deepEqual(last[0], last[1], `${what}: the extension's rollout (actual) and the plugin's (expected) differ`);
      throw new Error(`${String(e)}; both twins agree on ${JSON.stringify(last?.[0].status)}`);
    }
  };
  const phase = (p: string, step?: number) => (s: Snapshot): boolean => {
    const st = s.status as { phase?: string; currentStepIndex?: number };
    return st.phase === p && (step === undefined || st.currentStepIndex === step);
  };

  /**
   * Sends the action to each twin by its own tool and waits for that twin to reach the state; on a loaded machine the
   * real controller was seen to write a status it computed before the action over it (it never looked at the
   * action), each twin by its own timing, so a twin that does not get there is sent its action again — as a user
   * would — before the twins are compared.
   */
  const onBoth = async (what: string, actOurs: () => Promise<void>, actTheirs: () => Promise<void>, check: (s: Snapshot) => boolean): Promise<void> => {
    for (const [name, act] of [[OURS, actOurs], [THEIRS, actTheirs]] as const) {
      for (let attempt = 1; ; attempt++) {
        await act();
        const reached = await eventually(`${name}: ${what}`, async () => (check(snapshot(await getJson(realWorld().cluster, ['rollout', name, '-n', NS]), name)) ? true : undefined), 60_000)
          .catch((e: unknown) => {
            if (attempt >= 3) throw e;
            return false;
          });
        if (reached) break;
      }
    }
    await twinsAgree(what, check);
  };

  before(async () => {
    const { cluster } = realWorld();
    await createNamespace(cluster, NS);
    await kubectlOk(cluster, ['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [twinRollout(OURS, '1.0'), twinRollout(THEIRS, '1.0')] }));
    conn = connectReal(cluster);
    await twinsAgree('both twins Healthy', phase('Healthy'));
  });
  after(() => conn.dispose());

  it('set image starts the same canary, paused at the first indefinite pause', async () => {
    const done = await setRolloutImage(conn, ours, 'web', image('2.0'));
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    await plugin('set', 'image', THEIRS, `web=${image('2.0')}`);
    await twinsAgree('both paused at step 1', phase('Paused', 1));
  });

  const promoteOurs = async (full = false): Promise<void> => {
    const done = await promoteRollout(conn, ours, { full });
    assert.ok(done.ok, done.ok ? '' : done.error.message);
  };
  const promoteTheirs = async (): Promise<void> => void await plugin('promote', THEIRS);

  it('promote moves both to the next pause', async () => {
    await onBoth('both paused at step 3', promoteOurs, promoteTheirs, phase('Paused', 3));
  });

  it('pause, then promote: the first promote lifts the user\'s pause (usually not the step\'s), the same on both', async () => {
    await run(planPause(ours));
    await plugin('pause', THEIRS);
    await twinsAgree('both paused by the user', (s) => (s.spec as { paused?: boolean }).paused === true);
    await promoteOurs();
    await promoteTheirs();
    // Usually the step's pause holds (step 3); when the controller had not yet recorded the step's pause condition,
    // the same promote lifts it too and the rollout goes on to step 5 — with the plugin as with the extension, each
    // twin by its own timing. So each twin still at step 3 is promoted once more (by its own tool), and then both
    // must be alike at step 5.
    const settled = async (name: string): Promise<number> => eventually(`${name} unpaused at step 3 or 5`, async () => {
      const s = snapshot(await getJson(realWorld().cluster, ['rollout', name, '-n', NS]), name);
      if ((s.spec as { paused?: boolean }).paused === true) return undefined;
      return phase('Paused', 3)(s) ? 3 : phase('Paused', 5)(s) ? 5 : undefined;
    }, 150_000);
    if ((await settled(OURS)) === 3) {
      const done = await promoteRollout(conn, ours, { full: false });
      assert.ok(done.ok, done.ok ? '' : done.error.message);
    }
    if ((await settled(THEIRS)) === 3) await plugin('promote', THEIRS);
    await twinsAgree('both at the timed pause of step 5', phase('Paused', 5));
  });

  it('abort scales the canary down and marks both Degraded alike', async () => {
    await onBoth('both aborted', () => run(planAbort(ours)), async () => void await plugin('abort', THEIRS), phase('Degraded'));
  });

  it('retry restarts the same canary from the first step', async () => {
    await onBoth('both paused at step 1 again', () => run(planRetry(ours)), async () => void await plugin('retry', 'rollout', THEIRS), phase('Paused', 1));
  });

  it('promote --full finishes both releases', async () => {
    await onBoth('both Healthy on 2.0', () => promoteOurs(true), async () => void await plugin('promote', THEIRS, '--full'),
      (s) => phase('Healthy')(s) && (s.status as { stable?: string; current?: string }).stable === (s.status as { current?: string }).current);
  });

  it('restart replaces every pod of both and records when', async () => {
    await run(planRestart(ours, new Date()));
    await plugin('restart', THEIRS);
    await twinsAgree('both restarted', (s) => (s.status as { restartedAt?: string }).restartedAt === 'set' && phase('Healthy')(s));
  });

  it('undo rolls both back to the previous revision with a new canary', async () => {
    const done = await undoRollout(conn, ours);
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    await plugin('undo', THEIRS);
    const s = await twinsAgree('both paused at step 1 on 1.0', phase('Paused', 1));
    assert.match(JSON.stringify(s.spec), /web:1\.0/);
  });

  it('records every write of the extension under its field manager, never under an empty name', async () => {
    const live = await getJson(realWorld().cluster, ['rollout', OURS, '-n', NS, '--show-managed-fields']) as { metadata: { managedFields: { manager: string; operation: string; subresource?: string }[] } };
    const managers = live.metadata.managedFields.map((m) => `${m.manager}/${m.operation}${m.subresource ? `/${m.subresource}` : ''}`);
    assert.ok(managers.includes('argo-rollouts-vscode/Update'), `the spec writes (pause, promote, set image, undo) are ours: ${managers.join(', ')}`);
    assert.ok(managers.includes('argo-rollouts-vscode/Update/status'), `the status writes (abort, retry) are ours: ${managers.join(', ')}`);
    assert.ok(!managers.some((m) => m.startsWith('/')), `no write under an empty manager: ${managers.join(', ')}`);
  });
});

describe('Set image on a workloadRef rollout on the real controller ends as the plugin\'s does', function () {
  const NS3 = 'workload-ref';
  const deployment = (name: string): object => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: NS3 },
    spec: {
      replicas: 0, selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: image('1.0') }] } },
    },
  });
  const refRollout = (name: string): object => ({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: NS3 },
    spec: {
      replicas: 2, selector: { matchLabels: { app: name } },
      workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
    },
  });
  const status = async (name: string): Promise<Snapshot['status'] & { phase?: string }> =>
    snapshot(await getJson(realWorld().cluster, ['rollout', name, '-n', NS3]), name).status as { phase?: string };

  it('writes the image into the referenced Deployment, and both rollouts start the same canary', async () => {
    const { cluster } = realWorld();
    await createNamespace(cluster, NS3);
    await kubectlOk(cluster, ['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [deployment('ref-ours'), deployment('ref-plugin'), refRollout('ref-ours'), refRollout('ref-plugin')] }));
    await eventually('both Healthy', async () => ((await status('ref-ours')).phase === 'Healthy' && (await status('ref-plugin')).phase === 'Healthy' ? true : undefined));
    const conn = connectReal(cluster);
    try {
      const done = await setRolloutImage(conn, { namespace: NS3, name: 'ref-ours' }, 'web', image('2.0'));
      assert.ok(done.ok, done.ok ? '' : done.error.message);
    } finally {
      conn.dispose();
    }
    const r = await cluster.plugin(['set', 'image', 'ref-plugin', `web=${image('2.0')}`, '-n', NS3]);
    assert.equal(r.code, 0, r.stderr);
    for (const name of ['ref-ours', 'ref-plugin']) {
      const d = await getJson(cluster, ['deployment', name, '-n', NS3]) as { spec: { template: { spec: { containers: { image: string }[] } } } };
      assert.equal(d.spec.template.spec.containers[0]?.image, image('2.0'), `${name}'s Deployment holds the new image`);
    }
    const both = await eventually('both paused at step 1', async () => {
      const [a, b] = [await status('ref-ours'), await status('ref-plugin')];
      return a.phase === 'Paused' && b.phase === 'Paused' ? [a, b] : undefined;
    });
    assert.deepEqual(both[0], both[1]);
  });
});

describe('AnalysisRuns and Experiments on the real controller end as the real plugin\'s do', function () {
  const NS2 = 'runs';
  let conn: ClusterConnection;

  const phaseOf = async (kind: string, name: string): Promise<string | undefined> =>
    ((await getJson(realWorld().cluster, [kind, name, '-n', NS2])) as { status?: { phase?: string } }).status?.phase;

  before(async () => {
    const { cluster, prometheus } = realWorld();
    await createNamespace(cluster, NS2);
    const template = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisTemplate', metadata: { name: 'up', namespace: NS2, labels: { team: 'web', 'app.kubernetes.io/instance': 'web-app' } },
      spec: { args: [{ name: 'job' }], metrics: [{ name: 'up', interval: '5s', count: 1000, successCondition: 'result[0] == 1', provider: { prometheus: { address: prometheus.url, query: 'up{job="{{args.job}}"}' } } }] },
    };
    const experiment = (name: string): object => ({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Experiment', metadata: { name, namespace: NS2 },
      spec: { duration: '1h', templates: [{ name: 'baseline', replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: image('1.0') }] } } }] },
    });
    await kubectlOk(cluster, ['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [template, experiment('exp-ours'), experiment('exp-plugin')] }));
    conn = connectReal(cluster);
  });
  after(() => conn.dispose());

  it('create AnalysisRun from a template makes the same running run as the plugin, without Argo CD\'s tracking label', async () => {
    const done = await createAnalysisRun(conn, { templateName: 'up', clusterScope: false, namespace: NS2, args: { job: 'live' }, name: 'run-ours' });
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    const r = await realWorld().cluster.plugin(['create', 'analysisrun', '--from', 'up', '--name', 'run-plugin', '-a', 'job=live', '-n', NS2]);
    assert.equal(r.code, 0, r.stderr);
    await eventually('both runs Running', async () => ((await phaseOf('analysisrun', 'run-ours')) === 'Running' && (await phaseOf('analysisrun', 'run-plugin')) === 'Running' ? true : undefined));
    const ours = await getJson(realWorld().cluster, ['analysisrun', 'run-ours', '-n', NS2]) as { spec: unknown; metadata: { labels?: Record<string, string> } };
    const theirs = await getJson(realWorld().cluster, ['analysisrun', 'run-plugin', '-n', NS2]) as { spec: unknown; metadata: { labels?: Record<string, string> } };
    assert.deepEqual(ours.spec, theirs.spec);
    assert.equal(ours.metadata.labels?.team, 'web');
    assert.equal(ours.metadata.labels?.['app.kubernetes.io/instance'], undefined, 'Argo CD\'s tracking label would make the run an orphan that auto-sync prunes');
  });

  it('terminate AnalysisRun ends both runs the same way', async () => {
    const done = await executePlan(conn, planTerminateAnalysisRun({ namespace: NS2, name: 'run-ours' }));
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    const r = await realWorld().cluster.plugin(['terminate', 'analysisrun', 'run-plugin', '-n', NS2]);
    assert.equal(r.code, 0, r.stderr);
    const phases = await eventually('both runs ended', async () => {
      const [a, b] = [await phaseOf('analysisrun', 'run-ours'), await phaseOf('analysisrun', 'run-plugin')];
      return a !== 'Running' && b !== 'Running' && a && b ? [a, b] : undefined;
    });
    assert.equal(phases[0], phases[1]);
  });

  it('terminate and retry Experiment end both experiments the same way', async () => {
    await eventually('both experiments Running', async () => ((await phaseOf('experiment', 'exp-ours')) === 'Running' && (await phaseOf('experiment', 'exp-plugin')) === 'Running' ? true : undefined));
    const done = await executePlan(conn, planTerminateExperiment({ namespace: NS2, name: 'exp-ours' }));
    assert.ok(done.ok, done.ok ? '' : done.error.message);
    let r = await realWorld().cluster.plugin(['terminate', 'experiment', 'exp-plugin', '-n', NS2]);
    assert.equal(r.code, 0, r.stderr);
    const ended = await eventually('both experiments ended', async () => {
      const [a, b] = [await phaseOf('experiment', 'exp-ours'), await phaseOf('experiment', 'exp-plugin')];
      return a !== 'Running' && b !== 'Running' && a && b ? [a, b] : undefined;
    });
    assert.equal(ended[0], ended[1]);
    const retried = await executePlan(conn, planRetryExperiment({ namespace: NS2, name: 'exp-ours' }));
    assert.ok(retried.ok, retried.ok ? '' : retried.error.message);
    r = await realWorld().cluster.plugin(['retry', 'experiment', 'exp-plugin', '-n', NS2]);
    assert.equal(r.code, 0, r.stderr);
    const again = await eventually('both experiments reconciled after retry', async () => {
      const [a, b] = [await phaseOf('experiment', 'exp-ours'), await phaseOf('experiment', 'exp-plugin')];
      return a && b && a === b ? [a, b] : undefined;
    });
    assert.equal(again[0], again[1]);
  });
});
