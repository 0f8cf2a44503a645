// Header and mirror route steps (§1.4 ST6–ST14): which routers support them, their match values, and
// managedRoutes.
import { invalid, required, type Rule, type RuleContext } from '../../rule';
import { argoStrategyPath, canarySteps, goString, isSet, list, rec, rolloutParts, routers, strategyAt, type Obj } from './rolloutShape';

interface RouteStepScope {
  readonly canary: Obj;
  /** Traffic routing when set (a non-map trafficRouting is a schema error: the rules then skip). */
  readonly tr: Obj | undefined;
  readonly rs: Set<string>;
}

function scope(ctx: RuleContext): RouteStepScope | undefined {
  const canary = rolloutParts(ctx.value)?.canary;
  if (!canary) return undefined;
  if (isSet(canary.trafficRouting) && !rec(canary.trafficRouting)) return undefined;
  const tr = rec(canary.trafficRouting);
  return { canary, tr, rs: tr ? routers(tr) : new Set() };
}

const MISSED = 'StringMatch value missed, match value must have one of the following: exact, regex, prefix';
const MULTIPLE = 'StringMatch match value must have exactly one of the following: exact, regex, prefix';
const ALB_EXACT = "SetHeaderRoute match value invalid. ALB supports 'exact' value only";

/** A `*StringMatch` as Go prints it: null, or its non-empty fields in struct order. */
function stringMatchJson(m: Obj | undefined): unknown {
  if (!m) return null;
  const out: Record<string, unknown> = {};
  for (const k of ['exact', 'prefix', 'regex']) if (goString(m[k])) out[k] = m[k];
  return out;
}

/** Argo's `hasMultipleMatchValues`: exactly one of exact/regex/prefix. */
function matchValueProblem(m: Obj | undefined): string | undefined {
  if (!m) return MISSED;
  const n = ['exact', 'regex', 'prefix'].filter((k) => goString(m[k])).length;
  return n > 1 ? MULTIPLE : n === 0 ? MISSED : undefined;
}

/** Argo's `hasALBInvalidValues`: ALB supports a non-empty `exact` only. */
function albMatchProblem(m: Obj | undefined): string | undefined {
  if (!m) return MISSED;
  return !goString(m.exact) || goString(m.regex) || goString(m.prefix) ? ALB_EXACT : undefined;
}

export const setHeaderRouteRouterRule: Rule<'set-header-route-router'> = {
  id: 'set-header-route-router',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'setHeaderRoute needs Istio, ALB, Apisix or plugin traffic routing',
  description:
    'Header-based routing is implemented by the Istio, ALB and Apisix routers and by plugins only; Argo rejects a ' +
    'setHeaderRoute step without one of them.',
  source: '§1.4 ST6',
  check(ctx) {
    const s = scope(ctx);
    if (!s) return;
    if (s.tr && (s.rs.has('istio') || s.rs.has('alb') || s.rs.has('apisix') || s.rs.has('plugins'))) return;
    for (const { step, i } of canarySteps(s.canary)) {
      if (!isSet(step.setHeaderRoute)) continue;
      ctx.report({
        message: invalid(step.setHeaderRoute, 'SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix'),
        at: strategyAt('canary', 'steps', i, 'setHeaderRoute'),
        argoPath: argoStrategyPath('steps', i, 'setHeaderRoute'),
        part: 'key',
      });
    }
  },
};

export const headerRouteMatchRule: Rule<'header-route-match'> = {
  id: 'header-route-match',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'setHeaderRoute matches need exactly one of exact, regex, prefix (ALB: exact only)',
  description:
    'Each setHeaderRoute match must give a headerValue with exactly one of exact, regex or prefix; the ALB router supports ' +
    'only exact. Argo checks this when the router supports header routes.',
  source: '§1.4 ST7–ST10',
  check(ctx) {
    const s = scope(ctx);
    if (!s || !s.tr || !(s.rs.has('istio') || s.rs.has('alb') || s.rs.has('apisix') || s.rs.has('plugins'))) return;
    const alb = s.rs.has('alb');
    for (const { step, i } of canarySteps(s.canary)) {
      const matches = list(rec(step.setHeaderRoute)?.match);
      for (let j = 0; j < matches.length; j++) {
        const match = rec(matches[j]);
        if (!match) continue;
        if (isSet(match.headerValue) && !rec(match.headerValue)) continue;
        const value = rec(match.headerValue);
        const problem = alb ? albMatchProblem(value) : matchValueProblem(value);
        if (!problem) continue;
        ctx.report({
          message: invalid(stringMatchJson(value), problem),
          at: strategyAt('canary', 'steps', i, 'setHeaderRoute', 'match', j, ...(value ? ['headerValue'] : [])),
          argoPath: argoStrategyPath('steps', i, 'setHeaderRoute', 'match', j),
          part: 'key',
        });
      }
    }
  },
};

