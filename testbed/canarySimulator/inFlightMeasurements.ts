// Lets the synchronous reconcile loop use a metric source that answers with a Promise. The first
// request for a measurement starts the query and reports "not yet"; when the answer arrives it is
// kept and `onAnswer` asks for another reconcile, which asks again with the same request (same run,
// metric, query and simulated time) and gets the kept answer. A synchronous answer is passed
// straight through, so sync sources behave exactly as before.
import type { MetricRequest, MetricResponse, MetricSource } from './metricSource';

function keyOf(r: MetricRequest): string {
  return JSON.stringify([r.namespace, r.run, r.metric, r.now.getTime(), r.query]);
}

export class InFlightMeasurements {
  private readonly answers = new Map<string, MetricResponse>();
  private readonly pending = new Map<string, Promise<void>>();

  /**
   * @param onAnswer called (outside any reconcile) when an awaited answer has arrived.
   * @param onReject a rejected Promise is a bug in the source, not a provider error: reported here
   *   and recorded as an Error measurement so the run does not wait for ever.
   */
  constructor(private readonly onAnswer: () => void, private readonly onReject: (e: Error) => void) {}

  /** The answer to `request` if it is there (asking `source` on the first request), else undefined. */
  answerNow(source: MetricSource, request: MetricRequest): MetricResponse | undefined {
    const key = keyOf(request);
    const ready = this.answers.get(key);
    if (ready !== undefined) {
      this.answers.delete(key);
      return ready;
    }
    if (this.pending.has(key)) return undefined;
    const answer = source(request);
    if (!(answer instanceof Promise)) return answer;
    const settled = answer.then(
      (r: MetricResponse) => r,
      (e: unknown) => {
        const error = e instanceof Error ? e : new Error(String(e));
        this.onReject(error);
        return { error: error.message };
      },
    ).then((r) => {
      this.pending.delete(key);
      this.answers.set(key, r);
      this.onAnswer();
    });
    this.pending.set(key, settled);
    return undefined;
  }

  /** Queries still waiting for an answer. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves when at least one waiting query has its answer (at once when none waits). */
  async nextAnswer(): Promise<void> {
    await Promise.race([...this.pending.values(), ...(this.pending.size === 0 ? [Promise.resolve()] : [])]);
  }

  /** Forgets kept answers nobody asked for again (their run finished meanwhile). */
  clear(): void {
    this.answers.clear();
  }
}
