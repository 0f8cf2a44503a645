// `npm run bench`: lint speed, keystroke latency, memory, bundle size. Prints a Markdown table and
// writes it to dist/bench.md. Numbers are never asserted in tests; targets are from the issue.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LintWorkspace } from '../src/core/lint/engine';
import { templateReferences } from '../src/core/lint/rules/references/templateReferences';
import { createWorkspace } from '../src/core/lint/lint';
import { allRules } from '../src/core/lint/rules/allRules';
import type { FileRole } from '../src/core/lint/template/fileRole';
import { generateApps, generateSingleRollout } from './bench/generateManifests';
import { generateHelmTemplate } from './bench/generateTemplate';
import { renderAndLint } from '../src/render/renderedLint';
import { memoryChild, type MemoryReport } from './bench/memoryChild';
import { fmt, mb, median, percentile, timeMs } from './bench/stats';

const DIST = __dirname;
/** BENCH_SKIP_RULES=id,id measures without some rules, to find out what a slow result comes from. */
const SKIP = (process.env.BENCH_SKIP_RULES ?? '').split(',').filter(Boolean);
const workspace = (): LintWorkspace => (SKIP.length ? new LintWorkspace(allRules.filter((r) => !SKIP.includes(r.id)), { referencesOf: templateReferences }) : createWorkspace());

function fullLint(text: string, runs: number): { lint: number; parse: number; findings: number } {
  const lint: number[] = [];
  const parse: number[] = [];
  let findings = 0;
  // Warm up both paths once so that JIT compilation is not measured.
  timeMs(() => parseAllDocuments(text));
  for (let i = 0; i < runs; i++) {
    parse.push(timeMs(() => parseAllDocuments(text)));
    lint.push(
      timeMs(() => {
        const ws = workspace();
        ws.setFile('apps.yaml', text);
        findings = ws.lintFile('apps.yaml').length;
      }),
    );
  }
  return { lint: median(lint), parse: median(parse), findings };
}

/**
 * Types one character at a time into the image tag of one Rollout (the digit cycles 0–9, so every
 * keystroke really changes the text) and times the update plus lintFile. `edit` is what the editor
 * does (VS Code hands over the changed range: editFile); `text` hands over the whole new text
 * (setFile), as a client without incremental changes would.
 */
function keystrokes(text: string, count: number, budgetMs: number, mode: 'edit' | 'text', role?: FileRole): { p50: number; p95: number; max: number; n: number } {
  const ws = workspace();
  ws.setFile('f.yaml', text, role);
  ws.lintFile('f.yaml');
  const rollouts = [...text.matchAll(/^kind: Rollout$/gm)].map((m) => m.index);
  const rolloutAt = rollouts[Math.floor(rollouts.length / 2)] ?? 0;
  const image = text.indexOf('image: ', rolloutAt);
  const digit = text.indexOf(':1.', image) + 3;
  let current = text;
  const times: number[] = [];
  // Warm-up keystrokes (JIT, inline caches) are not counted.
  for (let k = 0; k < (text.length > 1e6 ? 3 : 20); k++) {
    const next = String((Number(current[digit]) + 1) % 10);
    current = current.slice(0, digit) + next + current.slice(digit + 1);
    update(ws, mode, current, { start: digit, end: digit + 1, newText: next });
    ws.lintFile('f.yaml');
  }
  // A time budget keeps `npm run bench` short even when the engine is slow.
  const deadline = performance.now() + budgetMs;
  for (let k = 0; k < count && (k < 10 || performance.now() < deadline); k++) {
    const next = String((Number(current[digit]) + 1) % 10);
    current = current.slice(0, digit) + next + current.slice(digit + 1);
    const t = current;
    times.push(
      timeMs(() => {
        update(ws, mode, t, { start: digit, end: digit + 1, newText: next });
        ws.lintFile('f.yaml');
      }),
    );
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), n: times.length };
}

function update(ws: LintWorkspace, mode: 'edit' | 'text', text: string, edit: { start: number; end: number; newText: string }): void {
  if (mode === 'edit') ws.editFile('f.yaml', [edit]);
  else ws.setFile('f.yaml', text);
}

