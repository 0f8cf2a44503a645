// A fake clock for the simulator: time moves only when a test (or the demo) calls tick(), so
// pauses, analysis intervals and scale-down delays run without real timers or sleeps. Timers fire
// in time order with the clock set to their own time, so a 5-minute tick walks through every
// 1-minute pause at the moment it would really end.

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

export class SimClock {
  private ms: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start: Date | string | number = '2024-05-01T10:00:00Z') {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  /** RFC 3339 at second precision, as Kubernetes writes metav1.Time. */
  timestamp(ms: number = this.ms): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Runs `fn` once the clock reaches `atMs` (at once on the next tick when already due). Returns a cancel function. */
  at(atMs: number, fn: () => void): () => void {
    const timer: Timer = { at: atMs, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing due timers in order; timers they add are honoured too. */
  tick(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`tick(${ms}): time only moves forward`);
    const target = this.ms + ms;
    for (;;) {
      const next = this.nextDue(target);
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.ms = Math.max(this.ms, next.at);
      next.fn();
    }
    this.ms = target;
  }

  /** Same as tick(), for readers who think in "advance the clock to". */
  advanceTo(when: Date | string | number): void {
    this.tick(Math.max(0, new Date(when).getTime() - this.ms));
  }

  /** When the earliest timer at or before `untilMs` is due (undefined: none), for stepping timer by timer. */
  nextDueMs(untilMs: number = Infinity): number | undefined {
    return this.nextDue(untilMs)?.at;
  }

  /** Pending timers (for tests that check nothing is left scheduled). */
  get pendingTimers(): number {
    return this.timers.length;
  }

  private nextDue(target: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (t.at > target) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }
}
