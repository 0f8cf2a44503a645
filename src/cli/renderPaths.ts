// The CLI's rendered lint: each PATH that is a chart folder is rendered, each kustomization folder
// built, and the findings are added to the files they are placed in (shown under the given PATH).
// Findings the lint-as-written already reported at the same place are not repeated.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { SourceFile } from '../core/lint/lint';
import { KUSTOMIZATION_NAMES } from '../core/lint/template/kustomization';
import type { Finding } from '../core/lint/types';
import { renderAndLint, type RenderTarget } from '../render/renderedLint';
import type { RenderOptions } from './cliArgs';

const TIMEOUT_MS = 120_000;

export interface Rendered {
  /** Files that got findings and were not among the linted files (values files, Chart.yaml, patches). */
  readonly extraFiles: SourceFile[];
  /** Findings per shown path. */
  readonly findings: Map<string, Finding[]>;
}

export async function renderPaths(paths: readonly string[], cwd: string, options: RenderOptions, linted: readonly SourceFile[]): Promise<Rendered> {
  const shownOf = new Map<string, string>();
  const extraFiles: SourceFile[] = [];
  const findings = new Map<string, Finding[]>();
  for (const given of paths) {
    if (given === '-') continue;
    const abs = nodePath.resolve(cwd, given);
    const target = targetOf(abs, cwd, options);
    if (!target) continue;
    const result = await renderAndLint(target, { helm: options.helm ?? 'helm', kustomize: options.kustomize ?? '', timeoutMs: TIMEOUT_MS });
    const shown = (file: string): string => {
      const rel = nodePath.relative(abs, file);
      return rel.startsWith('..') || nodePath.isAbsolute(rel) ? nodePath.relative(cwd, file) : nodePath.join(given, rel);
    };
    const add = async (file: string, f: Finding): Promise<void> => {
      let path = shownOf.get(file);
      if (path === undefined) {
        const known = linted.find((l) => nodePath.resolve(cwd, l.path) === file);
        path = known?.path ?? shown(file);
        shownOf.set(file, path);
        if (!known) extraFiles.push({ path, text: await readFile(file, 'utf8').catch(() => '') });
      }
      const list = findings.get(path) ?? [];
      list.push(f);
      findings.set(path, list);
    };
    if (result.kind === 'missing-binary') {
      const where = target.kind === 'helm' ? nodePath.join(abs, 'Chart.yaml') : kustomizationIn(abs)!;
      await add(where, { rule: 'not-rendered', severity: 'info', message: result.message, path: '', span: { start: 0, end: 0 } });
    } else if (result.kind === 'linted' || result.kind === 'failed') {
      for (const p of result.placed) await add(p.file, p.finding);
    }
  }
  return { extraFiles, findings };
}

function targetOf(dir: string, cwd: string, options: RenderOptions): RenderTarget | undefined {
  if (existsSync(nodePath.join(dir, 'Chart.yaml'))) return { kind: 'helm', chartDir: dir, valueFiles: options.values.map((v) => nodePath.resolve(cwd, v)), set: options.set };
  if (kustomizationIn(dir)) return { kind: 'kustomize', dir };
  return undefined;
}

function kustomizationIn(dir: string): string | undefined {
  return KUSTOMIZATION_NAMES.map((n) => nodePath.join(dir, n)).find((p) => existsSync(p));
}

/** Adds rendered findings to the lint-as-written ones, without repeating one already there. */
export function mergeFindings(asWritten: Map<string, Finding[]>, rendered: ReadonlyMap<string, Finding[]>): Map<string, Finding[]> {
  const out = new Map(asWritten);
  for (const [path, list] of rendered) {
    const existing = out.get(path) ?? [];
    const fresh = list.filter((f) => !existing.some((e) => e.rule === f.rule && e.span.start === f.span.start));
    out.set(path, [...existing, ...fresh].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end));
  }
  return out;
}
