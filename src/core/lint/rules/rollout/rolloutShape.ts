// Typed, forgiving access to a Rollout's plain value. Argo decodes into Go structs where an absent or
// null field is the zero value (nil pointer, "", 0, false); these helpers read the YAML the same way,
// and return `undefined` when a field has the wrong type, so rules skip it (schema rules report it).
import { asRecord, isRecord } from '../../../untrustedJson';
import { formatPath, type Path, type PathSegment } from '../../yamlPath';

export type Obj = Record<string, unknown>;

export { isRecord };

/** True when the field is present and not YAML null: Go's "pointer is non-nil". */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export const rec = asRecord;

export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A Go string field: "" when absent or null, undefined when of another type. */
export function goString(v: unknown): string | undefined {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : undefined;
}

/** A Go integer field: `dflt` when absent or null, undefined when not an integer. */
export function goInt(v: unknown, dflt: number): number | undefined {
  if (v === undefined || v === null) return dflt;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** `field: true` (Go bool); anything else is false or a type error the schema rules report. */
export function isTrue(v: unknown): boolean {
  return v === true;
}

export interface RolloutParts {
  readonly spec: Obj;
  readonly strategy: Obj | undefined;
  /** `canary` when it is the only strategy (Argo validates a strategy only when exactly one is set). */
  readonly canary: Obj | undefined;
  readonly blueGreen: Obj | undefined;
}

/** The spec and the single strategy of a Rollout; undefined when `spec` is neither a map nor absent. */
export function rolloutParts(value: Obj): RolloutParts | undefined {
  // An absent spec is Go's zero value: Argo still validates it (and finds the selector missing).
  const spec = isSet(value.spec) ? rec(value.spec) : {};
  if (!spec) return undefined;
  const strategy = rec(spec.strategy);
  const canarySet = isSet(strategy?.canary);
  const blueGreenSet = isSet(strategy?.blueGreen);
  return {
    spec,
    strategy,
    canary: canarySet && !blueGreenSet ? rec(strategy?.canary) : undefined,
    blueGreen: blueGreenSet && !canarySet ? rec(strategy?.blueGreen) : undefined,
  };
}

/** YAML path under `spec.strategy.<strategy>`. */
export function strategyAt(strategy: 'canary' | 'blueGreen', ...rest: PathSegment[]): Path {
  return ['spec', 'strategy', strategy, ...rest];
}

/** Argo's path for a strategy field: `spec.strategy.<rest>`, without the canary/blueGreen segment (§0). */
export function argoStrategyPath(...rest: PathSegment[]): string {
  return formatPath(['spec', 'strategy', ...rest]);
}

/** The canary's steps, with their index, skipping entries that are not maps. */
export function canarySteps(canary: Obj): { step: Obj; i: number }[] {
  const out: { step: Obj; i: number }[] = [];
  const steps = list(canary.steps);
  for (let i = 0; i < steps.length; i++) {
    const step = rec(steps[i]);
    if (step) out.push({ step, i });
  }
  return out;
}

/** Traffic routers that are configured (non-null), by key; `plugins` counts only when non-empty. */
export function routers(trafficRouting: Obj): Set<string> {
  const out = new Set<string>();
  for (const key of ['alb', 'istio', 'smi', 'apisix', 'ambassador', 'nginx', 'appMesh', 'traefik']) {
    if (isSet(trafficRouting[key])) out.add(key);
  }
  const plugins = trafficRouting.plugins;
  if (isRecord(plugins) ? Object.keys(plugins).length > 0 : Array.isArray(plugins) && plugins.length > 0) out.add('plugins');
  return out;
}
