// Times in the panel's protocol are Unix seconds (what uPlot's time axis and Prometheus' range
// queries take); cluster objects hold RFC 3339 strings.
import { rfc3339 } from '../rollout/jsonFields';

/** An RFC 3339 timestamp as whole Unix seconds; undefined when missing or unreadable. */
export function unixSeconds(v: unknown): number | undefined {
  const ms = rfc3339(v);
  return ms === undefined ? undefined : Math.floor(ms / 1000);
}

/** `HH:MM:SS` in UTC, as explainOutcome prints measurement times, so every sentence of the panel agrees. */
export function clockTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, 19);
}
