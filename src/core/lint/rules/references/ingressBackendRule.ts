// §2.2 Ingresses: an nginx / ALB Ingress must route to the stable (or ALB root) Service.
import { invalid, type Rule } from '../../rule';
import type { Path } from '../../yamlPath';
import { dig, list, name, rec, strategyOf } from './refHelpers';

const TR: Path = ['spec', 'strategy', 'canary', 'trafficRouting'];

/** True when some `rules[].http.paths[].backend` names the Service (networking/v1 or extensions/v1beta1). */
export function ingressUsesService(ingress: Record<string, unknown>, service: string): boolean {
  for (const rule of list(dig(ingress, 'spec', 'rules'))) {
    for (const p of list(dig(rule, 'http', 'paths'))) {
      const backend = dig(p, 'backend');
      if (dig(backend, 'service', 'name') === service || dig(backend, 'serviceName') === service) return true;
    }
  }
  return false;
}

export const ingressBackendRule = {
  id: 'ingress-stable-service-backend',
  severity: 'error',
  kinds: ['Rollout'],
  usesIndex: true,
  title: 'The nginx or ALB Ingress must have a rule whose backend is the stable (or ALB root) Service',
  description:
    "The controller checks that each Ingress named in nginx.stableIngress(es) has an HTTP path whose backend is canary.stableService, and that each ALB ingress routes to alb.rootService (or stableService when unset); otherwise the Rollout is InvalidSpec. `kubectl argo rollouts lint` never reports this for nginx because it only matches Ingresses that already route to the stable Service. Point the Ingress backend at the right Service.",
  source: '§2.2 Ingresses',
  check(ctx) {
    const canary = strategyOf(ctx.value).canary;
    const tr = rec(canary?.trafficRouting);
    if (!canary || !tr) return;
    const stable = name(canary.stableService) ?? '';
    let service: string;
    let names: { n: unknown; at: Path; argoPath: string }[];
    const alb = rec(tr.alb);
    const nginx = rec(tr.nginx);
    if (alb) {
      service = name(alb.rootService) ?? stable;
      names = Array.isArray(alb.ingresses)
        ? alb.ingresses.map((n, i) => ({ n, at: [...TR, 'alb', 'ingresses', i], argoPath: `${TR.join('.')}.alb.ingresses` }))
        : [{ n: alb.ingress, at: [...TR, 'alb', 'ingress'], argoPath: `${TR.join('.')}.alb.ingress` }];
    } else if (nginx) {
      service = stable;
      names = Array.isArray(nginx.stableIngresses)
        ? nginx.stableIngresses.map((n, i) => ({ n, at: [...TR, 'nginx', 'stableIngresses', i], argoPath: `${TR.join('.')}.nginx.stableIngresses` }))
        : [{ n: nginx.stableIngress, at: [...TR, 'nginx', 'stableIngress'], argoPath: `${TR.join('.')}.nginx.stableIngress` }];
    } else return;
    for (const { n, at, argoPath } of names) {
      const ingName = name(n);
      if (ingName === undefined) continue;
      const ing = ctx.index.find('Ingress', ingName, ctx.doc.namespace);
      if (!ing || ingressUsesService(ing.value, service)) continue;
      ctx.report({ message: invalid(ingName, `ingress \`${ingName}\` has no rules using service ${service} backend`), at, argoPath });
    }
  },
} as const satisfies Rule;
