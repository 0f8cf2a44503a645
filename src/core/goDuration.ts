// Go's time.ParseDuration, which Argo uses for interval, initialDelay, pause durations and more.
// Returns the duration in seconds (fractional), or Go's exact error text.

const UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

export type DurationResult = { ok: true; seconds: number } | { ok: false; error: string };

export function parseGoDuration(input: string): DurationResult {
  const quoted = JSON.stringify(input);
  const bad: DurationResult = { ok: false, error: `time: invalid duration ${quoted}` };
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, seconds: 0 };
  if (s === '') return bad;
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(\.(\d*))?/.exec(s)!;
    const intPart = num[1] ?? '';
    const fracPart = num[3] ?? '';
    if (intPart === '' && fracPart === '') return bad;
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${quoted}` };
    const scale = UNITS[unit];
    if (scale === undefined) return { ok: false, error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    s = s.slice(unit.length);
    total += Number(`${intPart || '0'}.${fracPart || '0'}`) * scale;
  }
  return { ok: true, seconds: sign * total };
}
