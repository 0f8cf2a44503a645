// Reads a kustomization.yaml for what the linter needs: the files it names as patches (with the kind
// they target when it says), and its resources. Tolerant: anything it does not understand is skipped.
import { parse } from 'yaml';
import { isRecord } from '../../untrustedJson';

export interface PatchRef {
  /** The patch file, relative to the kustomization's folder. */
  readonly path: string;
  /** `patchesJson6902` entries are JSON 6902; `patches` entries may be either (told by their content). */
  readonly json6902: boolean;
  readonly targetKind?: string;
}

export interface Kustomization {
  readonly patches: readonly PatchRef[];
  readonly resources: readonly string[];
}

export const KUSTOMIZATION_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function readKustomization(text: string): Kustomization {
  let value: unknown;
  try {
    value = parse(text, { logLevel: 'silent' });
  } catch {
    return { patches: [], resources: [] };
  }
  if (!isRecord(value)) return { patches: [], resources: [] };
  const patches: PatchRef[] = [];
  for (const p of list(value.patchesStrategicMerge)) {
    if (typeof p === 'string' && !p.includes('\n')) patches.push({ path: p, json6902: false });
  }
  for (const p of list(value.patches)) {
    if (isRecord(p) && typeof p.path === 'string') patches.push({ path: p.path, json6902: false, ...target(p.target) });
    else if (typeof p === 'string') patches.push({ path: p, json6902: false });
  }
  for (const p of list(value.patchesJson6902)) {
    if (isRecord(p) && typeof p.path === 'string') patches.push({ path: p.path, json6902: true, ...target(p.target) });
  }
  const resources = [...list(value.resources), ...list(value.bases)].filter((r): r is string => typeof r === 'string');
  return { patches, resources };
}

function target(t: unknown): { targetKind?: string } {
  return isRecord(t) && typeof t.kind === 'string' ? { targetKind: t.kind } : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
