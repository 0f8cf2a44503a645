// Runs a planned series (src/core/panel/planSeries): one range query per line, against the
// Prometheus the metric's template names; src/core/panel/seriesView turns the answers into the view.
import type { SeriesPlan } from '../../core/panel/planSeries';
import { seriesView } from '../../core/panel/seriesView';
import type { QueryData } from '../../core/prometheus/parseQueryResponse';
import type { Result } from '../../core/result';
import type { SeriesView } from '../../shared/protocol';

export type SeriesSource = (plan: SeriesPlan, signal: AbortSignal) => Promise<SeriesView>;

/** What the panel needs of a Prometheus client (src/prometheus/prometheusClient.ts has it). */
export interface RangeClient {
  range(query: string, startSec: number, endSec: number, stepSec: number, signal?: AbortSignal): Promise<Result<QueryData, { message: string }>>;
}

/** Resolves the template's address (URL setting, service proxy, credentials) to a client. */
export type PrometheusTarget = (templateAddress: string | undefined, signal?: AbortSignal) => Promise<Result<{ client: RangeClient; where: string }, string>>;

export function prometheusSeriesSource(target: PrometheusTarget): SeriesSource {
  return async (plan, signal) => {
    const connected = await target(plan.address, signal);
    if (!connected.ok) return { status: 'error', key: plan.key, where: plan.address ?? '', message: connected.error };
    const { client, where } = connected.value;
    const answers = await Promise.all(plan.lines.map((l) => client.range(l.query, plan.start, plan.end, plan.step, signal)));
    return seriesView(plan, where, answers);
  };
}
