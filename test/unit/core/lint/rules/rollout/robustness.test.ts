import { strict as assert } from 'node:assert';
import { rolloutRules } from '../../../../../../src/core/lint/rules/rollout/rolloutRules';
import { findings, yaml } from '../../../../support/lintHelpers';
import { rolloutWithSpec } from './rolloutFixtures';

// Values of every wrong shape, put where the rules expect maps, lists, strings and numbers.
const ODD = ['null', '"x"', '7', '[]', '[1, "a", null]', '{}', 'true', '{a: [1]}'];

const PLACES: ((v: string) => string)[] = [
  (v) => rolloutWithSpec(`selector: ${v}`, `template: ${v}`, `strategy: ${v}`),
  (v) => rolloutWithSpec(`selector: {matchLabels: ${v}, matchExpressions: ${v}}`, `template: {metadata: {labels: ${v}}, spec: {containers: ${v}, restartPolicy: ${v}}}`),
  (v) => rolloutWithSpec(`replicas: ${v}`, `workloadRef: ${v}`, `strategy: {canary: ${v}}`),
  (v) => rolloutWithSpec(`strategy: {blueGreen: {activeService: ${v}, antiAffinity: ${v}, scaleDownDelayRevisionLimit: ${v}}}`),
  (v) =>
    rolloutWithSpec(
      `strategy: {canary: {maxSurge: ${v}, maxUnavailable: ${v}, pingPong: ${v}, trafficRouting: ${v}, steps: ${v}, analysis: ${v}, antiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: ${v}}}}`,
    ),
  (v) =>
    rolloutWithSpec(
      `strategy: {canary: {trafficRouting: {alb: ${v}, istio: ${v}, managedRoutes: ${v}, maxTrafficWeight: ${v}, plugins: ${v}}, steps: [${v}, {pause: ${v}}, {setWeight: ${v}}, {setHeaderRoute: ${v}}, {setMirrorRoute: {match: ${v}}}, {experiment: {templates: ${v}, analyses: ${v}}}, {analysis: {args: ${v}}}]}}`,
    ),
  (v) =>
    rolloutWithSpec(
      `strategy: {canary: {trafficRouting: {istio: {}}, steps: [{setHeaderRoute: {match: [${v}, {headerValue: ${v}}]}}, {setMirrorRoute: {match: [{method: ${v}, path: ${v}}]}}, {analysis: {args: [{valueFrom: {fieldRef: {fieldPath: ${v}}}}]}}, {experiment: {templates: [{weight: ${v}}]}}]}}`,
    ),
];

describe('rollout rules on odd input', () => {
  it('never crash on values of the wrong type', () => {
    const ids = new Set<string>(rolloutRules.map((r) => r.id));
    for (const place of PLACES) {
      for (const v of ODD) {
        const text = place(v);
        const crashes = findings(text, 'internal-error');
        assert.deepEqual(crashes.map((f) => f.message), [], text);
        for (const f of findings(text)) if (ids.has(f.rule)) assert.ok(f.span.end >= f.span.start && f.span.end <= text.length);
      }
    }
  });

  it('never crash on a non-map spec or an empty document', () => {
    for (const spec of ['spec: 5', 'spec: []', 'spec: null', '']) {
      assert.deepEqual(findings(yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', spec), 'internal-error'), []);
    }
  });

  it('have unique kebab-case ids, a title, a description and a source', () => {
    const ids = rolloutRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of rolloutRules) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(r.title && r.description && r.source, r.id);
      assert.deepEqual(r.kinds, ['Rollout']);
      // Rollout rules check the document alone; one reads the index for its quick fix only (it creates
      // the canary Service next to the stable one it finds).
      assert.ok(!('usesIndex' in r) || !r.usesIndex || r.id === 'traffic-routing-services-required', r.id);
    }
  });
});
