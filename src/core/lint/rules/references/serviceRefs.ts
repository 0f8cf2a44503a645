// The Services a Rollout names, with the YAML path of each name and Argo's field path for it.
import type { Path } from '../../yamlPath';
import { dig, name, strategyOf } from './refHelpers';

export type ServiceRole = 'canary' | 'stable' | 'ping' | 'pong' | 'active' | 'preview';

export interface ServiceRef {
  readonly role: ServiceRole;
  readonly name: string;
  readonly at: Path;
  readonly argoPath: string;
}

/**
 * In the order `kubectl argo rollouts lint` reports them (canary before stable, see lint/EXPECTED.md);
 * the controller fetches blueGreen services when blueGreen is set, else the canary ones.
 */
export function serviceRefs(rollout: Record<string, unknown>): ServiceRef[] {
  const { canary, blueGreen } = strategyOf(rollout);
  const out: ServiceRef[] = [];
  const add = (role: ServiceRole, v: unknown, at: Path): void => {
    const n = name(v);
    if (n !== undefined) out.push({ role, name: n, at, argoPath: at.join('.') });
  };
  if (blueGreen) {
    add('active', blueGreen.activeService, ['spec', 'strategy', 'blueGreen', 'activeService']);
    add('preview', blueGreen.previewService, ['spec', 'strategy', 'blueGreen', 'previewService']);
  } else if (canary) {
    add('canary', canary.canaryService, ['spec', 'strategy', 'canary', 'canaryService']);
    add('stable', canary.stableService, ['spec', 'strategy', 'canary', 'stableService']);
    add('ping', dig(canary, 'pingPong', 'pingService'), ['spec', 'strategy', 'canary', 'pingPong', 'pingService']);
    add('pong', dig(canary, 'pingPong', 'pongService'), ['spec', 'strategy', 'canary', 'pingPong', 'pongService']);
  }
  return out;
}

/** The metadata labels Argo adds to pods of a role (`canaryMetadata`, `activeMetadata`...). */
export function roleMetadataLabels(rollout: Record<string, unknown>, role: ServiceRole): unknown {
  const { canary, blueGreen } = strategyOf(rollout);
  switch (role) {
    case 'canary':
      return dig(canary, 'canaryMetadata', 'labels');
    case 'stable':
      return dig(canary, 'stableMetadata', 'labels');
    case 'active':
      return dig(blueGreen, 'activeMetadata', 'labels');
    case 'preview':
      return dig(blueGreen, 'previewMetadata', 'labels');
    default:
      return undefined;
  }
}
