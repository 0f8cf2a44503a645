// The fields of the five Argo Rollouts kinds (argoproj.io/v1alpha1), hand-written from the Go types and
// kept equal to the CRDs by test/unit/core/lint/schema/crdConformance.test.ts. Sub-schemas are shared
// exactly where the Go types are shared (one PodSpec for Rollouts, Experiment templates and Jobs).
import type { LintedKind } from '../types';
import { labelSelector, labelsAndAnnotations, jobSpec, objectMeta, podTemplateSpec } from './kubernetesSchema';
import { arr, bool, extend, int, intOrStr, map, obj, open, str, strMap, strs, type ObjectNode } from './schemaNode';

const metricNames = arr(obj({ metricName: str }));
const measurementRetention = arr(obj({ limit: int, metricName: str }));
const templateRefs = arr(obj({ clusterScope: bool, templateName: str }));
const conditions = arr(obj({ lastTransitionTime: str, lastUpdateTime: str, message: str, reason: str, status: str, type: str }));

// --- Rollout -------------------------------------------------------------------------------------

/** Arguments a Rollout passes to analyses: may read the pod template hash, never secrets. */
const rolloutArgs = arr(obj({ name: str, value: str, valueFrom: obj({ fieldRef: obj({ fieldPath: str }), podTemplateHashValue: str }) }));
const rolloutAnalysis = obj({
  analysisRunMetadata: labelsAndAnnotations,
  args: rolloutArgs,
  dryRun: metricNames,
  measurementRetention,
  templates: templateRefs,
});
const antiAffinity = obj({
  preferredDuringSchedulingIgnoredDuringExecution: obj({ weight: int }),
  requiredDuringSchedulingIgnoredDuringExecution: obj({}),
});
const stringMatch = obj({ exact: str, prefix: str, regex: str });

const canaryStep = obj({
  analysis: rolloutAnalysis,
  experiment: obj({
    analyses: arr(obj({ args: rolloutArgs, clusterScope: bool, name: str, requiredForCompletion: bool, templateName: str })),
    analysisRunMetadata: labelsAndAnnotations,
    dryRun: metricNames,
    duration: str,
    scaleDownDelaySeconds: int,
    templates: arr(
      obj({ metadata: labelsAndAnnotations, name: str, replicas: int, selector: labelSelector, service: obj({ name: str }), specRef: str, weight: int }),
    ),
  }),
  pause: obj({ duration: intOrStr }),
  plugin: obj({ config: open, name: str }),
  setCanaryScale: obj({ matchTrafficWeight: bool, replicas: int, weight: int }),
  setHeaderRoute: obj({ match: arr(obj({ headerName: str, headerValue: stringMatch })), name: str }),
  setMirrorRoute: obj({
    match: arr(obj({ headers: map(stringMatch), method: stringMatch, path: stringMatch })),
    name: str,
    percentage: int,
  }),
  setWeight: int,
});

const istioVirtualService = obj({
  name: str,
  routes: strs,
  tcpRoutes: arr(obj({ port: int })),
  tlsRoutes: arr(obj({ port: int, sniHosts: strs })),
});
const nameRef = obj({ name: str });
const trafficRouting = obj({
  alb: obj({
    annotationPrefix: str,
    ingress: str,
    ingresses: strs,
    rootService: str,
    servicePort: int,
    stickinessConfig: obj({ durationSeconds: int, enabled: bool }),
  }),
  ambassador: obj({ mappings: strs }),
  apisix: obj({ route: obj({ name: str, rules: strs }) }),
  appMesh: obj({
    virtualNodeGroup: obj({ canaryVirtualNodeRef: nameRef, stableVirtualNodeRef: nameRef }),
    virtualService: obj({ name: str, routes: strs }),
  }),
  istio: obj({
    destinationRule: obj({ additionalSubsetNames: strs, canarySubsetName: str, name: str, stableSubsetName: str }),
    virtualService: istioVirtualService,
    virtualServices: arr(istioVirtualService),
  }),
  managedRoutes: arr(nameRef),
  maxTrafficWeight: int,
  nginx: obj({ additionalIngressAnnotations: strMap, annotationPrefix: str, canaryIngressAnnotations: strMap, stableIngress: str, stableIngresses: strs }),
  plugins: open,
  smi: obj({ rootService: str, trafficSplitName: str }),
  traefik: obj({ weightedTraefikServiceName: str }),
});

const canary = obj({
  abortScaleDownDelaySeconds: int,
  analysis: extend(rolloutAnalysis, { startingStep: int }),
  antiAffinity,
  canaryMetadata: labelsAndAnnotations,
  canaryService: str,
  dynamicStableScale: bool,
  maxSurge: intOrStr,
  maxUnavailable: intOrStr,
  minPodsPerReplicaSet: int,
  pingPong: obj({ pingService: str, pongService: str }),
  replicaProgressThreshold: obj({ type: str, value: int }),
  scaleDownDelayRevisionLimit: int,
  scaleDownDelaySeconds: int,
  stableMetadata: labelsAndAnnotations,
  stableService: str,
  steps: arr(canaryStep),
  trafficRouting,
});

