// Which rollouts a namespace row shows, in which order: pinned ones first, then by name; with the
// "needs attention" filter only the ones waiting for a person (pinned ones too: a pin is not a filter bypass).

export interface RolloutEntry {
  readonly name: string;
  readonly phase: string;
  /** Why it is not progressing (whyStuck's kind), when it is not. */
  readonly stuck?: string;
}

export interface OrderOptions {
  /** Keys `namespace/name`. */
  readonly pinned: ReadonlySet<string>;
  readonly attentionOnly: boolean;
}

/**
 * Waiting for a person: paused until promoted (or by a user), after an inconclusive analysis,
 * aborted, Degraded, InvalidSpec, or stuck (pods not ready, progress deadline, unverified weight).
 * A timed pause counting down is not: it goes on by itself.
 */
export function needsAttention(entry: { readonly phase: string; readonly stuck?: string }): boolean {
  if (entry.stuck !== undefined) return entry.stuck !== 'timedPause';
  return entry.phase === 'Paused' || entry.phase === 'Degraded';
}

export function pinKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function orderRollouts<T extends RolloutEntry>(namespace: string, entries: readonly T[], options: OrderOptions): T[] {
  const pinned = (e: T): boolean => options.pinned.has(pinKey(namespace, e.name));
  return entries
    .filter((e) => !options.attentionOnly || needsAttention(e))
    .sort((a, b) => Number(pinned(b)) - Number(pinned(a)) || a.name.localeCompare(b.name));
}
