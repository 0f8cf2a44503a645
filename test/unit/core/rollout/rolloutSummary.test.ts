import { strict as assert } from 'node:assert';
import { rolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { rolloutDescription, rolloutTooltip } from '../../../../src/core/rollout/rolloutSummary';
import { NOW, blueGreenRollout, canaryRollout, replicaSet } from './builders';

const steps = [{ setWeight: 10 }, { pause: {} }, { setWeight: 20 }, { setWeight: 30 }, { pause: {} }, { setWeight: 60 }, { pause: {} }, { setWeight: 80 }];

describe('Rollout description and tooltip for the tree', () => {
  const paused = rolloutInfo(
    canaryRollout({ steps, status: { phase: 'Paused', message: 'CanaryPauseStep', currentStepIndex: 4, stableRS: 's', currentPodHash: 'c', replicas: 5, updatedReplicas: 2, readyReplicas: 5, availableReplicas: 5 } }),
    { replicaSets: [replicaSet('s', { hash: 's', replicas: 3, images: ['app:v1'] }), replicaSet('c', { hash: 'c', revision: 2, replicas: 2, images: ['app:v2'] })] },
    NOW,
  );
  it('describes a paused canary by phase, step and weight', () => assert.equal(rolloutDescription(paused), 'Paused · step 4/8 · 30%'));
  it('describes a canary without known step by phase and weight', () => {
    assert.equal(rolloutDescription(rolloutInfo(canaryRollout({ status: { phase: 'Healthy' } }), {}, NOW)), 'Healthy · 100%');
  });
  it('describes a blueGreen rollout by its phase alone', () => {
    assert.equal(rolloutDescription(rolloutInfo(blueGreenRollout({ status: { phase: 'Progressing', message: 'active service cutover pending' } }), {}, NOW)), 'Progressing');
  });
  it('puts message, step and weights, images and replicas in the tooltip', () => {
    assert.equal(
      rolloutTooltip(paused),
      [
        'demo (ns)',
        '॥ Paused',
        'CanaryPauseStep',
        'Canary · step 4/8 · SetWeight 30% · ActualWeight 40%',
        'Images:',
        '  app:v1 (stable)',
        '  app:v2 (canary)',
        'Replicas: desired 4 · current 5 · updated 2 · ready 5 · available 5',
      ].join('\n'),
    );
  });
  it('leaves out the message and images when there are none', () => {
    const bg = rolloutInfo(blueGreenRollout({ status: { phase: 'Healthy' } }), {}, NOW);
    assert.equal(rolloutTooltip(bg), ['bg (ns)', '✔ Healthy', 'BlueGreen', 'Replicas: desired 2 · current 0 · updated 0 · ready 0 · available 0'].join('\n'));
  });
});
