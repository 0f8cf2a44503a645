import { strict as assert } from 'node:assert';
import { applyFix, findings, underlined } from '../../../../support/lintHelpers';
import { canaryServiceNameFor } from '../../../../../../src/core/lint/rules/rollout/trafficRoutingServicesRule';
import { canary, none, only } from './rolloutFixtures';

const RULE = 'traffic-routing-services-required';
const MESSAGE =
  'Invalid value: "": Canary service and Stable service must to be set to use Traffic Routing' +
  " — the traffic router splits traffic between two Services, canaryService for the new version's pods and stableService for the current one's";

describe('traffic routing Services rule', () => {
  it('reports a missing canaryService for nginx at spec.strategy.canaryService', () => {
    const text = canary('stableService: app-stable', 'trafficRouting:', '  nginx: {stableIngress: web}');
    const f = only(text, RULE);
    assert.equal(f.message, MESSAGE);
    assert.equal(f.path, 'spec.strategy.canaryService');
    assert.equal(underlined(text, f), 'canary');
  });

  it('fixes a missing canaryService by naming it after the stable Service', () => {
    const text = canary('stableService: app-stable', 'trafficRouting:', '  nginx: {stableIngress: web}');
    const f = only(text, RULE);
    assert.equal(f.fix?.title, 'Add the missing canaryService: app-canary');
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n {6}stableService: app-stable\n {6}canaryService: app-canary\n/, 'inserted right after stableService');
    assert.deepEqual(findings(fixed, RULE), []);
    assert.deepEqual(findings(fixed, 'yaml-syntax'), []);
  });

  it('fixes an empty canaryService value in place', () => {
    const text = canary('canaryService: ""', 'stableService: web', 'trafficRouting:', '  smi: {}');
    const fixed = applyFix(text, only(text, RULE));
    assert.match(fixed, /canaryService: web-canary\n/);
    none(fixed, RULE);
  });

  it('names the canary Service after the stable one', () => {
    assert.equal(canaryServiceNameFor('app-stable'), 'app-canary');
    assert.equal(canaryServiceNameFor('stable'), 'canary');
    assert.equal(canaryServiceNameFor('web'), 'web-canary');
  });

  it('reports both Services missing without a fix', () => {
    const text = canary('trafficRouting:', '  alb: {ingress: web, servicePort: 80}');
    const fs = findings(text, RULE);
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, f.fix]),
      [
        ['spec.strategy.stableService', MESSAGE, undefined],
        ['spec.strategy.canaryService', MESSAGE, undefined],
      ],
    );
  });

  it('does not require the Services for plugins, Istio subsets, ALB/Istio with pingPong, or no routing', () => {
    none(canary('trafficRouting:', '  plugins: {x/y: {}}'), RULE);
    none(canary('trafficRouting:', '  istio:', '    virtualService: {name: vs}', '    destinationRule: {name: dr, canarySubsetName: c, stableSubsetName: s}'), RULE);
    none(canary('pingPong: {pingService: a, pongService: b}', 'trafficRouting:', '  alb: {ingress: web, servicePort: 80, rootService: r}'), RULE);
    none(canary('pingPong: {pingService: a, pongService: b}', 'trafficRouting:', '  istio: {virtualService: {name: vs}}'), RULE);
    none(canary('steps: [{setWeight: 10}]'), RULE);
  });

  it('requires the Services for every host-level router', () => {
    for (const router of ['istio: {virtualService: {name: vs}}', 'smi: {}', 'apisix: {}', 'ambassador: {}', 'appMesh: {}', 'traefik: {}']) {
      assert.equal(findings(canary('trafficRouting:', `  ${router}`), RULE).length, 2, router);
    }
  });

  it('accepts both Services set', () => {
    none(canary('canaryService: c', 'stableService: s', 'trafficRouting:', '  nginx: {stableIngress: web}'), RULE);
  });
});
