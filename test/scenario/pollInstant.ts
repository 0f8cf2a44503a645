// Waits for a Prometheus query at "now" to answer what the caller wants, for live data that shows up
// when another process has scraped it (the first scrape of a new target comes ~6 s after start):
// polls every 100 ms with a deadline and says what it last got when the deadline passes.
import { PrometheusClient } from '../../src/prometheus/prometheusClient';

/**
 * Resolves with the value (first series, or the scalar) of `query` evaluated at the current time once
 * `accept` takes it — an empty answer or an error never is; rejects after `timeoutMs`.
 */
export async function pollInstant(url: string, query: string, accept: (value: number) => boolean, timeoutMs: number): Promise<number> {
  const client = new PrometheusClient({ baseUrl: url, timeoutMs: Math.min(timeoutMs, 5000) });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    const answer = await client.instant(query, Date.now() / 1000);
    if (answer.ok) {
      const d = answer.value;
      const value = d.resultType === 'scalar' ? d.sample.v : d.resultType === 'vector' ? d.series[0]?.samples[0]?.v : undefined;
      if (value !== undefined && accept(value)) return value;
      last = value === undefined ? `${d.resultType} without a sample` : String(value);
    } else {
      last = answer.error.message;
    }
    if (Date.now() > deadline) throw new Error(`${query} at ${url} did not answer as wanted within ${timeoutMs} ms (last: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
