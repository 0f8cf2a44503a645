// `kubectl argo rollouts restart NAME [--in DURATION]` (cmd/restart/restart.go): one merge patch
// setting spec.restartAt to now + delay in UTC RFC 3339; the controller restarts pods older than it.
import { parseGoDuration } from '../goDuration';
import { type ActionPlan, type ObjectRef, mergePatch } from './kubeRequest';

/** Go's `time.RFC3339` layout for a UTC time: whole seconds (truncated, not rounded) and `Z`. */
export function formatRfc3339Utc(t: Date): string {
  return t.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Go's `time.Duration.String()` for a number of seconds: `0s`, `500ms`, `1m30s`, `1h0m0s`. */
export function formatGoDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  const trim = (n: number) => String(Number(n.toFixed(9)));
  if (abs < 1) {
    if (abs >= 1e-3) return `${sign}${trim(abs * 1e3)}ms`;
    if (abs >= 1e-6) return `${sign}${trim(abs * 1e6)}µs`;
    return `${sign}${trim(abs * 1e9)}ns`;
  }
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs - h * 3600) / 60);
  const s = trim(abs - h * 3600 - m * 60);
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

/**
 * `delay` is what the user typed for `--in` (a Go duration such as `30s` or `1h30m`, echoed as
 * typed in the message, as the plugin does) or a number of seconds (printed as Go prints durations).
 * Returns Go's parse error for a bad duration (the plugin panics on it).
 */
export function planRestart(ref: ObjectRef, now: Date, delay?: string | number): ActionPlan | { error: string } {
  let seconds = 0;
  let shown = '0s';
  if (typeof delay === 'number') {
    if (!Number.isFinite(delay)) return { error: `invalid restart delay ${delay}` };
    seconds = delay;
    shown = formatGoDuration(delay);
  } else if (delay !== undefined && delay !== '') {
    const parsed = parseGoDuration(delay);
    if (!parsed.ok) return { error: parsed.error };
    seconds = parsed.seconds;
    shown = delay;
  }
  const restartAt = formatRfc3339Utc(new Date(now.getTime() + seconds * 1000));
  return {
    requests: [mergePatch('rollouts', ref, { spec: { restartAt } })],
    message: `rollout '${ref.name}' restarts in ${shown}`,
  };
}
