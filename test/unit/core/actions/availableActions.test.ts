import { strict as assert } from 'node:assert';
import type { ActionId } from '../../../../src/core/actions/actionIds';
import {
  type RolloutActionState,
  availableActions,
  availableExperimentActions,
  rolloutActionState,
  runningAnalysisRunNames,
} from '../../../../src/core/actions/availableActions';
import { aRollout } from './rolloutBuilder';

const HEALTHY: RolloutActionState = {
  phase: 'Healthy',
  aborted: false,
  pauseConditions: false,
  specPaused: false,
  strategy: 'canary',
  stepCount: 4,
  currentStepIndex: 4,
  fullyPromoted: true,
  revisionCount: 2,
  runningAnalysisRuns: 0,
  runningExperiment: false,
};

const ALWAYS: ActionId[] = ['restart', 'setImage', 'createAnalysisRun'];

function sorted(ids: Iterable<ActionId>): ActionId[] {
  return [...ids].sort();
}

describe('which actions are enabled', () => {
  const table: { state: string; s: Partial<RolloutActionState>; enabled: ActionId[] }[] = [
    { state: 'healthy canary', s: {}, enabled: [...ALWAYS, 'pause', 'undo'] },
    { state: 'healthy canary with a single revision', s: { revisionCount: 1 }, enabled: [...ALWAYS, 'pause'] },
    {
      state: 'canary paused at a step',
      s: { phase: 'Paused', pauseConditions: true, fullyPromoted: false, currentStepIndex: 1 },
      enabled: [...ALWAYS, 'promote', 'promoteFull', 'abort', 'undo'],
    },
    {
      state: 'canary running step analysis',
      s: { phase: 'Progressing', fullyPromoted: false, currentStepIndex: 2, runningAnalysisRuns: 1 },
      enabled: [...ALWAYS, 'promote', 'promoteFull', 'abort', 'pause', 'undo', 'terminateAnalysisRun'],
    },
    {
      state: 'canary past its last step, waiting for pods',
      s: { phase: 'Progressing', fullyPromoted: false, currentStepIndex: 4 },
      enabled: [...ALWAYS, 'promoteFull', 'abort', 'pause', 'undo'],
    },
    {
      state: 'canary running an experiment step',
      s: { phase: 'Progressing', fullyPromoted: false, currentStepIndex: 1, runningExperiment: true },
      enabled: [...ALWAYS, 'promote', 'promoteFull', 'abort', 'pause', 'undo', 'terminateExperiment'],
    },
    {
      state: 'aborted rollout',
      s: { phase: 'Degraded', aborted: true, fullyPromoted: false, currentStepIndex: 0 },
      enabled: [...ALWAYS, 'retry', 'undo'],
    },
    {
      state: 'aborted rollout that is also paused',
      s: { phase: 'Degraded', aborted: true, fullyPromoted: false, specPaused: true },
      enabled: [...ALWAYS, 'retry', 'undo'],
    },
    {
      state: 'healthy rollout paused by hand',
      s: { phase: 'Paused', specPaused: true },
      enabled: [...ALWAYS, 'promote', 'undo'],
    },
    {
      state: 'blue-green waiting for promotion',
      s: { phase: 'Paused', strategy: 'blueGreen', stepCount: 0, currentStepIndex: undefined, pauseConditions: true, fullyPromoted: false },
      enabled: [...ALWAYS, 'promote', 'promoteFull', 'abort', 'undo'],
    },
    {
      state: 'blue-green rolling out without a pause',
      s: { phase: 'Progressing', strategy: 'blueGreen', stepCount: 0, currentStepIndex: undefined, fullyPromoted: false },
      enabled: [...ALWAYS, 'promoteFull', 'abort', 'pause', 'undo'],
    },
    {
      state: 'degraded by a progress deadline, not aborted',
      s: { phase: 'Degraded', fullyPromoted: false, currentStepIndex: 1 },
      enabled: [...ALWAYS, 'promote', 'promoteFull', 'abort', 'pause', 'undo'],
    },
  ];
  for (const row of table) {
    it(`${row.state}: ${sorted(row.enabled).join(', ')}`, () => {
      assert.deepEqual(sorted(availableActions({ ...HEALTHY, ...row.s })), sorted(row.enabled));
    });
  }

  it('offers no Promote on an aborted rollout and no Retry on a healthy one', () => {
    assert.equal(availableActions({ ...HEALTHY, aborted: true, fullyPromoted: false, pauseConditions: true }).has('promote'), false);
    assert.equal(availableActions(HEALTHY).has('retry'), false);
  });

  it('hides every mutating action in read-only mode', () => {
    const paused = { ...HEALTHY, phase: 'Paused' as const, pauseConditions: true, fullyPromoted: false };
    assert.deepEqual(sorted(availableActions(paused, { readOnly: true })), []);
    assert.deepEqual(sorted(availableExperimentActions('Running', { readOnly: true })), []);
  });

  it('reads the state from a rollout object', () => {
    const rollout = aRollout()
      .withCanarySteps(4)
      .updating()
      .withStatus({
        currentStepIndex: 1,
        pauseConditions: [{ reason: 'CanaryPauseStep' }],
        canary: {
          currentStepAnalysisRunStatus: { name: 'web-step', status: 'Successful' },
          currentBackgroundAnalysisRunStatus: { name: 'web-bg', status: 'Running' },
          currentExperiment: 'web-exp',
        },
      })
      .build();
    assert.deepEqual(rolloutActionState(rollout, { phase: 'Paused', revisionCount: 3 }), {
      phase: 'Paused',
      aborted: false,
      pauseConditions: true,
      specPaused: false,
      strategy: 'canary',
      stepCount: 4,
      currentStepIndex: 1,
      fullyPromoted: false,
      revisionCount: 3,
      runningAnalysisRuns: 1,
      runningExperiment: true,
    });
    assert.deepEqual(runningAnalysisRunNames(rollout), ['web-bg']);
  });

  it('reads an odd object without throwing, as a settled rollout without history', () => {
    const s = rolloutActionState({ spec: 'x', status: { abort: 'yes', pauseConditions: 3 } }, { phase: undefined, revisionCount: 0 });
    assert.equal(s.aborted, false);
    assert.equal(s.pauseConditions, false);
    assert.equal(s.strategy, undefined);
    assert.deepEqual(sorted(availableActions(s)), sorted([...ALWAYS, 'pause']));
  });

  it('offers terminate for a running experiment and retry for a failed one', () => {
    assert.deepEqual(sorted(availableExperimentActions('Running')), ['terminateExperiment']);
    assert.deepEqual(sorted(availableExperimentActions('Failed')), ['retryExperiment']);
    assert.deepEqual(sorted(availableExperimentActions('Successful')), []);
  });
});
