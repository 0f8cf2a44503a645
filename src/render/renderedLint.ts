// Lints what Argo CD would apply: renders a chart (`helm template`) or builds an overlay
// (`kustomize build`, or `kubectl kustomize`), lints the output with every rule, and places each
// finding in the file to change (see core/render/mapRendered). Used by the editor and the CLI.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { createWorkspace } from '../core/lint/lint';
import { KUSTOMIZATION_NAMES, readKustomization } from '../core/lint/template/kustomization';
import { isPartialName } from '../core/lint/template/fileRole';
import { placeHelmFindings, placeKustomizeFindings, type KustomizeSources, type PlacedFinding, type SourceText } from '../core/render/mapRendered';
import { readRenderError } from '../core/render/renderedDocs';
import type { Finding } from '../core/lint/types';
import { runTool, type ToolOutcome } from './runTool';

export interface RenderTools {
  /** helm's path or name on PATH. */
  readonly helm: string;
  /** kustomize's path; empty: `kustomize` on PATH, else `kubectl kustomize`. A path ending in kubectl runs `kubectl kustomize`. */
  readonly kustomize: string;
  readonly timeoutMs: number;
}

export interface HelmTarget {
  readonly kind: 'helm';
  readonly chartDir: string;
  /** Values files (absolute, or relative to the chart folder), after the chart's values.yaml. */
  readonly valueFiles: readonly string[];
  /** `--set KEY=VALUE` (and `--set-string` for Argo CD parameters with forceString). */
  readonly set: readonly string[];
  readonly setString?: readonly string[];
  /** Values as YAML text (an Argo CD Application's helm.values / valuesObject). */
  readonly inlineValues?: string;
  readonly releaseName?: string;
}

export interface KustomizeTarget {
  readonly kind: 'kustomize';
  readonly dir: string;
}

export type RenderTarget = HelmTarget | KustomizeTarget;

export type RenderResult =
  | {
      readonly kind: 'linted';
      readonly placed: PlacedFinding[];
      readonly toolMs: number;
      readonly oursMs: number;
      readonly documents: number;
      /** What the tool printed, and the findings on it (the launch applies a document of it). */
      readonly rendered: string;
      readonly findings: readonly Finding[];
    }
  /** The render failed: one finding, at the line the tool names when it names one. */
  | { readonly kind: 'failed'; readonly placed: PlacedFinding[] }
  | { readonly kind: 'missing-binary'; readonly message: string }
  | { readonly kind: 'cancelled' };

export async function renderAndLint(target: RenderTarget, tools: RenderTools, signal?: AbortSignal): Promise<RenderResult> {
  try {
    return await (target.kind === 'helm' ? renderHelm(target, tools, signal) : buildKustomize(target, tools, signal));
  } catch (e) {
    // Never a crash: a bug in placing the findings is one finding on the chart or kustomization.
    const file = target.kind === 'helm' ? nodePath.join(nodePath.resolve(target.chartDir), 'Chart.yaml') : nodePath.join(nodePath.resolve(target.dir), 'kustomization.yaml');
    return { kind: 'failed', placed: [failure({ path: file, text: read(file) }, `The rendered output could not be linted (${e instanceof Error ? e.message : String(e)}). This is a bug in the linter; the files were linted as written.`)] };
  }
}

// --- Helm ---------------------------------------------------------------------------------------

