// Ping-pong Services (§1.3 C3–C7).
import { invalid, type Rule, type RuleContext } from '../../rule';
import { argoStrategyPath, goString, rec, rolloutParts, routers, strategyAt, type Obj } from './rolloutShape';

function pingPong(ctx: RuleContext): { canary: Obj; pingPong: Obj } | undefined {
  const canary = rolloutParts(ctx.value)?.canary;
  const pp = canary && rec(canary.pingPong);
  return canary && pp ? { canary, pingPong: pp } : undefined;
}

export const pingPongRouterRule: Rule<'ping-pong-router'> = {
  id: 'ping-pong-router',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'pingPong works only with ALB, Istio or plugin traffic routing',
  description:
    'Argo rejects pingPong together with a trafficRouting that has none of alb, istio or plugins (Argo v1.9 and older: ALB ' +
    'and Istio only). Use one of those routers, or use canaryService/stableService instead of pingPong.',
  source: '§1.3 C3',
  check(ctx) {
    const found = pingPong(ctx);
    const tr = found && rec(found.canary.trafficRouting);
    if (!tr) return;
    const rs = routers(tr);
    if (rs.has('alb') || rs.has('istio') || rs.has('plugins')) return;
    ctx.report({
      message: invalid(null, 'Ping-pong feature works with the ALB, Istio, and plugin-based traffic routers only'),
      at: strategyAt('canary', 'trafficRouting'),
      argoPath: argoStrategyPath('trafficRouting', 'alb'),
      part: 'key',
    });
  },
};

export const pingPongServicesRequiredRule: Rule<'ping-pong-services-required'> = {
  id: 'ping-pong-services-required',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'pingPong needs both pingService and pongService',
  description: 'Argo rejects a pingPong block without pingService or pongService. Name both Services.',
  source: '§1.3 C4, C5',
  check(ctx) {
    const found = pingPong(ctx);
    if (!found) return;
    for (const field of ['pingService', 'pongService']) {
      if (goString(found.pingPong[field]) !== '') continue;
      ctx.report({
        message: invalid('', 'Ping service and Pong service must to be set to use Ping-Pong feature') + ' — ping-pong switches the stable and canary roles between two Services, pingPong.pingService and pingPong.pongService',
        at: strategyAt('canary', 'pingPong', field),
        argoPath: argoStrategyPath('pingPong', field),
        part: 'key',
      });
    }
  },
};

export const pingPongSameServicesRule: Rule<'ping-pong-same-services'> = {
  id: 'ping-pong-same-services',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'pingService and pongService must be different Services',
  description:
    'Argo rejects a pingPong block whose pingService equals pongService (also when both are empty). Name two different Services.',
  source: '§1.3 C6',
  check(ctx) {
    const found = pingPong(ctx);
    if (!found) return;
    const ping = goString(found.pingPong.pingService);
    if (ping === undefined || ping !== goString(found.pingPong.pongService)) return;
    ctx.report({
      message: invalid(ping, 'This rollout uses the same service for the ping and pong services, but two different services are required.'),
      at: strategyAt('canary', 'pingPong', 'pingService'),
      argoPath: argoStrategyPath('pingPong', 'pingService'),
    });
  },
};

export const pingPongAlbRootServiceRule: Rule<'ping-pong-alb-root-service'> = {
  id: 'ping-pong-alb-root-service',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'ALB with pingPong needs alb.rootService',
  description:
    'With pingPong and ALB routing, the Ingress points at a root Service that Argo switches between ping and pong; Argo ' +
    'rejects the Rollout when trafficRouting.alb.rootService is empty. Name that Service.',
  source: '§1.3 C7',
  check(ctx) {
    const found = pingPong(ctx);
    const alb = found && rec(rec(found.canary.trafficRouting)?.alb);
    if (!alb || goString(alb.rootService) !== '') return;
    ctx.report({
      message: invalid('', 'Root service field is required for the configuration with ALB and ping-pong feature enabled'),
      at: strategyAt('canary', 'trafficRouting', 'alb', 'rootService'),
      argoPath: argoStrategyPath('trafficRouting', 'alb', 'rootService'),
      part: 'key',
    });
  },
};