const blueGreen = obj({
  abortScaleDownDelaySeconds: int,
  activeMetadata: labelsAndAnnotations,
  activeService: str,
  antiAffinity,
  autoPromotionEnabled: bool,
  autoPromotionSeconds: int,
  maxUnavailable: intOrStr,
  postPromotionAnalysis: rolloutAnalysis,
  prePromotionAnalysis: rolloutAnalysis,
  previewMetadata: labelsAndAnnotations,
  previewReplicaCount: int,
  previewService: str,
  scaleDownDelayRevisionLimit: int,
  scaleDownDelaySeconds: int,
});

const runStatus = obj({ message: str, name: str, status: str });
const targetGroup = obj({ arn: str, fullName: str, name: str });
const albStatus = obj({ canaryTargetGroup: targetGroup, ingress: str, loadBalancer: targetGroup, stableTargetGroup: targetGroup });
const weightDestination = obj({ podTemplateHash: str, serviceName: str, weight: int });

const rolloutStatus = obj({
  HPAReplicas: int,
  abort: bool,
  abortedAt: str,
  alb: albStatus,
  albs: arr(albStatus),
  availableReplicas: int,
  blueGreen: obj({
    activeSelector: str,
    postPromotionAnalysisRunStatus: runStatus,
    prePromotionAnalysisRunStatus: runStatus,
    previewSelector: str,
    scaleUpPreviewCheckPoint: bool,
  }),
  canary: obj({
    currentBackgroundAnalysisRunStatus: runStatus,
    currentExperiment: str,
    currentStepAnalysisRunStatus: runStatus,
    stablePingPong: str,
    stepPluginStatuses: arr(
      obj({
        backoff: str,
        disabled: bool,
        executions: int,
        finishedAt: str,
        index: int,
        message: str,
        name: str,
        operation: str,
        phase: str,
        startedAt: str,
        status: open,
        updatedAt: str,
      }),
    ),
    weights: obj({ additional: arr(weightDestination), canary: weightDestination, stable: weightDestination, verified: bool }),
  }),
  collisionCount: int,
  conditions,
  controllerPause: bool,
  currentPodHash: str,
  currentStepHash: str,
  currentStepIndex: int,
  duration: obj({ completionStatus: str, finishedAt: str, manualPauseStartedAt: str, rolloutStartedAt: str, totalManualPauseDurationSeconds: int }),
  message: str,
  observedGeneration: str,
  pauseConditions: arr(obj({ reason: str, startTime: str })),
  phase: str,
  promoteFull: bool,
  readyReplicas: int,
  replicas: int,
  restartedAt: str,
  selector: str,
  stableRS: str,
  updatedReplicas: int,
  workloadObservedGeneration: str,
});

const rollout = obj({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: obj({
    analysis: obj({ successfulRunHistoryLimit: int, unsuccessfulRunHistoryLimit: int }),
    minReadySeconds: int,
    paused: bool,
    progressDeadlineAbort: bool,
    progressDeadlineSeconds: int,
    replicas: int,
    restartAt: str,
    revisionHistoryLimit: int,
    rollbackWindow: obj({ revisions: int }),
    selector: labelSelector,
    strategy: obj({ blueGreen, canary }),
    template: podTemplateSpec,
    workloadRef: obj({ apiVersion: str, kind: str, name: str, scaleDown: str }),
  }),
  status: rolloutStatus,
});

// --- Analysis ------------------------------------------------------------------------------------

/** Arguments of templates and runs: may read secrets, never the pod template hash. */
const analysisArgs = arr(
  obj({ name: str, value: str, valueFrom: obj({ fieldRef: obj({ fieldPath: str }), secretKeyRef: obj({ key: str, name: str }) }) }),
);
const authentication = obj({
  basicAuth: obj({ password: str, username: str }),
  oauth2: obj({ clientId: str, clientSecret: str, scopes: strs, tokenUrl: str }),
  sigv4: obj({ profile: str, region: str, roleArn: str }),
});
const keyValues = arr(obj({ key: str, value: str }));
const addressQuery = obj({ address: str, query: str });
const kayentaScope = obj({ end: str, region: str, scope: str, start: str, step: int });

