// What a file is to the linter, decided from where it sits (pure: the callers, which can read the
// disk, answer the questions about Chart.yaml and kustomization.yaml files around it).
// - a manifest: linted as YAML, as always;
// - a Helm template: under a chart's `templates/` (a Chart.yaml above), whatever the editor calls its
//   language; its actions are read as Go template (see maskTemplate);
// - a Helm partial: `_helpers.tpl`, `NOTES.txt`, any `_*` file, any template of a library chart, and
//   the chart's other inputs (values files, Chart.yaml): not a manifest, never linted as one;
// - a Kustomize patch: listed as a patch by a kustomization.yaml: a partial object.

export type FileRole =
  | { readonly kind: 'manifest' }
  | { readonly kind: 'helm-template'; readonly chartDir: string }
  | { readonly kind: 'helm-partial'; readonly chartDir: string }
  | { readonly kind: 'kustomize-patch'; readonly kustomizationDir: string; readonly targetKind?: string };

export const MANIFEST: FileRole = { kind: 'manifest' };

export interface ChartInfo {
  /** Chart.yaml's `type` (`application` or `library`). */
  readonly type?: string;
}

/**
 * The Helm role of `path` (slash-separated, absolute or workspace-relative), or undefined when no
 * chart holds it. `chartAt(dir)` says whether `dir` holds a Chart.yaml. Inside the nearest chart:
 * `templates/…` are templates (or partials), `crds/…` plain manifests, anything else (values files,
 * Chart.yaml) chart inputs that are not manifests.
 */
export function helmRoleOf(path: string, chartAt: (dir: string) => ChartInfo | undefined): FileRole | undefined {
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 1; i--) {
    const chartDir = parts.slice(0, i).join('/');
    const chart = chartAt(chartDir);
    if (!chart) continue;
    const inner = parts.slice(i);
    if (inner[0] === 'crds') return undefined;
    if (inner[0] !== 'templates' || inner.length < 2) return { kind: 'helm-partial', chartDir };
    const name = parts[parts.length - 1]!;
    if (chart.type === 'library' || isPartialName(name)) return { kind: 'helm-partial', chartDir };
    return { kind: 'helm-template', chartDir };
  }
  return undefined;
}

/** Helm renders every file of templates/ except `_*` partials and NOTES.txt; only YAML/JSON are manifests. */
export function isPartialName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith('_') || lower === 'notes.txt' || !/\.(ya?ml|json)$/.test(lower);
}

/** Reads Chart.yaml's `type:` without a YAML parser (the file may itself be odd). */
export function chartInfo(chartYaml: string): ChartInfo {
  const m = /^type:\s*["']?(\w+)/m.exec(chartYaml);
  return m ? { type: m[1] } : {};
}
