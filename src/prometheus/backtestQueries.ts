// The range queries of a backtest: the window cut into chunks of at most 11,000 points (Prometheus'
// limit per series and query), sent one after the other so progress can be reported and a cancel
// stops at once. Any failed chunk fails the whole backtest: a replay over a window with holes the user
// did not see would judge runs on data that was never there.
import { rangeChunks, type BacktestWindow } from '../core/backtest/backtest';
import type { PromError } from '../core/prometheus/promErrors';
import type { QueryData } from '../core/prometheus/parseQueryResponse';
import type { Result } from '../core/result';
import type { QueryResult } from './prometheusClient';

export interface RangeQuerier {
  range(query: string, startSec: number, endSec: number, stepSec: number, signal?: AbortSignal): Promise<QueryResult>;
}

/** `done` of `total` chunks answered. */
export type BacktestProgress = (done: number, total: number) => void;

export async function backtestQueries(client: RangeQuerier, query: string, window: BacktestWindow, progress: BacktestProgress, signal?: AbortSignal): Promise<Result<QueryData[], PromError>> {
  const chunks = rangeChunks(window);
  const answers: QueryData[] = [];
  progress(0, chunks.length);
  for (const [i, c] of chunks.entries()) {
    const r = await client.range(query, c.startSec, c.endSec, window.stepSec, signal);
    if (!r.ok) return r;
    answers.push(r.value);
    progress(i + 1, chunks.length);
  }
  return { ok: true, value: answers };
}
