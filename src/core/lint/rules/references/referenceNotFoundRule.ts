// §2.1 beyond Argo's lint: objects the Rollout names that are not in the workspace.
import type { IndexedKind } from '../../referenceIndex';
import { invalid, type Rule, type RuleContext, type RuleFix } from '../../rule';
import type { Path } from '../../yamlPath';
import { experimentAnalysisGroups, resolveTemplates, rolloutAnalysisGroups, type AnalysisGroup } from './analysisRefs';
import { dig, list, name, rec, reportMissing, trafficRouting, type MissingRef } from './refHelpers';
import { createCanaryServiceEdit } from './canaryServiceFix';
import { serviceRefs } from './serviceRefs';

const TR: Path = ['spec', 'strategy', 'canary', 'trafficRouting'];

/** `name.namespace` (optionally with `.svc.cluster.local`) → [namespace, name], like Argo's istio util. */
export function virtualServiceNamespaceName(full: string): { namespace: string | undefined; name: string } {
  const trimmed = full.replace(/\.cluster\.local$/, '').replace(/\.svc$/, '');
  const i = trimmed.indexOf('.');
  if (i < 0) return { namespace: undefined, name: trimmed };
  return { name: trimmed.slice(0, i), namespace: trimmed.slice(i + 1).split('.')[0] };
}

function checkServices(ctx: RuleContext): void {
  const missing: MissingRef[] = [];
  let found = false;
  const refs = serviceRefs(ctx.value);
  for (const ref of refs) {
    if (ctx.index.find('Service', ref.name, ctx.doc.namespace)) found = true;
    else {
      const fix = ref.role === 'canary' ? createCanaryServiceFix(ctx, ref.name, refs.find((r) => r.role === 'stable')?.name) : undefined;
      missing.push({ at: ref.at, argoPath: ref.argoPath, message: invalid(ref.name, `services "${ref.name}" not found`), ...(fix ? { fix } : {}) });
    }
  }
  reportMissing(ctx, 'Service', missing, found);
}

/** A missing canary Service, created next to the stable one when the workspace holds that. */
function createCanaryServiceFix(ctx: RuleContext, name: string, stable: string | undefined): RuleFix | undefined {
  const stableService = stable !== undefined ? ctx.index.find('Service', stable, ctx.doc.namespace) : undefined;
  if (!stableService) return undefined;
  const spec = rec(ctx.value.spec);
  const edit = createCanaryServiceEdit(stableService, name, { name: ctx.doc.name, podLabels: dig(spec, 'template', 'metadata', 'labels'), matchLabels: dig(spec, 'selector', 'matchLabels') });
  return edit ? { title: `Create Service ${name} next to ${stableService.name}`, edits: [edit] } : undefined;
}

function checkTemplates(ctx: RuleContext, groups: readonly AnalysisGroup[]): void {
  const byKind: Record<'AnalysisTemplate' | 'ClusterAnalysisTemplate', { missing: MissingRef[]; found: boolean }> = {
    AnalysisTemplate: { missing: [], found: false },
    ClusterAnalysisTemplate: { missing: [], found: false },
  };
  for (const g of groups) {
    const res = resolveTemplates(ctx.index, g.refs, ctx.doc.namespace);
    if (res.foundAny.AnalysisTemplate) byKind.AnalysisTemplate.found = true;
    if (res.foundAny.ClusterAnalysisTemplate) byKind.ClusterAnalysisTemplate.found = true;
    for (const m of res.missing) {
      const kind = m.cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
      const text = invalid(m.name, `${kind} '${m.name}' not found`);
      byKind[kind].missing.push({
        at: m.ref.at,
        // Argo reports a template missing from another template's `spec.templates` at that path.
        argoPath: m.nested ? 'spec.templates' : g.argoPath,
        message: m.nested ? `${text} — named in spec.templates of template '${m.ref.name}'` : text,
      });
    }
  }
  reportMissing(ctx, 'AnalysisTemplate', byKind.AnalysisTemplate.missing, byKind.AnalysisTemplate.found);
  reportMissing(ctx, 'ClusterAnalysisTemplate', byKind.ClusterAnalysisTemplate.missing, byKind.ClusterAnalysisTemplate.found);
}