export const setMirrorRouteRouterRule: Rule<'set-mirror-route-router'> = {
  id: 'set-mirror-route-router',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'setMirrorRoute needs Istio or plugin traffic routing',
  description:
    'Traffic mirroring is implemented by the Istio router and by plugins only (Argo v1.9: Istio only); Argo rejects a ' +
    'setMirrorRoute step without one of them.',
  source: '§1.4 ST11',
  check(ctx) {
    const s = scope(ctx);
    if (!s || (s.tr && (s.rs.has('istio') || s.rs.has('plugins')))) return;
    for (const { step, i } of canarySteps(s.canary)) {
      if (!isSet(step.setMirrorRoute)) continue;
      ctx.report({
        message: invalid(step.setMirrorRoute, 'SetMirrorRoute requires TrafficRouting, supports Istio and Plugins'),
        at: strategyAt('canary', 'steps', i, 'setMirrorRoute'),
        argoPath: argoStrategyPath('steps', i, 'setMirrorRoute'),
        part: 'key',
      });
    }
  },
};

export const mirrorRouteMatchRule: Rule<'mirror-route-match'> = {
  id: 'mirror-route-match',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'setMirrorRoute method and path matches need exactly one of exact, regex, prefix',
  description:
    'Argo checks the `method` and `path` of each setMirrorRoute match (even when the router is unsupported): each needs ' +
    'exactly one of exact, regex or prefix. Argo reports a bad `method` twice (a bug); this rule reports it once. `headers` ' +
    'is not checked by Argo.',
  source: '§1.4 ST12',
  check(ctx) {
    const s = scope(ctx);
    if (!s) return;
    for (const { step, i } of canarySteps(s.canary)) {
      const matches = list(rec(step.setMirrorRoute)?.match);
      for (let j = 0; j < matches.length; j++) {
        const match = rec(matches[j]);
        if (!match) continue;
        for (const field of ['method', 'path']) {
          const value = rec(match[field]);
          if (!value) continue;
          const problem = matchValueProblem(value);
          if (!problem) continue;
          ctx.report({
            message: invalid(stringMatchJson(value), problem),
            at: strategyAt('canary', 'steps', i, 'setMirrorRoute', 'match', j, field),
            argoPath: argoStrategyPath('steps', i, 'setMirrorRoute', 'match', j),
            part: 'key',
          });
        }
      }
    }
  },
};

export const managedRoutesRequiredRule: Rule<'managed-routes-required'> = {
  id: 'managed-routes-required',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Header and mirror route steps need trafficRouting.managedRoutes',
  description:
    'Argo creates the routes of setHeaderRoute and setMirrorRoute steps only when they are declared, in order of precedence, ' +
    'in trafficRouting.managedRoutes; it rejects such steps when managedRoutes is absent (once per step).',
  source: '§1.4 ST13',
  check(ctx) {
    const s = scope(ctx);
    if (!s?.tr || isSet(s.tr.managedRoutes)) return;
    for (const { step, i } of canarySteps(s.canary)) {
      const key = isSet(step.setHeaderRoute) ? 'setHeaderRoute' : isSet(step.setMirrorRoute) ? 'setMirrorRoute' : undefined;
      if (!key) continue;
      ctx.report({
        message: required("Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'"),
        at: strategyAt('canary', 'steps', i, key),
        argoPath: argoStrategyPath('trafficRouting', 'managedRoutes'),
        part: 'key',
      });
    }
  },
};

export const managedRouteNotFoundRule: Rule<'managed-route-not-found'> = {
  id: 'managed-route-not-found',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'A route step must name a route listed in managedRoutes',
  description:
    'The name of a setHeaderRoute or setMirrorRoute step must be one of trafficRouting.managedRoutes[].name; Argo rejects ' +
    'the Rollout otherwise. Add the route to managedRoutes or fix its name.',
  source: '§1.4 ST14',
  check(ctx) {
    const s = scope(ctx);
    if (!s?.tr || !isSet(s.tr.managedRoutes)) return;
    const names = new Set<string>();
    for (const r of list(s.tr.managedRoutes)) {
      const name = goString(rec(r)?.name);
      if (name !== undefined) names.add(name);
    }
    for (const { step, i } of canarySteps(s.canary)) {
      for (const key of ['setHeaderRoute', 'setMirrorRoute']) {
        const route = rec(step[key]);
        const name = route && goString(route.name);
        if (name === undefined || names.has(name)) continue;
        ctx.report({
          message: invalid(name, 'Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes'),
          at: strategyAt('canary', 'steps', i, key, ...(isSet(route?.name) ? ['name'] : [])),
          argoPath: argoStrategyPath('steps', i, key),
        });
      }
    }
  },
};
