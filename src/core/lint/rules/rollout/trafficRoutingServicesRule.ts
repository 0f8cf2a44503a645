// canaryService and stableService for routers that need them (§1.3 C8, C9), with a quick fix that
// names the missing canary Service after the stable one and, when the stable Service is in the
// workspace and the canary one is not, creates it next to the stable one.
import { insertPairFix, replaceFix } from '../../fixes';
import { invalid, type Rule, type RuleContext, type RuleFix } from '../../rule';
import type { Fix } from '../../types';
import { createCanaryServiceEdit } from '../references/canaryServiceFix';
import { argoStrategyPath, goString, isSet, rec, rolloutParts, strategyAt, type Obj } from './rolloutShape';
import { findPair, nodeAt } from '../../yamlPath';

const MESSAGE = 'Canary service and Stable service must to be set to use Traffic Routing';
/** After Argo's text: why a router needs both. */
const PLAIN = " — the traffic router splits traffic between two Services, canaryService for the new version's pods and stableService for the current one's";

/** Argo's `requireCanaryStableServices`. */
export function requiresCanaryStableServices(canary: Obj): boolean {
  const tr = rec(canary.trafficRouting);
  if (!tr) return false;
  const pingPong = isSet(canary.pingPong);
  if (isSet(tr.alb) && !pingPong) return true;
  if (isSet(tr.istio) && !isSet(rec(tr.istio)?.destinationRule) && !pingPong) return true;
  return ['smi', 'apisix', 'ambassador', 'nginx', 'appMesh', 'traefik'].some((k) => isSet(tr[k]));
}

/** `app-stable` → `app-canary`; otherwise `<stable>-canary`. */
export function canaryServiceNameFor(stable: string): string {
  return stable.endsWith('stable') ? `${stable.slice(0, -'stable'.length)}canary` : `${stable}-canary`;
}

function addCanaryServiceKey(ctx: RuleContext, name: string, title: string): Fix | undefined {
  const canaryPath = strategyAt('canary');
  const pair = findPair(nodeAt(ctx.doc.yaml, canaryPath), 'canaryService');
  if (!pair) return insertPairFix(ctx.doc, canaryPath, 'canaryService', name, title, 'stableService');
  // `canaryService: ""` (or `~`): replace the value in place.
  const range = pair.value?.range;
  if (!range || range[1] <= range[0]) return undefined;
  return replaceFix(title, { start: range[0], end: range[1] }, name);
}

/**
 * Names the canary Service, and creates it when the workspace holds the stable Service but no Service
 * of that name: naming a Service that does not exist would only trade this error for "not found".
 */
function addCanaryServiceFix(ctx: RuleContext, stable: string): RuleFix | undefined {
  const name = canaryServiceNameFor(stable);
  const stableService = ctx.index.find('Service', stable, ctx.doc.namespace);
  const create = stableService && !ctx.index.find('Service', name, ctx.doc.namespace) ? createCanaryServiceEdit(stableService, name, {
        name: ctx.doc.name,
        podLabels: rec(rec(rec(ctx.value.spec)?.template)?.metadata)?.labels,
        matchLabels: rec(rec(ctx.value.spec)?.selector)?.matchLabels,
      })
    : undefined;
  const title = create ? `Add canaryService ${name} and create that Service next to ${stable}` : `Add the missing canaryService: ${name}`;
  const key = addCanaryServiceKey(ctx, name, title);
  if (!key) return undefined;
  return create ? { title, edits: [...key.edits, create] } : key;
}

export const trafficRoutingServicesRule: Rule<'traffic-routing-services-required'> = {
  id: 'traffic-routing-services-required',
  severity: 'error',
  kinds: ['Rollout'],
  // The quick fix looks the stable Service up to create the canary one next to it.
  usesIndex: true,
  title: 'Traffic routing needs canaryService and stableService',
  description:
    'ALB and Istio host-level routing (both unless pingPong is used), SMI, Apisix, Ambassador, NGINX, App Mesh and Traefik ' +
    'shift traffic between two Services, so Argo rejects a canary without canaryService or stableService. Plugins-only ' +
    'routing and Istio subset routing (destinationRule) do not need them. A quick fix adds a canaryService named after the ' +
    'stable one and, when the stable Service is in the workspace, creates that Service next to it with the same selector and ports.',
  source: '§1.3 C8, C9',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary || !requiresCanaryStableServices(canary)) return;
    const stable = goString(canary.stableService);
    const canarySvc = goString(canary.canaryService);
    if (stable === '') {
      ctx.report({ message: invalid('', MESSAGE) + PLAIN, at: strategyAt('canary', 'stableService'), argoPath: argoStrategyPath('stableService'), part: 'key' });
    }
    if (canarySvc === '') {
      const fix = stable ? addCanaryServiceFix(ctx, stable) : undefined;
      ctx.report({
        message: invalid('', MESSAGE) + PLAIN,
        at: strategyAt('canary', 'canaryService'),
        argoPath: argoStrategyPath('canaryService'),
        part: 'key',
        ...(fix ? { fix } : {}),
      });
    }
  },
};
