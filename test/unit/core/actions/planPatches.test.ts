import { strict as assert } from 'node:assert';
import type { ActionPlan } from '../../../../src/core/actions/kubeRequest';
import {
  planAbort,
  planPause,
  planRetry,
  planRetryExperiment,
  planTerminateAnalysisRun,
  planTerminateExperiment,
} from '../../../../src/core/actions/planPatches';

const ROLLOUT = '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web';
const MERGE = 'application/merge-patch+json';

describe('single-patch actions', () => {
  const cases: { title: string; plan: ActionPlan; path: string; body: unknown; rbac: unknown; message: string }[] = [
    {
      title: 'abort patches status.abort=true on the status subresource',
      plan: planAbort({ namespace: 'shop', name: 'web' }),
      path: `${ROLLOUT}/status`,
      body: { status: { abort: true } },
      rbac: { group: 'argoproj.io', resource: 'rollouts', subresource: 'status', verb: 'patch', namespace: 'shop' },
      message: "rollout 'web' aborted",
    },
    {
      title: 'retry patches status.abort=false on the status subresource',
      plan: planRetry({ namespace: 'shop', name: 'web' }),
      path: `${ROLLOUT}/status`,
      body: { status: { abort: false } },
      rbac: { group: 'argoproj.io', resource: 'rollouts', subresource: 'status', verb: 'patch', namespace: 'shop' },
      message: "rollout 'web' retried",
    },
    {
      title: 'pause sets spec.paused on the rollout',
      plan: planPause({ namespace: 'shop', name: 'web' }),
      path: ROLLOUT,
      body: { spec: { paused: true } },
      rbac: { group: 'argoproj.io', resource: 'rollouts', verb: 'patch', namespace: 'shop' },
      message: "rollout 'web' paused",
    },
    {
      title: 'terminate analysisrun sets spec.terminate on the run',
      plan: planTerminateAnalysisRun({ namespace: 'shop', name: 'web-6d4f-2-1' }),
      path: '/apis/argoproj.io/v1alpha1/namespaces/shop/analysisruns/web-6d4f-2-1',
      body: { spec: { terminate: true } },
      rbac: { group: 'argoproj.io', resource: 'analysisruns', verb: 'patch', namespace: 'shop' },
      message: "analysisRun 'web-6d4f-2-1' terminated",
    },
    {
      title: 'terminate experiment sets spec.terminate on the experiment',
      plan: planTerminateExperiment({ namespace: 'shop', name: 'web-exp' }),
      path: '/apis/argoproj.io/v1alpha1/namespaces/shop/experiments/web-exp',
      body: { spec: { terminate: true } },
      rbac: { group: 'argoproj.io', resource: 'experiments', verb: 'patch', namespace: 'shop' },
      message: "experiment 'web-exp' terminated",
    },
    {
      title: 'retry experiment clears the whole status on the experiment',
      plan: planRetryExperiment({ namespace: 'shop', name: 'web-exp' }),
      path: '/apis/argoproj.io/v1alpha1/namespaces/shop/experiments/web-exp',
      body: { status: null },
      rbac: { group: 'argoproj.io', resource: 'experiments', verb: 'patch', namespace: 'shop' },
      message: "experiment 'web-exp' retried",
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      assert.equal(c.plan.requests.length, 1);
      const [r] = c.plan.requests;
      assert.equal(r?.method, 'PATCH');
      assert.equal(r?.path, c.path);
      assert.equal(r?.contentType, MERGE);
      assert.equal(JSON.stringify(r?.body), JSON.stringify(c.body));
      assert.deepEqual(r?.rbac, c.rbac);
      assert.equal(c.plan.message, c.message);
    });
  }

  it('abort and retry fall back to the same patch on the rollout itself when the status subresource is missing', () => {
    for (const plan of [planAbort({ namespace: 'shop', name: 'web' }), planRetry({ namespace: 'shop', name: 'web' })]) {
      const [r] = plan.requests;
      assert.equal(r?.onNotFound?.length, 1);
      assert.equal(r?.onNotFound?.[0]?.path, ROLLOUT);
      assert.deepEqual(r?.onNotFound?.[0]?.body, r?.body);
      assert.equal(r?.onNotFound?.[0]?.contentType, MERGE);
    }
  });

  it('encodes names so a hostile name cannot change the path', () => {
    const [r] = planPause({ namespace: 'shop', name: '../secrets/x' }).requests;
    assert.equal(r?.path, '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/..%2Fsecrets%2Fx');
  });
});
