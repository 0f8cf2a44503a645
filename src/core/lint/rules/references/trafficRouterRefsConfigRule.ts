// §2.1 checks the controller makes on the traffic router's reference fields before fetching objects.
import { internal, invalid, type Rule } from '../../rule';
import { dig, list, rec, trafficRouting } from './refHelpers';

const TR = ['spec', 'strategy', 'canary', 'trafficRouting'] as const;
const TRP = TR.join('.');

function isSet(v: unknown): boolean {
  return typeof v === 'string' && v !== '';
}

export const trafficRouterRefsConfigRule = {
  id: 'traffic-router-refs-config',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'nginx, ALB, Istio, Ambassador and App Mesh routing must name exactly the objects they need',
  description:
    'Before fetching the objects a traffic router uses, the controller requires nginx to set exactly one of stableIngress / stableIngresses, ALB exactly one of ingress / ingresses, Istio exactly one of virtualService / virtualServices, Ambassador at least one mapping and App Mesh a virtualService. Otherwise the Rollout is InvalidSpec. `kubectl argo rollouts lint` skips these checks. Keep one of the two fields.',
  source: '§2.1',
  check(ctx) {
    const tr = trafficRouting(ctx.value);
    if (!tr) return;
    const nginx = rec(tr.nginx);
    if (nginx) {
      const single = isSet(nginx.stableIngress);
      const multiple = list(nginx.stableIngresses).length > 0;
      const which = single && multiple ? 'Both' : !single && !multiple ? 'Neither' : undefined;
      if (which) {
        ctx.report({
          message: internal(`Either StableIngress or StableIngresses must be configured. ${which} are configured.`),
          at: [...TR, 'nginx'],
          argoPath: `${TRP}.nginx`,
          part: 'key',
        });
      }
    }
    const alb = rec(tr.alb);
    if (alb) {
      const single = isSet(alb.ingress);
      const multiple = list(alb.ingresses).length > 0;
      const which = single && multiple ? 'Both' : !single && !multiple ? 'Neither' : undefined;
      if (which) {
        ctx.report({ message: internal(`Either Ingress or Ingresses must be configured. ${which} are configured.`), at: [...TR, 'alb'], argoPath: `${TRP}.alb`, part: 'key' });
      }
    }
    const istio = rec(tr.istio);
    if (istio) {
      const multiple = list(istio.virtualServices).length > 0;
      const single = istio.virtualService !== undefined && istio.virtualService !== null;
      if (multiple === single) {
        ctx.report({ message: internal('either VirtualService or VirtualServices must be configured'), at: [...TR, 'istio'], argoPath: `${TRP}.istio`, part: 'key' });
      }
    }
    const ambassador = rec(tr.ambassador);
    if (ambassador && list(ambassador.mappings).length === 0) {
      ctx.report({ message: invalid(null, 'must provide at least one mapping'), at: [...TR, 'ambassador', 'mappings'], argoPath: `${TRP}.ambassador.mappings`, part: 'key' });
    }
    const appMesh = rec(tr.appMesh);
    if (appMesh && (dig(appMesh, 'virtualService') === undefined || dig(appMesh, 'virtualService') === null)) {
      ctx.report({ message: invalid(null, 'must provide virtual-service'), at: [...TR, 'appMesh', 'virtualService'], argoPath: `${TRP}.appmesh.virtualService`, part: 'key' });
    }
  },
} as const satisfies Rule;
