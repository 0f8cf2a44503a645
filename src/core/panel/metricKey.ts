// The key that names one metric of one run across the protocol (MetricView.key, requestSeries,
// openTemplate). Run names cannot hold `/` (they are Kubernetes object names), so the first `/`
// splits it even when a metric name holds one.

export function metricKey(runName: string, metricName: string): string {
  return `${runName}/${metricName}`;
}
