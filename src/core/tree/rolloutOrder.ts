// Which rollouts a namespace row shows, in which order: pinned ones first, then by name; with the
// "needs attention" filter only Paused and Degraded ones (pinned ones too: a pin is not a filter bypass).

export interface RolloutEntry {
  readonly name: string;
  readonly phase: string;
}

export interface OrderOptions {
  /** Keys `namespace/name`. */
  readonly pinned: ReadonlySet<string>;
  readonly attentionOnly: boolean;
}

export function needsAttention(phase: string): boolean {
  return phase === 'Paused' || phase === 'Degraded';
}

export function pinKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function orderRollouts<T extends RolloutEntry>(namespace: string, entries: readonly T[], options: OrderOptions): T[] {
  const pinned = (e: T): boolean => options.pinned.has(pinKey(namespace, e.name));
  return entries
    .filter((e) => !options.attentionOnly || needsAttention(e.phase))
    .sort((a, b) => Number(pinned(b)) - Number(pinned(a)) || a.name.localeCompare(b.name));
}
