import { strict as assert } from 'node:assert';
import { buildPanelState } from '../../../../src/core/panel/buildPanelState';
import { READ_ONLY_REASON } from '../../../../src/core/panel/panelActions';
import { CANARY_HASH, STABLE_HASH, clock, hugoReplicaSets, hugoRollout, panelInput } from './panelBuilders';

/** `promote promoteFull …` enabled ids, in button order. */
function enabled(rollout: unknown, extra: Parameters<typeof panelInput>[2] = {}): string {
  return buildPanelState(panelInput(rollout, [], extra)).actions.filter((a) => a.enabled).map((a) => a.id).join(' ');
}

function reasons(rollout: unknown): Record<string, string | undefined> {
  return Object.fromEntries(buildPanelState(panelInput(rollout, [])).actions.map((a) => [a.id, a.reason]));
}

const onPause = { phase: 'Paused', message: 'CanaryPauseStep', currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: clock('12:09:00') }], controllerPause: true };

describe('Rollout panel actions', () => {
  const cases: { name: string; rollout: unknown; want: string }[] = [
    { name: 'on a timed pause: Promote, and everything that acts on an update in flight', rollout: hugoRollout(onPause), want: 'promote promoteFull abort restart setImage undo' },
    { name: 'on a setWeight step: Promote skips it, and Pause is offered', rollout: hugoRollout({ phase: 'Progressing', currentStepIndex: 2 }), want: 'promote promoteFull abort pause restart setImage undo' },
    { name: 'paused by hand: Promote', rollout: { ...hugoRollout({ phase: 'Paused', currentStepIndex: 2 }), spec: { ...(hugoRollout().spec as object), paused: true } }, want: 'promote promoteFull abort restart setImage undo' },
    { name: 'aborted: only Retry and what starts anew', rollout: hugoRollout({ phase: 'Degraded', abort: true, currentStepIndex: 3 }), want: 'retry restart setImage undo' },
    { name: 'healthy and fully promoted: nothing to promote or abort', rollout: hugoRollout({ phase: 'Healthy', currentStepIndex: 8, stableRS: CANARY_HASH }), want: 'pause restart setImage undo' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(enabled(c.rollout), c.want);
    });
  }

  it('always lists the same eight buttons in the plugin\'s words: Promote both while paused and otherwise, no Resume', () => {
    const ids = (r: unknown): string[] => buildPanelState(panelInput(r, [])).actions.map((a) => a.id);
    assert.deepEqual(ids(hugoRollout(onPause)), ['promote', 'promoteFull', 'abort', 'retry', 'pause', 'restart', 'setImage', 'undo']);
    assert.deepEqual(ids(hugoRollout({ currentStepIndex: 2 })), ['promote', 'promoteFull', 'abort', 'retry', 'pause', 'restart', 'setImage', 'undo']);
    assert.deepEqual(buildPanelState(panelInput(hugoRollout(onPause), [])).actions.map((a) => a.label).slice(0, 2), ['Promote', 'Promote Full']);
  });

  it('says why an action is off', () => {
    assert.deepEqual(reasons(hugoRollout({ phase: 'Degraded', abort: true, currentStepIndex: 3 })), {
      promote: 'The rollout was aborted; retry it first.',
      promoteFull: 'The rollout was aborted; retry it first.',
      abort: 'The rollout is already aborted.',
      retry: undefined,
      pause: 'The rollout was aborted and is back on its stable version.',
      restart: undefined,
      setImage: undefined,
      undo: undefined,
    });
    const healthy = reasons(hugoRollout({ phase: 'Healthy', currentStepIndex: 8, stableRS: CANARY_HASH }));
    assert.deepEqual([healthy.promote, healthy.abort, healthy.retry], ['No update is in progress.', 'No update is in progress.', 'Only an aborted rollout can be retried.']);
    assert.equal(reasons(hugoRollout(onPause)).pause, 'The rollout is already paused.');
  });

  it('offers no Undo with a single revision', () => {
    const rollout = hugoRollout({ phase: 'Healthy', currentStepIndex: 8, stableRS: STABLE_HASH, currentPodHash: STABLE_HASH });
    const only = hugoReplicaSets().slice(0, 1);
    const state = buildPanelState({ ...panelInput(rollout, []), related: { replicaSets: only } });
    assert.deepEqual(state.actions.find((a) => a.id === 'undo'), { id: 'undo', label: 'Undo', enabled: false, reason: 'There is no earlier revision to go back to.' });
  });

  it('enables nothing when argoRollouts.readOnly is on, and says so', () => {
    const actions = buildPanelState(panelInput(hugoRollout(onPause), [], { readOnly: true })).actions;
    assert.equal(actions.length, 8);
    assert.ok(actions.every((a) => !a.enabled && a.reason === READ_ONLY_REASON));
    assert.equal(READ_ONLY_REASON, 'The argoRollouts.readOnly setting is on.');
  });
});

describe('the highlighted button of the panel', () => {
  const onTimedPause = { phase: 'Paused', message: 'CanaryPauseStep', currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: clock('12:09:00') }], controllerPause: true };
  const primary = (rollout: unknown): string | undefined => buildPanelState(panelInput(rollout, [])).primaryAction;

  it('is none on a Healthy rollout (not Pause), on one moving, and on a timed pause that ends by itself', () => {
    assert.equal(primary(hugoRollout({ phase: 'Healthy', currentStepIndex: 8, stableRS: CANARY_HASH })), undefined);
    assert.equal(primary(hugoRollout({ phase: 'Progressing', currentStepIndex: 2 })), undefined);
    assert.equal(primary(hugoRollout(onTimedPause)), undefined);
  });

  it('is Retry after an abort and Promote at a pause a user must end', () => {
    assert.equal(primary(hugoRollout({ phase: 'Degraded', abort: true, currentStepIndex: 3 })), 'retry');
    assert.equal(primary({ ...hugoRollout({ phase: 'Paused', currentStepIndex: 2 }), spec: { ...(hugoRollout().spec as object), paused: true } }), 'promote');
  });
});