const provider = obj({
  cloudWatch: obj({
    interval: str,
    metricDataQueries: arr(
      obj({
        expression: str,
        id: str,
        label: str,
        metricStat: obj({
          metric: obj({ dimensions: arr(obj({ name: str, value: str })), metricName: str, namespace: str }),
          period: intOrStr,
          stat: str,
          unit: str,
        }),
        period: intOrStr,
        returnData: bool,
      }),
    ),
  }),
  datadog: obj({
    aggregator: str,
    apiVersion: str,
    formula: str,
    interval: str,
    queries: strMap,
    query: str,
    requestTimeout: str,
    secretRef: obj({ name: str, namespaced: bool }),
  }),
  graphite: addressQuery,
  influxdb: obj({ profile: str, query: str }),
  job: obj({ metadata: labelsAndAnnotations, spec: jobSpec }),
  kayenta: obj({
    address: str,
    application: str,
    canaryConfigName: str,
    configurationAccountName: str,
    lookback: bool,
    metricsAccountName: str,
    scopes: arr(obj({ controlScope: kayentaScope, experimentScope: kayentaScope, name: str })),
    storageAccountName: str,
    threshold: obj({ marginal: int, pass: int }),
  }),
  newRelic: obj({ profile: str, query: str, timeout: int }),
  plugin: open,
  prometheus: obj({
    address: str,
    authentication,
    headers: keyValues,
    insecure: bool,
    query: str,
    rangeQuery: obj({ end: str, start: str, step: str }),
    timeout: int,
  }),
  skywalking: obj({ address: str, interval: str, query: str }),
  wavefront: addressQuery,
  web: obj({
    authentication,
    body: str,
    headers: keyValues,
    insecure: bool,
    jsonBody: open,
    jsonPath: str,
    method: str,
    timeoutSeconds: int,
    url: str,
  }),
});

const metric = obj({
  consecutiveErrorLimit: intOrStr,
  consecutiveSuccessLimit: intOrStr,
  count: intOrStr,
  failureCondition: str,
  failureLimit: intOrStr,
  inconclusiveLimit: intOrStr,
  initialDelay: str,
  interval: str,
  name: str,
  provider,
  successCondition: str,
});

const analysisTemplate = obj({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: obj({ args: analysisArgs, dryRun: metricNames, measurementRetention, metrics: arr(metric), templates: templateRefs }),
});

const runSummary = obj({ count: int, error: int, failed: int, inconclusive: int, successful: int });
const analysisRun = obj({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: obj({
    args: analysisArgs,
    dryRun: metricNames,
    measurementRetention,
    metrics: arr(metric),
    terminate: bool,
    ttlStrategy: obj({ secondsAfterCompletion: int, secondsAfterFailure: int, secondsAfterSuccess: int }),
  }),
  status: obj({
    completedAt: str,
    dryRunSummary: runSummary,
    message: str,
    metricResults: arr(
      obj({
        consecutiveError: int,
        consecutiveSuccess: int,
        count: int,
        dryRun: bool,
        error: int,
        failed: int,
        inconclusive: int,
        measurements: arr(obj({ finishedAt: str, message: str, metadata: strMap, phase: str, resumeAt: str, startedAt: str, value: str })),
        message: str,
        metadata: strMap,
        name: str,
        phase: str,
        successful: int,
      }),
    ),
    phase: str,
    runSummary,
    startedAt: str,
  }),
});

// --- Experiment ----------------------------------------------------------------------------------

const experiment = obj({
  apiVersion: str,
  kind: str,
  metadata: objectMeta,
  spec: obj({
    analyses: arr(obj({ args: analysisArgs, clusterScope: bool, name: str, requiredForCompletion: bool, templateName: str })),
    analysisRunMetadata: labelsAndAnnotations,
    dryRun: metricNames,
    duration: str,
    measurementRetention,
    progressDeadlineSeconds: int,
    scaleDownDelaySeconds: int,
    templates: arr(
      obj({ minReadySeconds: int, name: str, replicas: int, selector: labelSelector, service: obj({ name: str }), template: podTemplateSpec }),
    ),
    terminate: bool,
  }),
  status: obj({
    analysisRuns: arr(obj({ analysisRun: str, message: str, name: str, phase: str })),
    availableAt: str,
    conditions,
    message: str,
    phase: str,
    templateStatuses: arr(
      obj({
        availableReplicas: int,
        collisionCount: int,
        lastTransitionTime: str,
        message: str,
        name: str,
        podTemplateHash: str,
        readyReplicas: int,
        replicas: int,
        serviceName: str,
        status: str,
        updatedReplicas: int,
      }),
    ),
  }),
});

/** The root schema of each linted kind. Templates have no `status` in their CRDs. */
export const kindSchemas: Readonly<Record<LintedKind, ObjectNode>> = {
  Rollout: rollout,
  AnalysisTemplate: analysisTemplate,
  ClusterAnalysisTemplate: analysisTemplate,
  AnalysisRun: analysisRun,
  Experiment: experiment,
};

/** The root schema of a document's kind, if it is one of the linted kinds. */
export function schemaForKind(kind: string | undefined): ObjectNode | undefined {
  return kind !== undefined && Object.prototype.hasOwnProperty.call(kindSchemas, kind) ? kindSchemas[kind as LintedKind] : undefined;
}

/** Keys every Kubernetes object may have at its top level. */
export const TOP_LEVEL_KEYS: readonly string[] = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
