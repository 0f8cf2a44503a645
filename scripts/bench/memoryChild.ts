// Runs in a fresh process (`node dist/bench.js --memory-child N`): lints N generated apps once and
// prints peak RSS and heap figures as JSON. A fresh process keeps the parent's garbage out of it.
import { createWorkspace } from '../../src/core/lint/lint';
import { generateApps } from './generateManifests';

export interface MemoryReport {
  readonly lines: number;
  readonly baselineRss: number;
  readonly peakRss: number;
  readonly heapUsedAfterLint: number;
  readonly heapRetained: number;
  readonly heapTotal: number;
  readonly findings: number;
}

export function memoryChild(apps: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const text = generateApps(apps);
  gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const ws = createWorkspace();
  ws.setFile('apps.yaml', text);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const findings = ws.lintFile('apps.yaml').length;
  const after = process.memoryUsage();
  peakHeap = Math.max(peakHeap, after.heapUsed);
  gc?.();
  const retained = process.memoryUsage().heapUsed;
  const report: MemoryReport = {
    lines: text.split('\n').length,
    baselineRss,
    // maxRSS is the true high-water mark of the process (in KiB).
    peakRss: process.resourceUsage().maxRSS * 1024,
    heapUsedAfterLint: peakHeap,
    heapRetained: retained,
    heapTotal: after.heapTotal,
    findings,
  };
  // Keep the workspace alive until measured.
  if (ws.paths().length === 0) throw new Error('unreachable');
  process.stdout.write(JSON.stringify(report) + '\n');
}
