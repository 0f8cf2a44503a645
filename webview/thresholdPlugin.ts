// Draws a metric's threshold as a dashed horizontal line labelled `≥ 0.95 success`, on top of the
// series. The y scale is widened to include it: a threshold off the chart is the one thing the user
// most needs to see. The drawn position is kept on the chart element (data-threshold-y, canvas
// pixels) so that tests can check the pixels there.
import type uPlot from 'uplot';
import type { ThresholdLine } from '../src/shared/protocol';
import { formatNumber, thresholdLabel } from './format';
import type { ChartColors } from './themeColors';

/** A y range that holds the data and the threshold, padded so neither touches the border. */
/**
 * The time axis: a single measurement (or several at one instant) would give uPlot a zero-width range
 * and every tick the same label; widen it to a minute either side so the point sits in the middle.
 */
/**
 * The x range: the data's, or a minute either side of a single moment. uPlot widens a time scale with
 * one x value to a whole day before asking, which put the point on the left edge under ticks that all
 * read 00:00:00: so the single moment is read from the data, not from min and max.
 */
export function timeRange(): uPlot.Range.Function {
  return (u, min, max) => {
    const xs = u.data[0] ?? [];
    const first = xs[0];
    if (typeof first === 'number' && Number.isFinite(first) && xs.every((x) => x === first)) return [first - 60, first + 60];
    if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
    return max - min < 1 ? [min - 60, max + 60] : [min, max];
  };
}

export function rangeWithThreshold(threshold: ThresholdLine | undefined): uPlot.Range.Function {
  return (_u, min, max) => {
    const values = [min, max, threshold?.value].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (values.length === 0) return [0, 1];
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    const pad = hi === lo ? Math.max(Math.abs(hi) * 0.1, 0.5) : (hi - lo) * 0.1;
    lo -= pad;
    hi += pad;
    return [lo, hi];
  };
}

export function drawThreshold(threshold: ThresholdLine, colors: ChartColors, marker: HTMLElement): (u: uPlot) => void {
  return (u) => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const pos = u.valToPos(threshold.value, 'y', true);
    if (!Number.isFinite(pos) || pos < top || pos > top + height) return;
    // An even line width centred on a whole pixel row covers two rows exactly: crisp, and testable.
    const lineWidth = 2 * Math.max(1, Math.round(devicePixelRatio));
    const y = Math.round(pos);
    ctx.save();
    ctx.strokeStyle = colors.threshold;
    ctx.lineWidth = lineWidth;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = colors.threshold;
    ctx.font = colors.font.replace(/^(\d+)px/, (_m, px: string) => `${Number(px) * devicePixelRatio}px`);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(thresholdLabel(threshold), left + width - 4 * devicePixelRatio, y - lineWidth);
    ctx.restore();
    marker.dataset.thresholdY = String(y);
    marker.dataset.thresholdValue = formatNumber(threshold.value);
    marker.dataset.thresholdColor = colors.threshold;
  };
}
