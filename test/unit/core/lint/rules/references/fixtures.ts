// Small manifests shared by the reference-rule tests.
import { yaml } from '../../../../support/lintHelpers';

export function service(name: string, selector: Record<string, string>, extra: string[] = []): string {
  return yaml('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, ...extra, 'spec:', '  selector:', ...Object.entries(selector).map(([k, v]) => `    ${k}: ${v}`));
}

export function canaryRollout(strategyLines: string[], labels: Record<string, string> = { app: 'demo' }): string {
  return yaml(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'metadata:',
    '  name: demo',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: demo',
    '  template:',
    '    metadata:',
    '      labels:',
    ...Object.entries(labels).map(([k, v]) => `        ${k}: ${v}`),
    '    spec:',
    '      containers:',
    '      - name: demo',
    '        image: demo:1',
    '  strategy:',
    '    canary:',
    ...strategyLines.map((l) => `      ${l}`),
  );
}

export function template(name: string, lines: string[], kind = 'AnalysisTemplate'): string {
  return yaml('apiVersion: argoproj.io/v1alpha1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, 'spec:', ...lines.map((l) => `  ${l}`));
}
