import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { canary, none, only, rollout } from './rolloutFixtures';

const STEPS = ['canary:', '  steps: []'];

describe('rollout count rules', () => {
  it('reports negative replicas at spec.replicas with the value underlined', () => {
    const text = rollout(['replicas: -2'], STEPS);
    const f = only(text, 'rollout-negative-count');
    assert.equal(f.message, 'Invalid value: -2: must be greater than or equal to 0');
    assert.equal(f.path, 'spec.replicas');
    assert.equal(underlined(text, f), '-2');
    assert.equal(f.severity, 'error');
  });

  it('reports negative minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds each at its own path', () => {
    const text = rollout(['minReadySeconds: -1', 'revisionHistoryLimit: -3', 'progressDeadlineSeconds: -5'], STEPS);
    const fs = findings(text, 'rollout-negative-count');
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, underlined(text, f)]),
      [
        ['spec.minReadySeconds', 'Invalid value: -1: must be greater than or equal to 0', '-1'],
        ['spec.revisionHistoryLimit', 'Invalid value: -3: must be greater than or equal to 0', '-3'],
        ['spec.progressDeadlineSeconds', 'Invalid value: -5: must be greater than or equal to 0', '-5'],
      ],
    );
  });

  it('accepts zero and positive counts, and ignores values of the wrong type', () => {
    none(rollout(['replicas: 0', 'minReadySeconds: 0', 'revisionHistoryLimit: 0'], STEPS), 'rollout-negative-count');
    none(rollout(['replicas: "-1"'], STEPS), 'rollout-negative-count');
  });

  it('reports progressDeadlineSeconds not greater than minReadySeconds at progressDeadlineSeconds', () => {
    const text = rollout(['minReadySeconds: 30', 'progressDeadlineSeconds: 30'], STEPS);
    const f = only(text, 'progress-deadline-not-above-min-ready');
    assert.equal(f.message, 'Invalid value: 30: must be greater than minReadySeconds');
    assert.equal(f.path, 'spec.progressDeadlineSeconds');
    assert.equal(underlined(text, f), '30');
  });

  it('compares minReadySeconds with the default deadline of 600 and underlines minReadySeconds then', () => {
    const text = rollout(['minReadySeconds: 600'], STEPS);
    const f = only(text, 'progress-deadline-not-above-min-ready');
    assert.equal(f.message, 'Invalid value: 600: must be greater than minReadySeconds — progressDeadlineSeconds defaults to 600');
    assert.equal(f.path, 'spec.progressDeadlineSeconds');
    assert.equal(underlined(text, f), '600');
    assert.ok(text.indexOf('minReadySeconds: 600') + 'minReadySeconds: '.length === f.span.start);
  });

  it('accepts a deadline above minReadySeconds', () => {
    none(rollout(['minReadySeconds: 599'], STEPS), 'progress-deadline-not-above-min-ready');
    none(canary(), 'progress-deadline-not-above-min-ready');
  });
});
