// What the user arranged in the page — which runs are open, how far it is scrolled — kept with
// VS Code's webview state: the panel's page is rebuilt each time its tab is shown again
// (retainContextWhenHidden is off to save memory), and it must come back as the user left it.

export interface ViewState {
  /** Run name → open, for the runs the user opened or closed; others follow the default. */
  readonly open: Record<string, boolean>;
  scrollY: number;
}

/** The saved state is whatever an earlier page stored: read it with guards, never trust its shape. */
export function readViewState(saved: unknown): ViewState {
  const state: ViewState = { open: {}, scrollY: 0 };
  if (typeof saved !== 'object' || saved === null) return state;
  const open: unknown = Reflect.get(saved, 'open');
  if (typeof open === 'object' && open !== null) {
    for (const [name, value] of Object.entries(open)) if (typeof value === 'boolean') state.open[name] = value;
  }
  const scrollY: unknown = Reflect.get(saved, 'scrollY');
  if (typeof scrollY === 'number' && Number.isFinite(scrollY) && scrollY >= 0) state.scrollY = scrollY;
  return state;
}
