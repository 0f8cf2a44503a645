// Text formatting for the panel: clock times, countdowns, threshold labels. Pure, so it is unit-tested
// in Node; every decision (what the threshold is, whether a limit is exceeded) comes from the host.
import type { ThresholdLine } from '../src/shared/protocol';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `12:03:30` in the viewer's local time zone: what they compare with their own clock. */
export function formatClock(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `1h 02m`, `4m 05s`, `9s`: the time left of a pause, rounded up so that `0s` means over. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** `updated 3s ago`, `updated 2m ago`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `updated ${s}s ago`;
  if (s < 3600) return `updated ${Math.floor(s / 60)}m ago`;
  return `updated ${Math.floor(s / 3600)}h ago`;
}

const OP_SYMBOL: Readonly<Record<ThresholdLine['op'], string>> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '==': '=' };

/** `≥ 0.95 success`: the side of the line that passes (or fails), as drawn next to it. */
export function thresholdLabel(t: ThresholdLine): string {
  return `${OP_SYMBOL[t.op]} ${formatNumber(t.value)} ${t.side}`;
}

/** Up to 4 significant digits without exponent noise: 0.9512, 1234, 0.0001234. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** `Failed` → `failed`: phases become CSS class suffixes without trusting their spelling. */
export function phaseClass(phase: string): string {
  const known = ['successful', 'failed', 'inconclusive', 'error', 'running', 'pending'];
  const p = phase.toLowerCase();
  return known.includes(p) ? p : 'unknown';
}
