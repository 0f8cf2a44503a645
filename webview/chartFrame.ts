// What both charts share: a focusable, labelled container that builds uPlot once it comes near the
// viewport (a panel of 10 runs × 3 metrics paints its first screen without building 30 charts),
// sizes it to its width (ResizeObserver), rebuilds it in the new theme's colours, lets the keyboard move the cursor
// (arrows, Home, End) and announces the value under it. Data updates go through uPlot's setData,
// so a state message never rebuilds a chart.
import uPlot from 'uplot';
import { el, setText, uniqueId } from './dom';
import { onThemeChange, readThemeColors, type ChartColors } from './themeColors';

export interface ChartSpec {
  /** uPlot options (without width/height/hooks.draw, which the frame adds) for the current data. */
  options(colors: ChartColors): Omit<uPlot.Options, 'width' | 'height'>;
  data(): uPlot.AlignedData;
  /** Changes when the series set changes shape (count, labels): then the chart is rebuilt. */
  shape(): string;
  /** What the keyboard cursor announces at data index `idx`. */
  describePoint(idx: number): string;
}

export class ChartFrame {
  readonly element: HTMLElement;
  readonly plotArea: HTMLElement;
  private plot: uPlot | undefined;
  private builtShape = '';
  private cursorIdx = -1;
  private readonly live = el('div', { class: 'sr-only', 'aria-live': 'polite' });
  private readonly resize: ResizeObserver;
  private readonly nearViewport: IntersectionObserver;
  private seen = false;
  private readonly stopTheme: () => void;
  private lastWidth = 0;
  draws = 0;

  constructor(
    label: string,
    describedBy: string,
    private readonly spec: ChartSpec,
    private readonly height: number,
  ) {
    this.plotArea = el('div', { class: 'chart-plot' });
    this.element = el('div', { class: 'chart', tabindex: '0', role: 'group', 'aria-label': label, 'aria-describedby': describedBy, id: uniqueId('chart') }, [this.plotArea, this.live]);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.element.addEventListener('blur', () => this.plot?.setCursor({ left: -10, top: -10 }));
    this.resize = new ResizeObserver(() => this.fit());
    this.resize.observe(this.plotArea);
    this.nearViewport = new IntersectionObserver(
      (entries) => {
        if (this.seen || !entries.some((e) => e.isIntersecting)) return;
        this.seen = true;
        this.nearViewport.disconnect();
        if (!this.plot) this.rebuild();
      },
      { rootMargin: '400px 0px' },
    );
    this.nearViewport.observe(this.element);
    this.stopTheme = onThemeChange(() => this.rebuild());
  }

  /** Shows the spec's current data: setData when the shape is unchanged, else a rebuild. */
  refresh(): void {
    if (!this.plot || this.spec.shape() !== this.builtShape) {
      this.rebuild();
      return;
    }
    this.plot.setData(this.spec.data());
  }

  /** Redraws in the current theme's colours (canvas pixels do not follow CSS variables). */
  rebuild(): void {
    this.plot?.destroy();
    this.plot = undefined;
    const width = this.plotArea.clientWidth;
    // A chart in a closed section has no width yet: it is built when the ResizeObserver sees one.
    if (width === 0 || !this.seen) return;
    const colors = readThemeColors(this.element);
    const options = this.spec.options(colors);
    const draw = [...(options.hooks?.draw ?? []), (): void => this.drawn()];
    this.builtShape = this.spec.shape();
    this.plot = new uPlot({ ...options, width, height: this.height, hooks: { ...options.hooks, draw } }, this.spec.data(), this.plotArea);
    this.cursorIdx = -1;
  }

  destroy(): void {
    this.resize.disconnect();
    this.nearViewport.disconnect();
    this.stopTheme();
    this.plot?.destroy();
    this.plot = undefined;
  }

  /** The draw count and time on the element: what tests wait for and the benchmark times. */
  private drawn(): void {
    this.draws += 1;
    this.element.dataset.draws = String(this.draws);
    // The time axis' span, for tests: where the points sit and how the ticks read follow from it.
    const x = this.plot?.scales.x;
    if (x?.min != null && x.max != null) this.element.dataset.xRange = `${x.min} ${x.max}`;
    this.element.dataset.drawnAt = performance.now().toFixed(1);
  }

  private fit(): void {
    const width = this.plotArea.clientWidth;
    if (width === this.lastWidth) return;
    this.lastWidth = width;
    if (!this.plot) this.rebuild();
    else if (width > 0) this.plot.setSize({ width, height: this.height });
  }

  private onKey(e: KeyboardEvent): void {
    const plot = this.plot;
    const xs = plot?.data[0];
    if (!plot || !xs || xs.length === 0) return;
    const last = xs.length - 1;
    const moves: Record<string, number> = {
      ArrowLeft: Math.max(0, this.cursorIdx - 1),
      ArrowRight: this.cursorIdx < 0 ? 0 : Math.min(last, this.cursorIdx + 1),
      Home: 0,
      End: last,
    };
    const idx = moves[e.key];
    if (idx === undefined) return;
    e.preventDefault();
    this.cursorIdx = idx;
    const x = xs[idx] ?? 0;
    const y = firstValueAt(plot.data, idx);
    const yKey = plot.series[1]?.scale ?? 'y';
    plot.setCursor({ left: plot.valToPos(x, 'x'), top: y === null ? 0 : plot.valToPos(y, yKey) });
    setText(this.live, this.spec.describePoint(idx));
  }
}

function firstValueAt(data: uPlot.AlignedData, idx: number): number | null {
  for (let s = 1; s < data.length; s++) {
    const v = data[s]?.[idx];
    if (typeof v === 'number') return v;
  }
  return null;
}
