// Axes in the theme's chart colours: clock times along x, compact numbers along y.
import type uPlot from 'uplot';
import { formatClock, formatNumber } from './format';
import type { ChartColors } from './themeColors';

/** Axes in the theme's chart colours, shared by both charts. */
export function axes(colors: ChartColors): uPlot.Axis[] {
  const common = { stroke: colors.foreground, font: colors.font, grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
  return [
    { ...common, values: (_u, splits) => splits.map((s) => formatClock(s)) },
    { ...common, values: (_u, splits) => splits.map((s) => formatNumber(s)), size: 50 },
  ];
}
