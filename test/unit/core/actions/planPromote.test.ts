import { strict as assert } from 'node:assert';
import { planPromote } from '../../../../src/core/actions/planPromote';
import { REF, aRollout } from './rolloutBuilder';

const ROLLOUT = '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web';
const STATUS = `${ROLLOUT}/status`;
const MERGE = 'application/merge-patch+json';

/** Each request as "METHOD path body" with the body serialized, so key order is checked too. */
function lines(requests: readonly { method: string; path: string; body?: unknown }[]): string[] {
  return requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`);
}

describe('promote', () => {
  const cases: { title: string; rollout: unknown; full?: boolean; expected: string[] }[] = [
    {
      title: 'clears the pause conditions of a rollout paused at a step',
      rollout: aRollout().withCanarySteps(4).updating().withStatus({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }] }).build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null}}`],
    },
    {
      title: 'clears the pause conditions of a blue-green rollout waiting for promotion',
      rollout: aRollout().blueGreen().updating().withStatus({ pauseConditions: [{ reason: 'BlueGreenPause' }] }).build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null}}`],
    },
    {
      title: 'then unpauses the spec of a rollout that was also paused by hand',
      rollout: aRollout().withCanarySteps(4).pausedBySpec().updating().withStatus({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }] }).build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null}}`, `PATCH ${ROLLOUT} {"spec":{"paused":false}}`],
    },
    {
      title: 'skips the step in flight of a canary that is not paused',
      rollout: aRollout().withCanarySteps(4).updating().withStatus({ currentStepIndex: 2 }).build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null,"currentStepIndex":3}}`],
    },
    {
      title: 'reads an unset step index as 0',
      rollout: aRollout().withCanarySteps(4).updating().build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null,"currentStepIndex":1}}`],
    },
    {
      title: 'caps the step index at the step count',
      rollout: aRollout().withCanarySteps(4).updating().withStatus({ currentStepIndex: 4 }).build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null,"currentStepIndex":4}}`],
    },
    {
      title: 'after inconclusive step analysis, clears controllerPause and moves to the next step',
      rollout: aRollout()
        .withCanarySteps(4)
        .updating()
        .withStatus({
          currentStepIndex: 1,
          controllerPause: true,
          pauseConditions: [{ reason: 'InconclusiveAnalysisRun' }],
          canary: { currentStepAnalysisRunStatus: { name: 'web-run', status: 'Inconclusive' } },
        })
        .build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null,"controllerPause":false,"currentStepIndex":2}}`],
    },
    {
      title: 'with inconclusive analysis but no controllerPause, only clears the pause conditions',
      rollout: aRollout()
        .withCanarySteps(4)
        .updating()
        .withStatus({
          currentStepIndex: 1,
          pauseConditions: [{ reason: 'InconclusiveAnalysisRun' }],
          canary: { currentStepAnalysisRunStatus: { name: 'web-run', status: 'Inconclusive' } },
        })
        .build(),
      expected: [`PATCH ${STATUS} {"status":{"pauseConditions":null}}`],
    },
    {
      title: 'sends only the spec unpause for a settled rollout paused by hand',
      rollout: aRollout().blueGreen().pausedBySpec().settled().build(),
      expected: [`PATCH ${ROLLOUT} {"spec":{"paused":false}}`],
    },
    {
      title: 'sends nothing for a running blue-green rollout, as the plugin',
      rollout: aRollout().blueGreen().updating().build(),
      expected: [],
    },
    {
      title: 'sends nothing for a canary without steps that is not paused',
      rollout: aRollout().updating().build(),
      expected: [],
    },
    {
      title: '--full sets promoteFull while an update is in flight',
      rollout: aRollout().withCanarySteps(4).updating().withStatus({ currentStepIndex: 1 }).build(),
      full: true,
      expected: [`PATCH ${STATUS} {"status":{"promoteFull":true}}`],
    },
    {
      title: '--full also unpauses a rollout paused by hand, after the status patch',
      rollout: aRollout().withCanarySteps(4).pausedBySpec().updating().build(),
      full: true,
      expected: [`PATCH ${STATUS} {"status":{"promoteFull":true}}`, `PATCH ${ROLLOUT} {"spec":{"paused":false}}`],
    },
    {
      title: '--full sends nothing when the rollout is already fully promoted',
      rollout: aRollout().withCanarySteps(4).settled().withStatus({ currentStepIndex: 4 }).build(),
      full: true,
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const plan = planPromote(REF, c.rollout, { full: c.full ?? false });
      assert.deepEqual(lines(plan.requests), c.expected);
      for (const r of plan.requests) assert.equal(r.contentType, MERGE);
    });
  }

  it('asks RBAC for patch on rollouts/status for the status patch and on rollouts for the spec patch', () => {
    const plan = planPromote(REF, aRollout().withCanarySteps(2).pausedBySpec().updating().withStatus({ pauseConditions: [{}] }).build(), { full: false });
    assert.deepEqual(
      plan.requests.map((r) => r.rbac),
      [
        { group: 'argoproj.io', resource: 'rollouts', subresource: 'status', verb: 'patch', namespace: 'shop' },
        { group: 'argoproj.io', resource: 'rollouts', verb: 'patch', namespace: 'shop' },
      ],
    );
  });

  it('falls back to one unified spec+status patch when the status subresource is missing', () => {
    const paused = planPromote(REF, aRollout().withCanarySteps(2).pausedBySpec().updating().withStatus({ pauseConditions: [{}] }).build(), { full: false });
    assert.deepEqual(lines(paused.requests[0]?.onNotFound ?? []), [`PATCH ${ROLLOUT} {"spec":{"paused":false},"status":{"pauseConditions":null}}`]);
    const midStep = planPromote(REF, aRollout().withCanarySteps(4).updating().withStatus({ currentStepIndex: 0 }).build(), { full: false });
    assert.deepEqual(lines(midStep.requests[0]?.onNotFound ?? []), [
      `PATCH ${ROLLOUT} {"spec":{"paused":false},"status":{"pauseConditions":null,"currentStepIndex":1}}`,
    ]);
  });

  it('prints the plugin lines', () => {
    const r = aRollout().withCanarySteps(2).updating().build();
    assert.equal(planPromote(REF, r, { full: false }).message, "rollout 'web' promoted");
    assert.equal(planPromote(REF, r, { full: true }).message, "rollout 'web' fully promoted");
  });

  it('does not throw on a rollout with fields of the wrong type', () => {
    const odd = { spec: { paused: 'yes', strategy: { canary: { steps: 'many' } } }, status: { pauseConditions: {}, currentStepIndex: 'two' } };
    assert.deepEqual(planPromote(REF, odd, { full: false }).requests, []);
    assert.deepEqual(planPromote(REF, null, { full: true }).requests, []);
  });
});
