import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

const SERVICES = ['canaryService: c', 'stableService: s'];
const ISTIO = [...SERVICES, 'trafficRouting:', '  managedRoutes: [{name: hdr}, {name: mirror}]', '  istio: {virtualService: {name: vs}}'];
const ALB = [...SERVICES, 'trafficRouting:', '  managedRoutes: [{name: hdr}]', '  alb: {ingress: i, servicePort: 80}'];
const NGINX = [...SERVICES, 'trafficRouting:', '  managedRoutes: [{name: hdr}, {name: mirror}]', '  nginx: {stableIngress: i}'];

function headerStep(headerValue: string): string[] {
  return ['steps:', '  - setHeaderRoute:', '      name: hdr', '      match:', '        - headerName: x-canary', `          headerValue: ${headerValue}`];
}

describe('route step rules', () => {
  it('reports setHeaderRoute with nginx routing, printing the step object', () => {
    const text = canary(...NGINX, 'steps:', '  - setHeaderRoute: {name: hdr}');
    const f = only(text, 'set-header-route-router');
    assert.equal(f.message, 'Invalid value: {"name":"hdr"}: SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix');
    assert.equal(f.path, 'spec.strategy.steps[0].setHeaderRoute');
    assert.equal(underlined(text, f), 'setHeaderRoute');
  });

  it('accepts setHeaderRoute with Istio', () => {
    none(canary(...ISTIO, ...headerStep('{exact: "yes"}')), 'set-header-route-router');
    none(canary(...ISTIO, ...headerStep('{exact: "yes"}')), 'header-route-match');
  });

  it('reports a header match with two values for Istio', () => {
    const text = canary(...ISTIO, ...headerStep('{exact: a, prefix: b}'));
    const f = only(text, 'header-route-match');
    assert.equal(f.message, 'Invalid value: {"exact":"a","prefix":"b"}: StringMatch match value must have exactly one of the following: exact, regex, prefix');
    assert.equal(f.path, 'spec.strategy.steps[0].setHeaderRoute.match[0]');
    assert.equal(underlined(text, f), 'headerValue');
  });

  it('reports a header match without headerValue as missed, printing null', () => {
    const text = canary(...ISTIO, 'steps:', '  - setHeaderRoute: {name: hdr, match: [{headerName: x}]}');
    assert.equal(only(text, 'header-route-match').message, 'Invalid value: null: StringMatch value missed, match value must have one of the following: exact, regex, prefix');
  });

  it('reports a regex header match with ALB, which supports exact only', () => {
    const text = canary(...ALB, ...headerStep('{regex: ".*"}'));
    assert.equal(only(text, 'header-route-match').message, 'Invalid value: {"regex":".*"}: SetHeaderRoute match value invalid. ALB supports \'exact\' value only');
    none(canary(...ALB, ...headerStep('{exact: "1"}')), 'header-route-match');
  });

  it('reports setMirrorRoute without Istio or plugins', () => {
    const text = canary(...NGINX, 'steps:', '  - setMirrorRoute: {name: mirror, percentage: 10}');
    const f = only(text, 'set-mirror-route-router');
    assert.equal(f.message, 'Invalid value: {"name":"mirror","percentage":10}: SetMirrorRoute requires TrafficRouting, supports Istio and Plugins');
    assert.equal(f.path, 'spec.strategy.steps[0].setMirrorRoute');
    assert.equal(underlined(text, f), 'setMirrorRoute');
    none(canary(...ISTIO, 'steps:', '  - setMirrorRoute: {name: mirror}'), 'set-mirror-route-router');
  });

  it('reports bad method and path matches of a mirror route', () => {
    const text = canary(...ISTIO, 'steps:', '  - setMirrorRoute:', '      name: mirror', '      match:', '        - method: {}', '          path: {exact: /a, regex: /b}');
    const fs = findings(text, 'mirror-route-match');
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, underlined(text, f)]),
      [
        ['spec.strategy.steps[0].setMirrorRoute.match[0]', 'Invalid value: {}: StringMatch value missed, match value must have one of the following: exact, regex, prefix', 'method'],
        [
          'spec.strategy.steps[0].setMirrorRoute.match[0]',
          'Invalid value: {"exact":"/a","regex":"/b"}: StringMatch match value must have exactly one of the following: exact, regex, prefix',
          'path',
        ],
      ],
    );
    none(canary(...ISTIO, 'steps:', '  - setMirrorRoute: {name: mirror, match: [{method: {exact: GET}, path: {prefix: /}}]}'), 'mirror-route-match');
  });

  it('reports route steps when managedRoutes is absent, once per step', () => {
    const text = canary(...SERVICES, 'trafficRouting:', '  istio: {virtualService: {name: vs}}', ...headerStep('{exact: a}'));
    const f = only(text, 'managed-routes-required');
    assert.equal(f.message, "Required value: Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'");
    assert.equal(f.path, 'spec.strategy.trafficRouting.managedRoutes');
    assert.equal(underlined(text, f), 'setHeaderRoute');
    none(canary(...ISTIO, ...headerStep('{exact: a}')), 'managed-routes-required');
  });

  it('reports a route name missing from managedRoutes', () => {
    const text = canary(...ISTIO, 'steps:', '  - setHeaderRoute: {name: other}');
    const f = only(text, 'managed-route-not-found');
    assert.equal(f.message, 'Invalid value: "other": Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes');
    assert.equal(f.path, 'spec.strategy.steps[0].setHeaderRoute');
    assert.equal(underlined(text, f), 'other');
    none(canary(...ISTIO, 'steps:', '  - setHeaderRoute: {name: hdr}', '  - setMirrorRoute: {name: mirror}'), 'managed-route-not-found');
  });
});