function checkIngresses(ctx: RuleContext): void {
  const tr = trafficRouting(ctx.value);
  if (!tr) return;
  const missing: MissingRef[] = [];
  let found = false;
  const one = (v: unknown, at: Path, argoPath: string, value: unknown): void => {
    const n = name(v);
    if (n === undefined) return;
    if (ctx.index.find('Ingress', n, ctx.doc.namespace)) found = true;
    else missing.push({ at, argoPath, message: invalid(value ?? n, `ingresses.networking.k8s.io "${n}" not found`) });
  };
  // The controller looks at ALB before nginx, and at the list before the single name.
  const alb = rec(tr.alb);
  const nginx = rec(tr.nginx);
  if (alb) {
    if (Array.isArray(alb.ingresses)) alb.ingresses.forEach((n, i) => one(n, [...TR, 'alb', 'ingresses', i], `${TR.join('.')}.alb.ingresses`, alb.ingresses));
    else one(alb.ingress, [...TR, 'alb', 'ingress'], `${TR.join('.')}.alb.ingress`, undefined);
  } else if (nginx) {
    if (Array.isArray(nginx.stableIngresses))
      nginx.stableIngresses.forEach((n, i) => one(n, [...TR, 'nginx', 'stableIngresses', i], `${TR.join('.')}.nginx.StableIngresses`, nginx.stableIngresses));
    else one(nginx.stableIngress, [...TR, 'nginx', 'stableIngress'], `${TR.join('.')}.nginx.stableIngress`, undefined);
  }
  reportMissing(ctx, 'Ingress', missing, found);
}

function checkVirtualServices(ctx: RuleContext): void {
  const istio = rec(trafficRouting(ctx.value)?.istio);
  if (!istio) return;
  const missing: MissingRef[] = [];
  let found = false;
  const many = list(istio.virtualServices).length > 0;
  const entries: { v: unknown; at: Path }[] = many
    ? list(istio.virtualServices).map((v, i) => ({ v, at: [...TR, 'istio', 'virtualServices', i, 'name'] }))
    : [{ v: istio.virtualService, at: [...TR, 'istio', 'virtualService', 'name'] }];
  const argoPath = `${TR.join('.')}.istio.${many ? 'virtualServices' : 'virtualService'}.name`;
  for (const e of entries) {
    const full = name(dig(e.v, 'name'));
    if (full === undefined) continue;
    const { namespace, name: vsName } = virtualServiceNamespaceName(full);
    if (ctx.index.find('VirtualService', vsName, namespace ?? ctx.doc.namespace)) found = true;
    else missing.push({ at: e.at, argoPath, message: invalid(vsName, `virtualservices.networking.istio.io "${vsName}" not found`) });
  }
  reportMissing(ctx, 'VirtualService', missing, found);
}

function checkWorkloadRef(ctx: RuleContext): void {
  const ref = rec(dig(ctx.value, 'spec', 'workloadRef'));
  const n = name(ref?.name);
  if (!ref || n === undefined || (ref.kind !== undefined && ref.kind !== 'Deployment')) return;
  if (ctx.index.find('Deployment', n, ctx.doc.namespace)) return;
  const kind: IndexedKind = 'Deployment';
  reportMissing(ctx, kind, [{ at: ['spec', 'workloadRef', 'name'], argoPath: 'spec.workloadRef.name', message: invalid(n, `deployments.apps "${n}" not found`) }], false);
}

export const referenceNotFoundRule = {
  id: 'reference-not-found',
  severity: 'error',
  kinds: ['Rollout', 'Experiment'],
  usesIndex: true,
  title: 'A Service, Ingress, VirtualService, analysis template or Deployment the Rollout names is not in the workspace',
  description:
    "The controller fetches every object a Rollout names before it runs; a missing one makes the Rollout InvalidSpec (`services \"x\" not found`, `AnalysisTemplate 'x' not found`...) until it is created. `kubectl argo rollouts lint` cannot see this. The finding is an error when the workspace clearly holds the app's manifests of that kind — another object of that kind this Rollout references is found, or the Rollout's own file or folder holds objects of that kind — and a warning otherwise, since the object may live only in the cluster.",
  source: '§2.1 (beyond Argo lint)',
  check(ctx) {
    if (ctx.doc.kind === 'Experiment') {
      checkTemplates(ctx, experimentAnalysisGroups(ctx.value, 'Experiment'));
      return;
    }
    checkServices(ctx);
    checkTemplates(ctx, [...rolloutAnalysisGroups(ctx.value), ...experimentAnalysisGroups(ctx.value, 'Rollout')]);
    checkIngresses(ctx);
    checkVirtualServices(ctx);
    checkWorkloadRef(ctx);
  },
} as const satisfies Rule;
