import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

const PING_PONG = ['pingPong:', '  pingService: ping', '  pongService: pong'];

describe('ping-pong rules', () => {
  it('reports pingPong with an unsupported router at spec.strategy.trafficRouting.alb', () => {
    const text = canary(...PING_PONG, 'trafficRouting:', '  nginx: {stableIngress: web}');
    const f = only(text, 'ping-pong-router');
    assert.equal(f.message, 'Invalid value: null: Ping-pong feature works with the ALB, Istio, and plugin-based traffic routers only');
    assert.equal(f.path, 'spec.strategy.trafficRouting.alb');
    assert.equal(underlined(text, f), 'trafficRouting');
  });

  it('accepts pingPong with ALB, Istio, plugins, or without trafficRouting', () => {
    none(canary(...PING_PONG, 'trafficRouting:', '  alb: {ingress: web, rootService: root, servicePort: 80}'), 'ping-pong-router');
    none(canary(...PING_PONG, 'trafficRouting:', '  istio: {virtualService: {name: vs}}'), 'ping-pong-router');
    none(canary(...PING_PONG, 'trafficRouting:', '  plugins: {argoproj-labs/gatewayAPI: {}}'), 'ping-pong-router');
    none(canary(...PING_PONG), 'ping-pong-router');
  });

  it('reports missing ping and pong Services, and that they are then the same', () => {
    const text = canary('pingPong: {pingService: ""}');
    const fs = findings(text, 'ping-pong-services-required');
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, underlined(text, f)]),
      [
        // Sorted by position: the missing pongService underlines its parent key.
        ['spec.strategy.pingPong.pongService', 'Invalid value: "": Ping service and Pong service must to be set to use Ping-Pong feature — ping-pong switches the stable and canary roles between two Services, pingPong.pingService and pingPong.pongService', 'pingPong'],
        ['spec.strategy.pingPong.pingService', 'Invalid value: "": Ping service and Pong service must to be set to use Ping-Pong feature — ping-pong switches the stable and canary roles between two Services, pingPong.pingService and pingPong.pongService', 'pingService'],
      ],
    );
    assert.equal(
      only(text, 'ping-pong-same-services').message,
      'Invalid value: "": This rollout uses the same service for the ping and pong services, but two different services are required.',
    );
  });

  it('reports the same ping and pong Service at pingService', () => {
    const text = canary('pingPong: {pingService: svc, pongService: svc}');
    const f = only(text, 'ping-pong-same-services');
    assert.equal(f.path, 'spec.strategy.pingPong.pingService');
    assert.equal(underlined(text, f), 'svc');
  });

  it('accepts two different ping and pong Services', () => {
    none(canary(...PING_PONG), 'ping-pong-services-required');
    none(canary(...PING_PONG), 'ping-pong-same-services');
  });

  it('reports ALB with pingPong and no rootService', () => {
    const text = canary(...PING_PONG, 'trafficRouting:', '  alb:', '    ingress: web', '    servicePort: 80');
    const f = only(text, 'ping-pong-alb-root-service');
    assert.equal(f.message, 'Invalid value: "": Root service field is required for the configuration with ALB and ping-pong feature enabled');
    assert.equal(f.path, 'spec.strategy.trafficRouting.alb.rootService');
    assert.equal(underlined(text, f), 'alb');
    none(canary(...PING_PONG, 'trafficRouting:', '  alb: {ingress: web, servicePort: 80, rootService: root}'), 'ping-pong-alb-root-service');
  });
});
