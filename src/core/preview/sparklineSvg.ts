// A small SVG line chart of one series for a hover (markdown images cannot follow the theme's CSS,
// so colours are mid-tones that read on light and dark backgrounds). Gaps in the data stay gaps;
// NaN and infinite samples are skipped like gaps, since they have no place on a linear axis.

export interface SparkSample {
  readonly t: number;
  readonly v: number;
}

export interface SparklineOptions {
  readonly width?: number;
  readonly height?: number;
  /** Drawn as a dashed line, and kept inside the vertical range. */
  readonly threshold?: number;
  /** Samples further apart than this (seconds) are not joined. */
  readonly maxGapSec?: number;
}

const LINE = '#3794ff';
const THRESHOLD = '#cc8800';

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

export function sparklineSvg(samples: readonly SparkSample[], options: SparklineOptions = {}): string {
  const width = options.width ?? 240;
  const height = options.height ?? 48;
  const pad = 2;
  const finite = samples.filter((s) => Number.isFinite(s.v) && Number.isFinite(s.t));
  const values = finite.map((s) => s.v).concat(options.threshold !== undefined && Number.isFinite(options.threshold) ? [options.threshold] : []);
  const parts: string[] = [];
  if (finite.length > 0) {
    const t0 = finite[0]!.t;
    const t1 = finite[finite.length - 1]!.t;
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi === lo) {
      hi += Math.abs(hi) * 0.1 || 1;
      lo -= Math.abs(lo) * 0.1 || 1;
    }
    const x = (t: number): number => (t1 === t0 ? width / 2 : pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad));
    const y = (v: number): number => height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
    const maxGap = options.maxGapSec ?? Infinity;
    let d = '';
    finite.forEach((s, i) => {
      const joined = i > 0 && s.t - finite[i - 1]!.t <= maxGap;
      d += `${joined ? 'L' : 'M'}${fmt(x(s.t))} ${fmt(y(s.v))}`;
    });
    if (options.threshold !== undefined && Number.isFinite(options.threshold)) {
      const ty = fmt(y(options.threshold));
      parts.push(`<line x1="0" y1="${ty}" x2="${width}" y2="${ty}" stroke="${THRESHOLD}" stroke-width="1" stroke-dasharray="4 3"/>`);
    }
    parts.push(`<path d="${d}" fill="none" stroke="${LINE}" stroke-width="1.5" stroke-linejoin="round"/>`);
    if (finite.length === 1) parts.push(`<circle cx="${fmt(x(t0))}" cy="${fmt(y(finite[0]!.v))}" r="2" fill="${LINE}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