async function renderHelm(target: HelmTarget, tools: RenderTools, signal?: AbortSignal): Promise<RenderResult> {
  // The project's share: everything but helm's own run (reading the chart, linting, placing findings).
  const started = performance.now();
  const chartDir = nodePath.resolve(target.chartDir);
  const chartYaml = read(nodePath.join(chartDir, 'Chart.yaml'));
  const chartName = /^name:\s*["']?([\w.-]+)/m.exec(chartYaml)?.[1] ?? nodePath.basename(chartDir);
  const valueFiles = target.valueFiles.map((f) => nodePath.resolve(chartDir, f));
  let tmp: string | undefined;
  const args = ['template', target.releaseName ?? chartName, chartDir];
  for (const f of valueFiles) args.push('-f', f);
  if (target.inlineValues) {
    tmp = mkdtempSync(nodePath.join(os.tmpdir(), 'argo-rollouts-values-'));
    const file = nodePath.join(tmp, 'application-values.yaml');
    writeFileSync(file, target.inlineValues);
    args.push('-f', file);
  }
  for (const s of target.set) args.push('--set', s);
  for (const s of target.setString ?? []) args.push('--set-string', s);
  let outcome: ToolOutcome;
  try {
    outcome = await runTool({ command: tools.helm, args, cwd: chartDir, timeoutMs: tools.timeoutMs, signal });
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  const chart: SourceText = { path: nodePath.join(chartDir, 'Chart.yaml'), text: chartYaml };
  const templates = new Map<string, SourceText>();
  for (const rel of templateFiles(chartDir)) templates.set(rel, { path: nodePath.join(chartDir, rel), text: read(nodePath.join(chartDir, rel)) });
  switch (outcome.kind) {
    case 'cancelled':
      return outcome;
    case 'missing':
      return { kind: 'missing-binary', message: `helm was not found ('${tools.helm}'): install Helm (https://helm.sh/docs/intro/install/) or set argoRollouts.helm.path (CLI: --helm PATH). The chart was linted as written only.` };
    case 'timeout':
      return { kind: 'failed', placed: [failure(chart, `helm template did not finish: ${outcome.message}`)] };
    case 'failed': {
      const e = readRenderError(outcome.stderr || outcome.stdout);
      const file = e.source ? templates.get(e.source) : undefined;
      return { kind: 'failed', placed: [failure(file ?? chart, `helm template failed: ${e.message}`, e.line)] };
    }
    case 'ok': {
      const ws = createWorkspace();
      ws.setFile('rendered.yaml', outcome.stdout);
      const findings = ws.lintFile('rendered.yaml');
      const values = [nodePath.join(chartDir, 'values.yaml'), ...valueFiles].filter(isFile).map((p) => ({ path: p, text: read(p) }));
      const setKeys = [...target.set, ...(target.setString ?? [])].map((s) => s.slice(0, s.indexOf('=')));
      const placed = placeHelmFindings(outcome.stdout, findings, { chartYaml: chart, templates, values, setKeys });
      return { kind: 'linted', placed, toolMs: outcome.ms, oursMs: performance.now() - started - outcome.ms, documents: outcome.stdout.split(/^---/m).length - 1, rendered: outcome.stdout, findings };
    }
  }
}

/** Templates of the chart and its subcharts, relative to the chart folder (as helm's `# Source:` names them). */
function templateFiles(chartDir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string, depth: number): void => {
    if (depth > 12) return;
    let entries;
    try {
      entries = readdirSync(nodePath.join(chartDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        visit(child, depth + 1);
      } else if (/(^|\/)templates\//.test(child) && !isPartialName(e.name)) {
        out.push(child);
      }
    }
  };
  visit('', 0);
  return out;
}

// --- Kustomize ----------------------------------------------------------------------------------

async function buildKustomize(target: KustomizeTarget, tools: RenderTools, signal?: AbortSignal): Promise<RenderResult> {
  const started = performance.now();
  const dir = nodePath.resolve(target.dir);
  const sources = kustomizeSources(dir);
  const attempts: { command: string; args: string[] }[] = [];
  if (tools.kustomize) {
    const kubectl = /kubectl(\.exe)?$/i.test(tools.kustomize);
    attempts.push({ command: tools.kustomize, args: kubectl ? ['kustomize', dir] : ['build', dir] });
  } else {
    attempts.push({ command: 'kustomize', args: ['build', dir] }, { command: 'kubectl', args: ['kustomize', dir] });
  }
  let outcome: ToolOutcome = { kind: 'missing', message: '' };
  for (const a of attempts) {
    outcome = await runTool({ command: a.command, args: a.args, cwd: dir, timeoutMs: tools.timeoutMs, signal });
    if (outcome.kind !== 'missing') break;
  }
  switch (outcome.kind) {
    case 'cancelled':
      return outcome;
    case 'missing':
      return { kind: 'missing-binary', message: `${tools.kustomize ? `'${tools.kustomize}' was not found` : 'Neither kustomize nor kubectl was found'}: install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or set argoRollouts.kustomize.path (CLI: --kustomize PATH). The overlay was linted as written only.` };
    case 'timeout':
      return { kind: 'failed', placed: [failure(sources.kustomization, `kustomize build did not finish: ${outcome.message}`)] };
    case 'failed': {
      const message = (outcome.stderr || outcome.stdout).split(/\r?\n/).filter((l) => l.trim()).join(' ').replace(/^Error:\s*/, '');
      return { kind: 'failed', placed: [failure(sources.kustomization, `kustomize build failed: ${message}`)] };
    }
    case 'ok': {
      const ws = createWorkspace();
      ws.setFile('built.yaml', outcome.stdout);
      const findings = ws.lintFile('built.yaml');
      const placed = placeKustomizeFindings(outcome.stdout, findings, sources);
      return { kind: 'linted', placed, toolMs: outcome.ms, oursMs: performance.now() - started - outcome.ms, documents: outcome.stdout.split(/^---/m).length, rendered: outcome.stdout, findings };
    }
  }
}

/** The overlay's kustomization, the resource files of it and its bases, and their patches (bases first). */
export function kustomizeSources(dir: string): KustomizeSources {
  const resources: SourceText[] = [];
  const patches: KustomizeSources['patches'][number][] = [];
  const seen = new Set<string>();
  let top: SourceText | undefined;
  const visit = (d: string, depth: number): void => {
    if (seen.has(d) || depth > 8) return;
    seen.add(d);
    const file = KUSTOMIZATION_NAMES.map((n) => nodePath.join(d, n)).find(isFile);
    if (!file) return;
    const text = read(file);
    top ??= { path: file, text };
    const k = readKustomization(text);
    for (const r of k.resources) {
      const p = nodePath.resolve(d, r);
      if (isDir(p)) visit(p, depth + 1);
      else if (isFile(p)) resources.push({ path: p, text: read(p) });
    }
    for (const p of k.patches) {
      const abs = nodePath.resolve(d, p.path);
      if (isFile(abs)) patches.push({ path: abs, text: read(abs), json6902: p.json6902, ...(p.targetKind ? { targetKind: p.targetKind } : {}) });
    }
  };
  visit(dir, 0);
  return { kustomization: top ?? { path: nodePath.join(dir, 'kustomization.yaml'), text: '' }, resources, patches };
}

// --- helpers -------------------------------------------------------------------------------------

function failure(file: SourceText, message: string, line?: number): PlacedFinding {
  let start = 0;
  if (line !== undefined && line > 1) {
    for (let l = 1, i = 0; i >= 0 && l < line; l++) {
      i = file.text.indexOf('\n', i);
      if (i < 0) break;
      i++;
      start = i;
    }
  }
  const nl = file.text.indexOf('\n', start);
  return { file: file.path, finding: { rule: 'render-failed', severity: 'error', message, path: '', span: { start, end: nl < 0 ? file.text.length : nl } }, related: [] };
}

function read(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
