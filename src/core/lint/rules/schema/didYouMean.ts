// "Did you mean" candidates for a misspelt name: the known names closest to it, when close enough
// that the suggestion is likely right (a typo, a swapped pair of letters, a wrong letter case).

/** The closest names (ties included), or none when nothing is close. Case-insensitive equality wins. */
export function closestNames(name: string, known: Iterable<string>, exclude?: (candidate: string) => boolean): string[] {
  const lower = name.toLowerCase();
  // Short names tolerate fewer edits, or every two-letter key would "mean" every other one.
  const limit = lower.length < 3 ? 0 : lower.length < 6 ? 1 : 2;
  let best = Infinity;
  let out: string[] = [];
  for (const candidate of known) {
    if (candidate === name || exclude?.(candidate)) continue;
    const c = candidate.toLowerCase();
    if (Math.abs(c.length - lower.length) > limit) continue;
    const d = c === lower ? 0 : osaDistance(lower, c, limit);
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      out = [];
    }
    out.push(candidate);
  }
  return out;
}

/** Optimal-string-alignment (Damerau–Levenshtein without repeated edits) distance, capped at limit + 1. */
export function osaDistance(a: string, b: string, limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** ` — did you mean "a"?` / ` — did you mean "a" or "b"?`, or `` when there is no candidate. */
export function didYouMean(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const quoted = candidates.slice(0, 3).map((c) => `"${c}"`);
  const last = quoted.pop();
  return ` — did you mean ${quoted.length ? `${quoted.join(', ')} or ` : ''}${last}?`;
}
