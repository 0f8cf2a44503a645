// Small manifests for the analysis rule tests.
import { yaml } from '../../../../support/lintHelpers';

/** An AnalysisTemplate with the given lines under `spec:` (already indented by two spaces). */
export function template(...specLines: string[]): string {
  return yaml('apiVersion: argoproj.io/v1alpha1', 'kind: AnalysisTemplate', 'metadata:', '  name: success-rate', 'spec:', ...specLines);
}

/** A Prometheus metric named `name` with extra metric lines (indented by six spaces). */
export function promMetric(name: string, query: string, ...extra: string[]): string[] {
  return [
    `  - name: ${name}`,
    ...extra,
    '    provider:',
    '      prometheus:',
    '        address: http://prometheus.monitoring:9090',
    `        query: ${query}`,
  ];
}