/**
 * The rendered lint of the reference chart (gitops-hugo with envValues/local.yaml): helm template's own
 * time against the project's share (lint of the output and placing the findings), warm, median of 7.
 * Needs helm from realcluster/build.sh and the corpus beside the checkout; else says why not.
 */
async function renderedLint(): Promise<{ tool: number; ours: number } | string> {
  const root = nodePath.resolve(DIST, '..');
  const chart = nodePath.resolve(root, '../shared/corpus/gitops-playground-apps/helm/stack/gitops-hugo');
  if (!existsSync(chart)) return `the gitops-playground-apps corpus is not at ${chart}`;
  const r = spawnSync('bash', [nodePath.join(root, 'realcluster/build.sh'), 'helm'], { encoding: 'utf8', env: { ...process.env, REALCLUSTER_NO_BUILD: '1' } });
  const dir = r.status === 0 ? r.stdout.split('\n').find((l) => l.startsWith('helm='))?.slice(5) : undefined;
  if (!dir) return 'helm is not built (bash realcluster/build.sh helm)';
  const tool: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await renderAndLint({ kind: 'helm', chartDir: chart, valueFiles: ['envValues/local.yaml'], set: [] }, { helm: nodePath.join(dir, 'helm'), kustomize: '', timeoutMs: 60_000 });
    if (res.kind !== 'linted') return `helm template did not render the chart (${res.kind})`;
    if (i > 0) {
      tool.push(res.toolMs);
      ours.push(res.oursMs);
    }
  }
  return { tool: median(tool), ours: median(ours) };
}

function memory(apps: number): MemoryReport {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--memory-child', String(apps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as MemoryReport;
}

