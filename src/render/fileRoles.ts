// Tells what a file on disk is to the linter — a manifest, a Helm template (a Chart.yaml above its
// templates/ folder), a Helm partial, or a patch some kustomization.yaml names — by looking at the
// Chart.yaml and kustomization.yaml files around it. Reads are cached until `forget` is called for
// a changed Chart.yaml or kustomization.yaml.
import { readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { chartInfo, helmRoleOf, MANIFEST, type ChartInfo, type FileRole } from '../core/lint/template/fileRole';
import { KUSTOMIZATION_NAMES, readKustomization } from '../core/lint/template/kustomization';

/** How many folders above a patch its kustomization.yaml may be (`overlays/x/patches/p.yaml`). */
const KUSTOMIZATION_DEPTH = 3;

export class FileRoles {
  private readonly charts = new Map<string, ChartInfo | null>();
  /** Folder → (absolute patch path → role) of the kustomization it holds, or null. */
  private readonly kustomizations = new Map<string, Map<string, FileRole> | null>();

  roleOf(file: string): FileRole {
    const abs = nodePath.resolve(file);
    const helm = helmRoleOf(abs.split(nodePath.sep).join('/'), (dir) => this.chart(dir.split('/').join(nodePath.sep) || nodePath.sep));
    if (helm) return helm;
    let dir = nodePath.dirname(abs);
    for (let i = 0; i <= KUSTOMIZATION_DEPTH; i++) {
      const role = this.kustomization(dir)?.get(abs);
      if (role) return role;
      const up = nodePath.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return MANIFEST;
  }

  /** The chart folder holding `dir` or above it, if any (for chart-level findings and rendering). */
  chartRootOf(file: string): string | undefined {
    const role = this.roleOf(file);
    return role.kind === 'helm-template' || role.kind === 'helm-partial' ? role.chartDir.split('/').join(nodePath.sep) : undefined;
  }

  /** Drops what was read from a changed Chart.yaml or kustomization.yaml (or everything). */
  forget(file?: string): void {
    if (file === undefined) {
      this.charts.clear();
      this.kustomizations.clear();
      return;
    }
    this.charts.delete(nodePath.dirname(nodePath.resolve(file)));
    this.kustomizations.delete(nodePath.dirname(nodePath.resolve(file)));
  }

  chart(dir: string): ChartInfo | undefined {
    let info = this.charts.get(dir);
    if (info === undefined) {
      const text = readIfFile(nodePath.join(dir, 'Chart.yaml'));
      info = text === undefined ? null : chartInfo(text);
      this.charts.set(dir, info);
    }
    return info ?? undefined;
  }

  private kustomization(dir: string): Map<string, FileRole> | undefined {
    let patches = this.kustomizations.get(dir);
    if (patches === undefined) {
      patches = null;
      for (const name of KUSTOMIZATION_NAMES) {
        const text = readIfFile(nodePath.join(dir, name));
        if (text === undefined) continue;
        patches = new Map();
        for (const p of readKustomization(text).patches) {
          const role: FileRole = { kind: 'kustomize-patch', kustomizationDir: dir, ...(p.targetKind ? { targetKind: p.targetKind } : {}) };
          patches.set(nodePath.resolve(dir, p.path), role);
        }
        break;
      }
      this.kustomizations.set(dir, patches);
    }
    return patches ?? undefined;
  }
}

function readIfFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
