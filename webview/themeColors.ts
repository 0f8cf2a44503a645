// Chart colours come from the VS Code theme's CSS variables, read at draw time: canvas pixels do not
// follow CSS, so a theme switch (VS Code swaps the variables and the body class together) must
// rebuild the charts. One MutationObserver on <body> serves every chart.

export interface ChartColors {
  readonly foreground: string;
  readonly grid: string;
  readonly background: string;
  readonly threshold: string;
  readonly canary: string;
  readonly stable: string;
  /** For `query` lines, in turn. */
  readonly palette: readonly string[];
  /** Measurement points by phase class (see phaseClass). */
  readonly phase: Readonly<Record<string, string>>;
  readonly font: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

/** The theme's chart colours as they apply to `node` (the variables are inherited from html/body). */
export function readThemeColors(node: Element): ChartColors {
  const s = getComputedStyle(node);
  const v = (name: string, fallback: string): string => cssVar(s, name, fallback);
  const foreground = v('--vscode-charts-foreground', v('--vscode-foreground', '#cccccc'));
  const red = v('--vscode-charts-red', '#f14c4c');
  const green = v('--vscode-charts-green', '#89d185');
  const yellow = v('--vscode-charts-yellow', '#cca700');
  const orange = v('--vscode-charts-orange', '#d18616');
  const blue = v('--vscode-charts-blue', '#3794ff');
  const purple = v('--vscode-charts-purple', '#b180d7');
  const family = v('--vscode-font-family', 'sans-serif');
  return {
    foreground,
    grid: v('--vscode-charts-lines', 'rgba(128, 128, 128, 0.35)'),
    background: v('--vscode-editor-background', 'transparent'),
    threshold: purple,
    canary: orange,
    stable: blue,
    palette: [blue, orange, green, purple, yellow, red],
    phase: { successful: green, failed: red, inconclusive: yellow, error: orange, running: blue, pending: foreground, unknown: foreground },
    font: `11px ${family}`,
  };
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/** Calls `cb` after VS Code switches theme (body class change); returns the unsubscribe function. */
export function onThemeChange(cb: Listener): () => void {
  if (!observer) {
    let lastClass = document.body.className;
    observer = new MutationObserver(() => {
      if (document.body.className === lastClass) return;
      lastClass = document.body.className;
      for (const l of [...listeners]) l();
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }
  listeners.add(cb);
  return () => listeners.delete(cb);
}