function requireTime(): { require: number; startup: number } {
  const cli = nodePath.join(DIST, 'cli.js');
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(cli)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const req: number[] = [];
  const startup: number[] = [];
  for (let i = 0; i < 5; i++) {
    req.push(Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, [cli, '--version']);
    startup.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { require: median(req), startup: median(startup) };
}

function size(file: string): string {
  const p = nodePath.join(DIST, file);
  return existsSync(p) ? `${(statSync(p).size / 1024).toFixed(0)} KiB` : 'not built';
}

function verdict(ok: boolean): string {
  return ok ? '✅' : '❌';
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (s = '') => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };
  const cpus = os.cpus();
  log('# argo-rollouts-lint benchmark');
  log();
  log(`${new Date().toISOString()} · ${cpus[0]?.model ?? 'unknown CPU'} · ${cpus.length} cores · Node ${process.version} · ${os.platform()} ${os.arch()} · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (SKIP.length) log(`\nWithout rules: ${SKIP.join(', ')}`);
  log();
  log('| Measurement | Input | Result | Target |');
  log('|---|---|---|---|');

  const single = generateSingleRollout();
  const hundred = generateApps(100);
  const thousand = generateApps(1000);
  const n = (t: string) => `${t.split('\n').length.toLocaleString('en-US')} lines`;

  // The small file first, while the heap holds no big garbage (GC pauses would dominate its p95).
  // A fresh process first (JIT still warming up), then the same typing again: the extension host
  // is a long-running process, so the second number is what a user typing sees after a while.
  const k1 = keystrokes(single, 200, 30_000, 'edit');
  log(`| Re-lint after one keystroke (editFile + lintFile, as in VS Code), first ${k1.n} keystrokes of a fresh process | single Rollout, ${n(single)} | p50 ${fmt(k1.p50)} ms, **p95 ${fmt(k1.p95)} ms**, max ${fmt(k1.max)} ms | p95 ≤ 5 ms ${verdict(k1.p95 <= 5)} |`);
  const k1warm = keystrokes(single, 400, 30_000, 'edit');
  log(`| Re-lint after one keystroke, the next ${k1warm.n} keystrokes (warm) | single Rollout, ${n(single)} | p50 ${fmt(k1warm.p50)} ms, **p95 ${fmt(k1warm.p95)} ms**, max ${fmt(k1warm.max)} ms | p95 ≤ 5 ms ${verdict(k1warm.p95 <= 5)} |`);
  // A Helm template: actions masked, the YAML parsed, what is templated worked out, on every keystroke.
  const template = generateHelmTemplate(400);
  const kt = keystrokes(template, 400, 30_000, 'edit', { kind: 'helm-template', chartDir: 'chart' });
  log(`| Re-lint after one keystroke in a Helm template (editFile + lintFile), ${kt.n} keystrokes | 21-document template (143-line Rollout, AnalysisTemplate, Services, ConfigMaps), ${n(template)} | p50 ${fmt(kt.p50)} ms, **p95 ${fmt(kt.p95)} ms**, max ${fmt(kt.max)} ms | p95 ≤ 5 ms ${verdict(kt.p95 <= 5)} |`);
  const rl = await renderedLint();
  if (typeof rl === 'string') log(`| Rendered lint of the reference chart | gitops-hugo + envValues/local.yaml | not measured: ${rl} | — |`);
  else {
    const share = rl.ours / (rl.tool + rl.ours);
    log(`| Rendered lint of the reference chart, warm, median of 7: helm template vs the project's share (lint + placing findings) | gitops-hugo + envValues/local.yaml | helm ${fmt(rl.tool)} ms, ours ${fmt(rl.ours)} ms = **${(share * 100).toFixed(0)} %** of the total | < 20 % ${verdict(share < 0.2)} |`);
  }
  for (const [text, runs, label] of [
    [hundred, 7, '100 apps'],
    [thousand, 3, '1,000 apps'],
  ] as const) {
    const r = fullLint(text, runs);
    const ratio = r.lint / r.parse;
    log(`| Full lint (fresh workspace) vs yaml parseAllDocuments, median of ${runs} | ${label}, ${n(text)} | ${fmt(r.lint)} ms vs ${fmt(r.parse)} ms = **${ratio.toFixed(2)}×** (${r.findings} findings) | ≤ 1.5× ${verdict(ratio <= 1.5)} |`);
  }

  const k2 = keystrokes(thousand, 200, 60_000, 'edit');
  log(`| Re-lint after one keystroke (editFile + lintFile, as in VS Code), ${k2.n} keystrokes | 1,000 apps, ${n(thousand)} | p50 ${fmt(k2.p50)} ms, **p95 ${fmt(k2.p95)} ms**, max ${fmt(k2.max)} ms | p95 ≤ 20 ms ${verdict(k2.p95 <= 20)} |`);
  const k3 = keystrokes(thousand, 100, 60_000, 'text');
  log(`| Re-lint after one keystroke, whole text handed over (setFile + lintFile), ${k3.n} keystrokes | 1,000 apps, ${n(thousand)} | p50 ${fmt(k3.p50)} ms, p95 ${fmt(k3.p95)} ms, max ${fmt(k3.max)} ms | (for comparison) |`);

  const m = memory(1000);
  log(
    `| Peak memory linting once, fresh process | 1,000 apps, ${m.lines.toLocaleString('en-US')} lines | **peak RSS ${mb(m.peakRss)} MB** (before lint ${mb(m.baselineRss)} MB); heap used ${mb(m.heapUsedAfterLint)} MB after lint, ${mb(m.heapRetained)} MB retained by the workspace; heap total ${mb(m.heapTotal)} MB | < 400 MB ${verdict(m.peakRss < 400 * 1024 * 1024)} |`,
  );

  const rt = requireTime();
  log(`| Bundle size | dist/extension.js, dist/cli.js | ${size('extension.js')}, ${size('cli.js')} | — |`);
  log(`| Load the lint engine: \`require('dist/cli.js')\`, median of 5 fresh processes | | ${fmt(rt.require)} ms (\`node dist/cli.js --version\` wall time ${fmt(rt.startup)} ms) | — |`);
  writeFileSync(nodePath.join(DIST, 'bench.md'), lines.join('\n') + '\n');
}

if (process.argv[2] === '--memory-child') memoryChild(Number(process.argv[3] ?? 1000));
else void main();
