// Our own manifests for the fuzz test, covering every linted kind and both strategies.
import { generateApp } from '../../../scripts/bench/generateManifests';
import { yaml } from '../support/lintHelpers';
import { ROLLOUT, services, ZERO_SURGE } from '../cli/cliFixtures';

const BLUE_GREEN = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
  'metadata: {name: bg}',
  'spec:',
  '  replicas: 3',
  '  revisionHistoryLimit: 2',
  '  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: bg}',
  '  strategy:',
  '    blueGreen:',
  '      activeService: bg-active',
  '      previewService: bg-preview',
  '      autoPromotionEnabled: false',
  '      scaleDownDelayRevisionLimit: 1',
  '      prePromotionAnalysis:',
  '        templates: [{templateName: smoke, clusterScope: true}]',
  '        args: [{name: host, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]',
  '      antiAffinity:',
  '        preferredDuringSchedulingIgnoredDuringExecution: {weight: 50}',
);

const CLUSTER_TEMPLATE = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: ClusterAnalysisTemplate',
  'metadata: {name: smoke}',
  'spec:',
  '  args: [{name: host}]',
  '  dryRun: [{metricName: ".*"}]',
  '  metrics:',
  '    - name: web',
  '      successCondition: result.ok == true',
  '      failureCondition: "result.code >= 500"',
  '      consecutiveErrorLimit: 2',
  '      provider:',
  '        web:',
  '          url: "https://{{args.host}}/health"',
  '          jsonPath: "{$.status}"',
  '          timeoutSeconds: 10',
  '    - name: job',
  '      provider:',
  '        job:',
  '          spec:',
  '            backoffLimit: 1',
  '            template:',
  '              spec:',
  '                restartPolicy: Never',
  '                containers: [{name: t, image: busybox, command: [sh, -c, "exit 0"]}]',
);

const EXPERIMENT = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Experiment',
  'metadata: {name: exp}',
  'spec:',
  '  duration: 10m',
  '  progressDeadlineSeconds: 30',
  '  templates:',
  '    - name: baseline',
  '      replicas: 1',
  '      selector: {matchLabels: {app: exp, role: baseline}}',
  '      template:',
  '        metadata: {labels: {app: exp, role: baseline}}',
  '        spec: {containers: [{name: c, image: "nginx:1"}]}',
  '  analyses:',
  '    - name: compare',
  '      templateName: smoke',
  '      clusterScope: true',
  '      args: [{name: host, value: "{{templates.baseline.podTemplateHash}}"}]',
);

const ANALYSIS_RUN = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: AnalysisRun',
  'metadata: {name: run-1}',
  'spec:',
  '  args: [{name: q, value: "up"}]',
  '  terminate: false',
  '  metrics:',
  '    - name: prom',
  '      interval: 30s',
  '      count: 3',
  '      failureLimit: 0',
  '      successCondition: "result[0] > 0 && isNaN(result[0]) == false"',
  '      provider:',
  '        prometheus:',
  '          address: http://prom:9090',
  '          timeout: 30',
  '          query: sum(rate(x{job="{{args.q}}"}[5m])) by (le)',
  '          rangeQuery: {start: "now() - duration(\\"5m\\")", end: "now()", step: 1m}',
  '    - name: dd',
  '      provider: {datadog: {query: "avg:cpu{*}", interval: 5m, apiVersion: v2}}',
);

const JSON_ROLLOUT = JSON.stringify(
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'json' },
    spec: {
      selector: { matchLabels: { app: 'json' } },
      template: { metadata: { labels: { app: 'json' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
      strategy: { canary: { maxSurge: '25%', maxUnavailable: 0, steps: [{ setWeight: 50 }, { pause: { duration: '1h' } }, { setCanaryScale: { replicas: 2 } }] } },
    },
  },
  null,
  2,
);

export const FUZZ_FIXTURES: readonly { name: string; files: string[] }[] = [
  { name: 'rollout with its services', files: [ROLLOUT, services('demo')] },
  { name: 'rollout with zero surge', files: [ZERO_SURGE] },
  { name: 'blue-green with a cluster template', files: [BLUE_GREEN, CLUSTER_TEMPLATE] },
  { name: 'experiment and analysis run', files: [EXPERIMENT, ANALYSIS_RUN, CLUSTER_TEMPLATE] },
  { name: 'json rollout', files: [JSON_ROLLOUT] },
  { name: 'benchmark app', files: [generateApp(3)] },
];
