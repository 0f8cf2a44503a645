// k8s.io/apimachinery's duration.HumanDuration, which the plugin uses for AGE and `delay:`.
// Input in milliseconds; Go truncates every unit toward zero, so `3h59m59s` prints `3h59m`.

export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Up to 2 s in the future still counts as "now": clocks of client and server differ a little.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * AGE of an object. The plugin would print the age of Go's zero time for a missing timestamp
 * (a Job whose measurement has not started); `<unknown>` is what kubectl prints there instead.
 */
export function age(createdAt: number | undefined, now: number): string {
  return createdAt === undefined ? '<unknown>' : humanDuration(now - createdAt);
}
