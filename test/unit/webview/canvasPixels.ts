// Reads a chart's canvas pixels in the page, to check that something was drawn and where.
import type { Locator } from 'playwright-core';

/** The slice of the DOM canvas API these probes use (the Node tsconfig has no DOM types). */
interface PixelCanvas {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { readonly data: ArrayLike<number> } } | null;
}

/** How many pixels of the canvas are not fully transparent. */
export function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: PixelCanvas) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    if (data) for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
}

/** The opaque colours of `height` rows of canvas pixels from row `y` (all rows by default), as `#rrggbb`, with how often each occurs. */
function colourCounts(canvas: Locator, y = 0, height?: number): Promise<Record<string, number>> {
  return canvas.evaluate((c: PixelCanvas, [top, rows]: readonly [number, number | undefined]) => {
    const data = c.getContext('2d')?.getImageData(0, top, c.width, rows ?? c.height - top).data;
    const counts: Record<string, number> = {};
    if (!data) return counts;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) !== 255) continue;
      const hex = `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      counts[hex] = (counts[hex] ?? 0) + 1;
    }
    return counts;
  }, [y, height] as const);
}

/** The opaque colours of one row of canvas pixels, as `#rrggbb`, with how often each occurs. */
export function rowColours(canvas: Locator, row: number): Promise<Record<string, number>> {
  return colourCounts(canvas, row, 1);
}

/** The canvas' width in pixels. */
export function canvasWidth(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: PixelCanvas) => c.width);
}

/** Every opaque colour on the canvas, as `#rrggbb`, with how many pixels have it. */
export function canvasColours(canvas: Locator): Promise<Record<string, number>> {
  return colourCounts(canvas);
}

/** The x of every canvas column holding at least one opaque pixel of `hex` (`#rrggbb`), in order. */
export function columnsWithColour(canvas: Locator, hex: string): Promise<number[]> {
  return canvas.evaluate((c: PixelCanvas, want: string) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    const found = new Set<number>();
    if (!data) return [];
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) !== 255) continue;
      const hexAt = `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      if (hexAt === want) found.add((i / 4) % c.width);
    }
    return [...found].sort((a, b) => a - b);
  }, hex.toLowerCase());
}

/** How many pixels of canvas column `x` are painted (not fully transparent). */
export function paintedInColumn(canvas: Locator, x: number): Promise<number> {
  return canvas.evaluate((c: PixelCanvas, col: number) => {
    const data = c.getContext('2d')?.getImageData(col, 0, 1, c.height).data;
    let n = 0;
    if (data) for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  }, x);
}
