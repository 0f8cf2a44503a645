// The Rollouts view's badge with several contexts: how many rollouts wait for a person across all of
// them (the rows the "needs attention" filter keeps: waiting for promotion, Degraded, aborted, …), and
// a tooltip that says where. No badge when nothing waits: a badge that always shows is noise.

export interface ContextAttention {
  readonly context: string;
  /** Rollouts of the context's namespaces in view that need attention. */
  readonly count: number;
}

export interface AttentionBadge {
  readonly value: number;
  readonly tooltip: string;
}

export function attentionBadge(perContext: readonly ContextAttention[]): AttentionBadge | undefined {
  const waiting = perContext.filter((c) => c.count > 0);
  const value = waiting.reduce((sum, c) => sum + c.count, 0);
  if (value === 0) return undefined;
  const where = waiting.map((c) => `${c.count} in ${c.context}`).join(', ');
  return { value, tooltip: `${value} rollout${value === 1 ? ' needs' : 's need'} attention: ${where}` };
}
