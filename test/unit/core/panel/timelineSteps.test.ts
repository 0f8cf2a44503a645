import { strict as assert } from 'node:assert';
import type { TimelineStep } from '../../../../src/shared/protocol';
import { pauseSeconds, timelineSteps } from '../../../../src/core/panel/timelineSteps';
import { CANARY_HASH, STABLE_HASH, clock, hugoRollout } from './panelBuilders';

/** `DDCPPPPP`: done, current, pending per step — the timeline at a glance. */
const states = (t: readonly TimelineStep[]): string => t.map((s) => ({ done: 'D', current: 'C', pending: 'P' })[s.state]).join('');

describe('Rollout panel timeline', () => {
  const cases: { name: string; status: Record<string, unknown>; want: string }[] = [
    { name: 'before the controller has started the update (no step index yet), every step is pending', status: { currentStepIndex: undefined }, want: 'PPPPPPPP' },
    { name: 'on the first step, the first step is current', status: { currentStepIndex: 0 }, want: 'CPPPPPPP' },
    { name: 'on the second pause, the steps before it are done', status: { currentStepIndex: 3 }, want: 'DDDCPPPP' },
    { name: 'past the last step, every step is done', status: { currentStepIndex: 8 }, want: 'DDDDDDDD' },
    { name: 'fully promoted (stable is the desired hash), every step is done', status: { currentStepIndex: 8, stableRS: CANARY_HASH }, want: 'DDDDDDDD' },
    { name: 'fully promoted by promote --full before the index moved, every step is done', status: { currentStepIndex: 2, stableRS: CANARY_HASH }, want: 'DDDDDDDD' },
    { name: 'a negative index (Go would panic) leaves every step pending', status: { currentStepIndex: -1 }, want: 'PPPPPPPP' },
    { name: 'an index of the wrong type reads as unset', status: { currentStepIndex: '3' }, want: 'PPPPPPPP' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(states(timelineSteps(hugoRollout(c.status))), c.want);
    });
  }

  it('writes each gitops-hugo step as the user wrote it, 0-based like status.currentStepIndex', () => {
    const t = timelineSteps(hugoRollout({ currentStepIndex: 0 }));
    assert.deepEqual(t.map((s) => [s.index, s.kind, s.text]), [
      [0, 'setWeight', 'setWeight: 10'], [1, 'pause', 'pause: 1m'], [2, 'setWeight', 'setWeight: 30'], [3, 'pause', 'pause: 1m'],
      [4, 'setWeight', 'setWeight: 50'], [5, 'pause', 'pause: 1m'], [6, 'setWeight', 'setWeight: 90'], [7, 'pause', 'pause: 1m'],
    ]);
  });

  it('counts down the current timed pause from its CanaryPauseStep start time', () => {
    const t = timelineSteps(hugoRollout({ currentStepIndex: 3, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: clock('12:09:20') }] }));
    assert.equal(t[3]?.pauseEndsAt, Date.parse(clock('12:10:20')));
    assert.deepEqual(t.filter((s) => s.pauseEndsAt !== undefined).map((s) => s.index), [3]);
  });

  it('gives no countdown for a pause until promoted', () => {
    const rollout = hugoRollout({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: clock('12:09:20') }] }, { steps: [{ setWeight: 20 }, { pause: {} }] });
    const t = timelineSteps(rollout);
    assert.equal(t[1]?.text, 'pause (until promoted)');
    assert.equal(t[1]?.state, 'current');
    assert.equal(t[1]?.pauseEndsAt, undefined);
  });

  it('gives no countdown for a timed pause the controller has not started (no pause condition yet)', () => {
    assert.equal(timelineSteps(hugoRollout({ currentStepIndex: 1 }))[1]?.pauseEndsAt, undefined);
  });

  it('shows a current analysis step with its templates', () => {
    const steps = [{ setWeight: 20 }, { analysis: { templates: [{ templateName: 'success-rate' }, { templateName: 'latency' }] } }, { setWeight: 100 }];
    const t = timelineSteps(hugoRollout({ currentStepIndex: 1 }, { steps }));
    assert.deepEqual([t[1]?.kind, t[1]?.text, states(t)], ['analysis', 'analysis: success-rate, latency', 'DCP']);
  });

  it('marks the step the rollout was aborted on, and only that one, with the steps before it done', () => {
    // Argo resets currentStepIndex to 0 on abort: the step comes from the caller.
    const t = timelineSteps(hugoRollout({ currentStepIndex: 0, abort: true }), 3);
    assert.deepEqual(t.filter((s) => s.abortedHere).map((s) => s.index), [3]);
    assert.deepEqual(t.filter((s) => s.state === 'done').map((s) => s.index), [0, 1, 2]);
  });

  it('marks no step of an aborted rollout when nobody knows where it stopped, rather than the first', () => {
    const t = timelineSteps(hugoRollout({ currentStepIndex: 0, abort: true }));
    assert.deepEqual(t.filter((s) => s.abortedHere || s.state !== 'pending'), []);
  });

  it('marks where background analysis starts (analysis.startingStep, 0-based)', () => {
    assert.deepEqual(timelineSteps(hugoRollout({ currentStepIndex: 0 })).filter((s) => s.analysisStartsHere).map((s) => s.index), [2]);
  });

  it('starts background analysis at the first step when startingStep is not set', () => {
    const rollout = hugoRollout({ currentStepIndex: 0 }, { analysis: { templates: [{ templateName: 'latency' }] } });
    assert.deepEqual(timelineSteps(rollout).filter((s) => s.analysisStartsHere).map((s) => s.index), [0]);
  });

  it('marks no analysis start without background analysis, or with a startingStep past the steps', () => {
    assert.equal(timelineSteps(hugoRollout({}, { analysis: undefined })).some((s) => s.analysisStartsHere), false);
    assert.equal(timelineSteps(hugoRollout({}, { analysis: { templates: [] } })).some((s) => s.analysisStartsHere), false);
    assert.equal(timelineSteps(hugoRollout({}, { analysis: { startingStep: 12, templates: [{ templateName: 'latency' }] } })).some((s) => s.analysisStartsHere), false);
  });

  it('has an empty timeline for a blue-green rollout', () => {
    const bg = { metadata: { name: 'bg' }, spec: { strategy: { blueGreen: { activeService: 'a' } } }, status: { currentPodHash: 'x', stableRS: STABLE_HASH } };
    assert.deepEqual(timelineSteps(bg), []);
  });

  it('words every kind of step', () => {
    const steps = [
      { setCanaryScale: { weight: 20 } },
      { setCanaryScale: { replicas: 3 } },
      { setCanaryScale: { matchTrafficWeight: true } },
      { experiment: { templates: [{ name: 'baseline' }, { name: 'canary' }] } },
      { setHeaderRoute: { name: 'header-route' } },
      { setMirrorRoute: { name: 'mirror' } },
      { plugin: { name: 'argoproj-labs/step' } },
      { pause: { duration: 30 } },
      { pause: { duration: '45' } },
      { pause: null },
      { bogus: 1 },
      'text',
      { setWeight: 20, setCanaryScale: { weight: 20 } },
    ];
    assert.deepEqual(timelineSteps(hugoRollout({}, { steps })).map((s) => `${s.kind} | ${s.text}`), [
      'setCanaryScale | setCanaryScale: weight 20',
      'setCanaryScale | setCanaryScale: replicas 3',
      'setCanaryScale | setCanaryScale: matchTrafficWeight',
      'experiment | experiment: baseline, canary',
      'setHeaderRoute | setHeaderRoute: header-route',
      'setMirrorRoute | setMirrorRoute: mirror',
      'plugin | plugin: argoproj-labs/step',
      'pause | pause: 30s',
      'pause | pause: 45s',
      'unknown | pause',
      'unknown | bogus',
      'unknown | unreadable step',
      'setWeight | setWeight: 20',
    ]);
  });

  it('reads pause durations as Argo does: integer seconds, Go durations truncated to seconds, nothing for what Argo refuses', () => {
    const table: [unknown, number | undefined][] = [[30, 30], ['30', 30], ['1m', 60], ['1h30m', 5400], ['1.5s', 1], ['500ms', 0], ['1d', undefined], [-5, undefined], ['-1m', undefined], [1.5, undefined], [undefined, undefined]];
    for (const [input, want] of table) assert.equal(pauseSeconds(input), want, String(input));
  });
});
