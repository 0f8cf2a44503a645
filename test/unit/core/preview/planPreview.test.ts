import * as assert from 'node:assert/strict';
import { templateCalls } from '../../../../src/core/preview/callerArgs';
import { planPreview } from '../../../../src/core/preview/planPreview';
import { templateMetrics } from '../../../../src/core/preview/templateMetrics';
import { ROLLOUT, TEMPLATES } from './previewFixtures';

describe('planPreview', () => {
  const [successRate, webCheck] = templateMetrics(TEMPLATES);

  it('finds where a Rollout calls a template: background analysis, not the cluster-scoped step of the same name', () => {
    assert.deepEqual(templateCalls(ROLLOUT, 'success-rate', false).map((c) => c.where), ['background analysis']);
    assert.deepEqual(templateCalls(ROLLOUT, 'success-rate', true).map((c) => c.where), ['step 2 analysis']);
    assert.deepEqual(templateCalls(ROLLOUT, 'nope', false), []);
  });

  it('resolves the query with the rollout’s args and the template defaults, spaces in tags included', () => {
    const call = templateCalls(ROLLOUT, 'success-rate', false)[0]!;
    const plan = planPreview(successRate!, { rolloutName: 'gitops-hugo', rollout: ROLLOUT, ...call }, { 'canary-hash': '6d9b7c' });
    assert.ok(plan.ok, JSON.stringify(plan));
    assert.match(plan.query, /exported_service="gitops-hugo-canary",exported_namespace="default"/);
    assert.doesNotMatch(plan.query, /\{\{/);
    assert.equal(plan.address, 'http://prometheus.monitoring:9090');
    assert.equal(plan.argsFrom, 'args of background analysis in Rollout gitops-hugo');
  });

  it('asks for the pod hash of a rollout that is not running yet, and for args nobody sets', () => {
    const call = templateCalls(ROLLOUT, 'success-rate', false)[0]!;
    const plan = planPreview(successRate!, { rolloutName: 'gitops-hugo', rollout: ROLLOUT, ...call }, {});
    assert.deepEqual(plan, { ok: false, missing: ['canary-hash'], error: 'Values needed for args.canary-hash.' });
    const alone = planPreview(successRate!, undefined, {});
    assert.ok(!alone.ok);
    assert.deepEqual(alone.missing, ['service-name', 'canary-hash']);
  });

  it('uses typed values when no rollout uses the template', () => {
    const plan = planPreview(successRate!, undefined, { 'service-name': 'web', 'canary-hash': 'abc' });
    assert.ok(plan.ok);
    assert.match(plan.query, /exported_service="web"/);
    assert.equal(plan.argsFrom, 'template defaults');
  });

  it('says a metric without a Prometheus query cannot be previewed', () => {
    assert.deepEqual(planPreview(webCheck!, undefined, {}), { ok: false, missing: [], error: 'Metric "web-check" has no Prometheus query to preview.' });
  });
});
