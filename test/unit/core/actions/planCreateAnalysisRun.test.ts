import { strict as assert } from 'node:assert';
import {
  analysisRunCreatedMessage,
  analysisTemplateRequest,
  planCreateAnalysisRun,
  requiredArgs,
  templateArgs,
  trackingNotice,
} from '../../../../src/core/actions/planCreateAnalysisRun';

const template = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AnalysisTemplate',
  metadata: { name: 'success-rate', namespace: 'shop', resourceVersion: '1234', labels: { team: 'web' } },
  spec: {
    args: [
      { name: 'service-name' },
      { name: 'threshold', value: '0.95' },
      { name: 'api-token', valueFrom: { secretKeyRef: { name: 'tokens', key: 'api' } } },
    ],
    metrics: [{ name: 'success-rate', provider: { prometheus: { address: 'http://prom:9090', query: 'up' } } }],
  },
};

describe('create analysisrun', () => {
  it('GETs the AnalysisTemplate in the namespace, or the ClusterAnalysisTemplate with --global', () => {
    assert.deepEqual(analysisTemplateRequest('shop', 'success-rate', false), {
      method: 'GET',
      path: '/apis/argoproj.io/v1alpha1/namespaces/shop/analysistemplates/success-rate',
      rbac: { group: 'argoproj.io', resource: 'analysistemplates', verb: 'get', namespace: 'shop' },
    });
    assert.deepEqual(analysisTemplateRequest('shop', 'success-rate', true), {
      method: 'GET',
      path: '/apis/argoproj.io/v1alpha1/clusteranalysistemplates/success-rate',
      rbac: { group: 'argoproj.io', resource: 'clusteranalysistemplates', verb: 'get' },
    });
  });

  it('tells which arguments have to be prompted for', () => {
    assert.deepEqual(requiredArgs(template), ['service-name']);
    assert.deepEqual(templateArgs(template), [
      { name: 'service-name' },
      { name: 'threshold', value: '0.95' },
      { name: 'api-token', valueFrom: { secretKeyRef: { name: 'tokens', key: 'api' } } },
    ]);
  });

  it('builds the run from the template with the arguments merged and POSTs it', () => {
    const plan = planCreateAnalysisRun(template, { namespace: 'shop', args: { 'service-name': 'web', threshold: '0.99', unknown: 'x' } });
    assert.ok('run' in plan, JSON.stringify(plan));
    assert.deepEqual(plan.run, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisRun',
      metadata: { name: '', namespace: 'shop', labels: { team: 'web' }, generateName: 'success-rate-' },
      spec: {
        args: [
          { name: 'service-name', value: 'web' },
          { name: 'threshold', value: '0.99' },
          { name: 'api-token', valueFrom: { secretKeyRef: { name: 'tokens', key: 'api' } } },
        ],
        metrics: template.spec.metrics,
      },
    });
    assert.deepEqual(plan.requests, [
      {
        method: 'POST',
        path: '/apis/argoproj.io/v1alpha1/namespaces/shop/analysisruns',
        contentType: 'application/json',
        body: plan.run,
        rbac: { group: 'argoproj.io', resource: 'analysisruns', verb: 'create', namespace: 'shop' },
      },
    ]);
  });

  it('leaves the fetched template untouched', () => {
    const before = JSON.stringify(template);
    planCreateAnalysisRun(template, { namespace: 'shop', args: { 'service-name': 'web' } });
    assert.equal(JSON.stringify(template), before);
  });

  it('uses --name over --generate-name over "<template>-"', () => {
    const meta = (o: { name?: string; generateName?: string }) => {
      const plan = planCreateAnalysisRun(template, { namespace: 'shop', args: { 'service-name': 'web' }, ...o });
      assert.ok('run' in plan);
      const m = plan.run['metadata'] as Record<string, unknown>;
      return [m['name'], m['generateName']];
    };
    assert.deepEqual(meta({ name: 'check-1', generateName: 'g-' }), ['check-1', '']);
    assert.deepEqual(meta({ generateName: 'g-' }), ['', 'g-']);
    assert.deepEqual(meta({}), ['', 'success-rate-']);
  });

  it('lists every argument left without a value, in the plugin\'s wording', () => {
    const t = { ...template, spec: { ...template.spec, args: [{ name: 'a' }, { name: 'b' }, { name: 'c', value: '1' }] } };
    assert.deepEqual(planCreateAnalysisRun(t, { namespace: 'shop', args: {} }), {
      error: 'args.a was not resolved; args.b was not resolved',
      missing: ['a', 'b'],
    });
  });

  it('passes the given arguments through when the template declares none, as the plugin', () => {
    const t = { metadata: { name: 't' }, spec: { metrics: [] } };
    const plan = planCreateAnalysisRun(t, { namespace: 'shop', args: { x: '1' } });
    assert.ok('run' in plan);
    assert.deepEqual((plan.run['spec'] as Record<string, unknown>)['args'], [{ name: 'x', value: '1' }]);
    const none = planCreateAnalysisRun(t, { namespace: 'shop', args: {} });
    assert.ok('run' in none);
    assert.equal('args' in (none.run['spec'] as Record<string, unknown>), false);
  });

  it('rejects a nameless template without a name, and malformed args, instead of throwing', () => {
    assert.deepEqual(planCreateAnalysisRun({ spec: {} }, { namespace: 'shop', args: {} }), { error: 'name is invalid' });
    assert.deepEqual(planCreateAnalysisRun({ metadata: { name: 't' }, spec: { args: [{ name: 'n', value: 5 }] } }, { namespace: 'shop', args: {} }), {
      error: 'args.n: value must be a string',
    });
    assert.deepEqual(planCreateAnalysisRun('nope', { namespace: 'shop', args: {} }), { error: 'the template is not an object' });
  });

  it('prints the plugin line with the name the server gave', () => {
    assert.equal(analysisRunCreatedMessage('success-rate-x7k2p'), 'analysisrun.argoproj.io/success-rate-x7k2p created');
  });

  describe('a template deployed by Argo CD', () => {
    const tracked = {
      ...template,
      metadata: {
        ...template.metadata,
        labels: { team: 'web', 'app.kubernetes.io/instance': 'shop' },
        annotations: { 'argocd.argoproj.io/tracking-id': 'shop:argoproj.io/AnalysisTemplate:shop/success-rate', owner: 'sre' },
      },
    };

    it('copies the template\'s labels and annotations but leaves out Argo CD\'s tracking label and annotation, so prune does not delete the run', () => {
      const plan = planCreateAnalysisRun(tracked, { namespace: 'shop', args: { 'service-name': 'web' } });
      assert.ok(!('error' in plan));
      assert.deepEqual(plan.run['metadata'], { name: '', namespace: 'shop', generateName: 'success-rate-', labels: { team: 'web' }, annotations: { owner: 'sre' } });
    });

    it('says so in the confirmation, naming what it leaves out', () => {
      assert.equal(trackingNotice(tracked), 'The template\'s other labels and annotations are copied, but not Argo CD\'s tracking '
        + 'label app.kubernetes.io/instance=shop, annotation argocd.argoproj.io/tracking-id: with them Argo CD would count the run as part of its application '
        + 'and, with auto-sync and prune, delete it mid-analysis.');
      assert.equal(trackingNotice(template), undefined);
    });
  });
});
