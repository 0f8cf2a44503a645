// Pause step durations (§1.4 ST4): Argo reads them as whole seconds or a Go duration, and rejects
// anything that resolves to a negative number (-1 when it cannot be parsed).
import { parseGoDuration } from '../../../goDuration';
import { replaceFix } from '../../fixes';
import { invalid, type Rule } from '../../rule';
import type { Fix } from '../../types';
import { nodeAt } from '../../yamlPath';
import { argoStrategyPath, canarySteps, isSet, rec, rolloutParts, strategyAt } from './rolloutShape';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Argo's `RolloutPause.DurationSeconds()`; undefined when the value could not be decoded at all. */
export function pauseDurationSeconds(duration: unknown): number | undefined {
  if (duration === undefined || duration === null) return 0;
  if (typeof duration === 'number') return Number.isInteger(duration) ? duration : undefined;
  if (typeof duration !== 'string') return undefined;
  // strconv.ParseInt(s, 10, 32) first, then time.ParseDuration; fractions are truncated.
  if (/^[+-]?[0-9]+$/.test(duration)) {
    const n = Number(duration);
    if (n >= INT32_MIN && n <= INT32_MAX) return n;
  }
  const d = parseGoDuration(duration);
  return d.ok ? Math.trunc(d.seconds) : -1;
}

const UNIT_ALIASES: Record<string, string> = {
  ns: 'ns', us: 'us', 'µs': 'µs', ms: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
};

/**
 * The Go duration a user most likely meant (`1d` → `24h`, `10 m` → `10m`, `5 mins` → `5m`), or
 * undefined when the intent is not clear.
 */
export function suggestDuration(input: string): string | undefined {
  const re = /\s*([0-9]+)\s*([a-zA-Zµ]+)\s*/y;
  let out = '';
  let matched = 0;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const word = m[2]!;
    // `1H` or `1M` may not mean hours/minutes (months?): only whole words are read case-insensitively.
    const unit = UNIT_ALIASES[word] ?? (word.length > 1 ? UNIT_ALIASES[word.toLowerCase()] : undefined);
    if (!unit) return undefined;
    out += unit === 'd' ? `${Number(m[1]) * 24}h` : `${Number(m[1])}${unit}`;
    matched = re.lastIndex;
  }
  if (matched !== input.length || out === '' || out === input) return undefined;
  const d = parseGoDuration(out);
  return d.ok && d.seconds >= 0 ? out : undefined;
}

export const pauseDurationRule: Rule<'pause-duration'> = {
  id: 'pause-duration',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'Pause durations must be whole seconds or a Go duration',
  description:
    'Argo reads `pause.duration` as an integer number of seconds (`30`, `"30"`) or a Go duration (`30s`, `10m`, `1h30m`; ' +
    'units ns, us, ms, s, m, h). Anything else (`1d`, `10 m`, `5min`) becomes -1 and the Rollout is marked InvalidSpec at ' +
    'run time, although the API server accepts it. A quick fix rewrites unambiguous forms (`1d` → `24h`).',
  source: '§1.4 ST4',
  check(ctx) {
    const canary = rolloutParts(ctx.value)?.canary;
    if (!canary) return;
    for (const { step, i } of canarySteps(canary)) {
      const pause = rec(step.pause);
      if (!pause || !isSet(pause.duration)) continue;
      const seconds = pauseDurationSeconds(pause.duration);
      if (seconds === undefined || seconds >= 0) continue;
      const at = strategyAt('canary', 'steps', i, 'pause', 'duration');
      const suggestion = typeof pause.duration === 'string' ? suggestDuration(pause.duration) : undefined;
      let fix: Fix | undefined;
      const range = nodeAt(ctx.doc.yaml, at)?.range;
      if (suggestion && range) fix = replaceFix(`Fix a duration: use ${suggestion}`, { start: range[0], end: range[1] }, suggestion);
      const unparsable = typeof pause.duration === 'string' && !/^[+-]?[0-9]+$/.test(pause.duration) && !parseGoDuration(pause.duration).ok;
      const explain = unparsable
        ? ' — write whole seconds (`30`) or a Go duration such as `30s`, `10m` or `1h30m` (units ns, us, ms, s, m, h; no days, no spaces)' +
          (suggestion ? `; did you mean \`${suggestion}\`?` : '')
        : ' — a pause duration cannot be negative';
      ctx.report({
        message: invalid(seconds, 'Duration needs to be greater than 0') + explain,
        at,
        argoPath: argoStrategyPath('steps', i, 'pause', 'duration'),
        ...(fix ? { fix } : {}),
      });
    }
  },
};
