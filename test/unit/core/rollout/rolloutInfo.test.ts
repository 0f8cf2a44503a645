import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analysisRunInfoColumn } from '../../../../src/core/rollout/infoColumns';
import { renderGet } from '../../../../src/core/rollout/renderGet';
import { rolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { HOUR, NOW, analysisRun, canaryRollout, experiment, replicaSet, runningPod } from './builders';

const steps = [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: {} }];
const status = { phase: 'Paused', message: 'CanaryPauseStep', currentStepIndex: 1, stableRS: 's', currentPodHash: 'c', replicas: 5, updatedReplicas: 1, readyReplicas: 5, availableReplicas: 4 };

function scenario() {
  const rollout = canaryRollout({ steps, status });
  const stable = replicaSet('demo-s', { hash: 's', revision: 1, replicas: 3, images: ['app:v1', 'sidecar:1'] });
  const canary = replicaSet('demo-c', { hash: 'c', revision: 2, replicas: 1, images: ['app:v2', 'sidecar:1'] });
  const exp = experiment('demo-c-2-1', { revision: 2 });
  const expRs = replicaSet('demo-c-2-1-baseline', { owner: 'demo-c-2-1-uid', images: ['app:v1'], annotations: { 'experiment.argoproj.io/template-name': 'baseline' } });
  const runs = [
    analysisRun('demo-c-2-bg', {
      revision: 2,
      metricResults: [
        { name: 'success-rate', successful: 3, failed: 1, measurements: [{ phase: 'Successful', value: '0.99' }] },
        { name: 'job', inconclusive: 1, measurements: [{ phase: 'Running', metadata: { 'job-name': 'demo-job-1' }, startedAt: new Date(NOW - 90_000).toISOString() }] },
      ],
    }),
    analysisRun('demo-1-old', { revision: 1, phase: 'Successful' }),
    analysisRun('someone-elses', { owner: 'other' }),
  ];
  const related = { replicaSets: [stable, canary, expRs, replicaSet('foreign', { owner: 'other' })], pods: [runningPod('demo-c-x1', 'demo-c-uid')], experiments: [exp], analysisRuns: runs };
  return rolloutInfo(rollout, related, NOW);
}

describe('Rollout info model', () => {
  const info = scenario();
  it('carries status, strategy, step and weights', () => {
    assert.deepEqual([info.phase, info.message, info.icon, info.strategy, info.step, info.setWeight, info.actualWeight], ['Paused', 'CanaryPauseStep', '॥', 'Canary', '1/4', 25, 25]);
  });
  it('carries the replica counts, with desired from the spec', () => {
    assert.deepEqual([info.desired, info.current, info.updated, info.ready, info.available], [4, 5, 1, 5, 4]);
  });
  it('lists each running image once, sorted, with merged role and experiment tags', () => {
    assert.deepEqual(info.images, [
      { image: 'app:v1', tags: ['stable', 'Σ:baseline'] },
      { image: 'app:v2', tags: ['canary'] },
      { image: 'sidecar:1', tags: ['canary', 'stable'] },
    ]);
  });
  it('groups owned objects by revision, newest first, leaving out what others own', () => {
    const shape = info.revisions.map((r) => [r.revision, r.replicaSets.map((o) => o.name), r.experiments.map((o) => o.name), r.analysisRuns.map((o) => o.name)]);
    assert.deepEqual(shape, [
      [2, ['demo-c'], ['demo-c-2-1'], ['demo-c-2-bg']],
      [1, ['demo-s'], [], ['demo-1-old']],
    ]);
  });
  it('gives experiments their own ReplicaSets', () => {
    assert.deepEqual(info.experiments[0]?.replicaSets.map((rs) => [rs.name, rs.template, rs.stable]), [['demo-c-2-1-baseline', 'baseline', false]]);
  });
  it('sums the measurement counts of an AnalysisRun and lists its Jobs', () => {
    const run = info.analysisRuns[0]!;
    assert.equal(analysisRunInfoColumn(run), '✔ 3,✖ 1,? 1');
    assert.deepEqual(run.jobs.map((j) => [j.name, j.status, j.icon, j.metricName]), [['demo-job-1', 'Running', '◌', 'job']]);
  });
  it('leaves zero counts out of the AnalysisRun INFO column', () => {
    assert.equal(analysisRunInfoColumn(info.analysisRuns[1]!), '');
  });
  it('has no step or weights for a blueGreen rollout', () => {
    const bg = rolloutInfo({ metadata: { uid: 'u' }, spec: { strategy: { blueGreen: {} } } }, {}, NOW);
    assert.deepEqual([bg.strategy, bg.step, bg.setWeight, bg.actualWeight, bg.canaryStep], ['BlueGreen', '', undefined, undefined, undefined]);
  });

  it('renders as `get rollout` prints it', () => {
    const expected = [
      'Name:            demo',
      'Namespace:       ns',
      'Status:          ॥ Paused',
      'Message:         CanaryPauseStep',
      'Strategy:        Canary',
      '  Step:          1/4',
      '  SetWeight:     25',
      '  ActualWeight:  25',
      'Images:          app:v1 (stable, Σ:baseline)',
      '                 app:v2 (canary)',
      '                 sidecar:1 (canary, stable)',
      'Replicas:',
      '  Desired:       4',
      '  Current:       5',
      '  Updated:       1',
      '  Ready:         5',
      '  Available:     4',
      '',
      'NAME                            KIND         STATUS        AGE   INFO',
      '⟳ demo                          Rollout      ॥ Paused      120m',
      '├──# revision:2',
      '│  ├──⧉ demo-c                  ReplicaSet   ✔ Healthy     60m   canary',
      '│  │  └──□ demo-c-x1            Pod          ✔ Running     60m   ready:1/1',
      '│  ├──Σ demo-c-2-1              Experiment   ◌ Running     60m',
      '│  │  └──⧉ demo-c-2-1-baseline  ReplicaSet   ✔ Healthy     60m',
      '│  └──α demo-c-2-bg             AnalysisRun  ◌ Running     60m   ✔ 3,✖ 1,? 1',
      '│     └──⊞ demo-job-1           Job          ◌ Running     90s',
      '└──# revision:1',
      '   ├──⧉ demo-s                  ReplicaSet   ✔ Healthy     60m   stable',
      '   └──α demo-1-old              AnalysisRun  ✔ Successful  60m',
      '',
    ].join('\n');
    assert.equal(renderGet(info, NOW), expected);
  });

  it('ages objects from the given clock', () => {
    assert.match(renderGet(info, NOW + 24 * HOUR), /⟳ demo +Rollout +॥ Paused +26h$/m);
  });

  it('never throws and always renders, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.anything()), fc.array(fc.anything()), fc.array(fc.anything()), fc.array(fc.anything()), (rollout, replicaSets, pods, experiments, analysisRuns) => {
        const related = { replicaSets, pods, experiments, analysisRuns };
        assert.equal(typeof renderGet(rolloutInfo(rollout, related, NOW), NOW), 'string');
      }),
      { numRuns: 300 },
    );
  });
});
