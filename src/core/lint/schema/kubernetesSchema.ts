// The Kubernetes types the Argo kinds embed (core/v1 PodSpec and friends, batch/v1 JobSpec), as they
// appear in the Argo CRDs. Those CRDs are generated with trimmed pod templates: pod-template metadata
// keeps only labels/annotations, and `volumes` and container `resources.limits/requests` are
// x-kubernetes-preserve-unknown-fields, so they are `open` here too.
import { arr, bool, extend, int, intOrStr, map, obj, open, str, strMap, strs } from './schemaNode';

/** Top-level `metadata`. The CRDs leave it untyped because the API server validates ObjectMeta itself. */
export const objectMeta = obj({
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: int,
  creationTimestamp: str,
  deletionTimestamp: str,
  deletionGracePeriodSeconds: int,
  labels: strMap,
  annotations: strMap,
  ownerReferences: arr(obj({ apiVersion: str, kind: str, name: str, uid: str, controller: bool, blockOwnerDeletion: bool })),
  finalizers: strs,
  managedFields: arr(open),
});

/** Embedded metadata of pod templates, experiment templates, analysis runs, active/preview/canary pods. */
export const labelsAndAnnotations = obj({ annotations: strMap, labels: strMap });

const requirement = obj({ key: str, operator: str, values: strs });
export const labelSelector = obj({ matchExpressions: arr(requirement), matchLabels: strMap });

const nodeSelectorTerm = obj({ matchExpressions: arr(requirement), matchFields: arr(requirement) });
const podAffinityTerm = obj({
  labelSelector,
  matchLabelKeys: strs,
  mismatchLabelKeys: strs,
  namespaceSelector: labelSelector,
  namespaces: strs,
  topologyKey: str,
});
const podAffinity = obj({
  preferredDuringSchedulingIgnoredDuringExecution: arr(obj({ podAffinityTerm, weight: int })),
  requiredDuringSchedulingIgnoredDuringExecution: arr(podAffinityTerm),
});
const affinity = obj({
  nodeAffinity: obj({
    preferredDuringSchedulingIgnoredDuringExecution: arr(obj({ preference: nodeSelectorTerm, weight: int })),
    requiredDuringSchedulingIgnoredDuringExecution: obj({ nodeSelectorTerms: arr(nodeSelectorTerm) }),
  }),
  podAffinity,
  podAntiAffinity: podAffinity,
});

const nameValue = obj({ name: str, value: str });
const execAction = obj({ command: strs });
const httpGet = obj({ host: str, httpHeaders: arr(nameValue), path: str, port: intOrStr, scheme: str });
const tcpSocket = obj({ host: str, port: intOrStr });
const probe = obj({
  exec: execAction,
  failureThreshold: int,
  grpc: obj({ port: int, service: str }),
  httpGet,
  initialDelaySeconds: int,
  periodSeconds: int,
  successThreshold: int,
  tcpSocket,
  terminationGracePeriodSeconds: int,
  timeoutSeconds: int,
});
const lifecycleHandler = obj({ exec: execAction, httpGet, sleep: obj({ seconds: int }), tcpSocket });
const keyRef = obj({ key: str, name: str, optional: bool });
const envVar = obj({
  name: str,
  value: str,
  valueFrom: obj({
    configMapKeyRef: keyRef,
    fieldRef: obj({ apiVersion: str, fieldPath: str }),
    fileKeyRef: obj({ key: str, optional: bool, path: str, volumeName: str }),
    resourceFieldRef: obj({ containerName: str, divisor: intOrStr, resource: str }),
    secretKeyRef: keyRef,
  }),
});
const optionalRef = obj({ name: str, optional: bool });
const typedProfile = obj({ localhostProfile: str, type: str });
const seLinuxOptions = obj({ level: str, role: str, type: str, user: str });
const windowsOptions = obj({ gmsaCredentialSpec: str, gmsaCredentialSpecName: str, hostProcess: bool, runAsUserName: str });
const resourceClaims = arr(obj({ name: str, request: str }));

export const container = obj({
  args: strs,
  command: strs,
  env: arr(envVar),
  envFrom: arr(obj({ configMapRef: optionalRef, prefix: str, secretRef: optionalRef })),
  image: str,
  imagePullPolicy: str,
  lifecycle: obj({ postStart: lifecycleHandler, preStop: lifecycleHandler, stopSignal: str }),
  livenessProbe: probe,
  name: str,
  ports: arr(obj({ containerPort: int, hostIP: str, hostPort: int, name: str, protocol: str })),
  readinessProbe: probe,
  resizePolicy: arr(obj({ resourceName: str, restartPolicy: str })),
  resources: obj({ claims: resourceClaims, limits: open, requests: open }),
  restartPolicy: str,
  restartPolicyRules: arr(obj({ action: str, exitCodes: obj({ operator: str, values: arr(int) }) })),
  securityContext: obj({
    allowPrivilegeEscalation: bool,
    appArmorProfile: typedProfile,
    capabilities: obj({ add: strs, drop: strs }),
    privileged: bool,
    procMount: str,
    readOnlyRootFilesystem: bool,
    runAsGroup: int,
    runAsNonRoot: bool,
    runAsUser: int,
    seLinuxOptions,
    seccompProfile: typedProfile,
    windowsOptions,
  }),
  startupProbe: probe,
  stdin: bool,
  stdinOnce: bool,
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  tty: bool,
  volumeDevices: arr(obj({ devicePath: str, name: str })),
  volumeMounts: arr(
    obj({ mountPath: str, mountPropagation: str, name: str, readOnly: bool, recursiveReadOnly: str, subPath: str, subPathExpr: str }),
  ),
  workingDir: str,
});

const quantities = map(intOrStr);

export const podSpec = obj({
  activeDeadlineSeconds: int,
  affinity,
  automountServiceAccountToken: bool,
  containers: arr(container),
  dnsConfig: obj({ nameservers: strs, options: arr(nameValue), searches: strs }),
  dnsPolicy: str,
  enableServiceLinks: bool,
  ephemeralContainers: arr(extend(container, { targetContainerName: str })),
  hostAliases: arr(obj({ hostnames: strs, ip: str })),
  hostIPC: bool,
  hostNetwork: bool,
  hostPID: bool,
  hostUsers: bool,
  hostname: str,
  hostnameOverride: str,
  imagePullSecrets: arr(obj({ name: str })),
  initContainers: arr(container),
  nodeName: str,
  nodeSelector: strMap,
  os: obj({ name: str }),
  overhead: quantities,
  preemptionPolicy: str,
  priority: int,
  priorityClassName: str,
  readinessGates: arr(obj({ conditionType: str })),
  resourceClaims: arr(obj({ name: str, resourceClaimName: str, resourceClaimTemplateName: str })),
  resources: obj({ claims: resourceClaims, limits: quantities, requests: quantities }),
  restartPolicy: str,
  runtimeClassName: str,
  schedulerName: str,
  schedulingGates: arr(obj({ name: str })),
  securityContext: obj({
    appArmorProfile: typedProfile,
    fsGroup: int,
    fsGroupChangePolicy: str,
    runAsGroup: int,
    runAsNonRoot: bool,
    runAsUser: int,
    seLinuxChangePolicy: str,
    seLinuxOptions,
    seccompProfile: typedProfile,
    supplementalGroups: arr(int),
    supplementalGroupsPolicy: str,
    sysctls: arr(nameValue),
    windowsOptions,
  }),
  serviceAccount: str,
  serviceAccountName: str,
  setHostnameAsFQDN: bool,
  shareProcessNamespace: bool,
  subdomain: str,
  terminationGracePeriodSeconds: int,
  tolerations: arr(obj({ effect: str, key: str, operator: str, tolerationSeconds: int, value: str })),
  topologySpreadConstraints: arr(
    obj({
      labelSelector,
      matchLabelKeys: strs,
      maxSkew: int,
      minDomains: int,
      nodeAffinityPolicy: str,
      nodeTaintsPolicy: str,
      topologyKey: str,
      whenUnsatisfiable: str,
    }),
  ),
  volumes: open,
});

export const podTemplateSpec = obj({ metadata: labelsAndAnnotations, spec: podSpec });

/** batch/v1 JobSpec, for the `job` metric provider. */
export const jobSpec = obj({
  activeDeadlineSeconds: int,
  backoffLimit: int,
  backoffLimitPerIndex: int,
  completionMode: str,
  completions: int,
  managedBy: str,
  manualSelector: bool,
  maxFailedIndexes: int,
  parallelism: int,
  podFailurePolicy: obj({
    rules: arr(
      obj({
        action: str,
        onExitCodes: obj({ containerName: str, operator: str, values: arr(int) }),
        onPodConditions: arr(obj({ status: str, type: str })),
      }),
    ),
  }),
  podReplacementPolicy: str,
  selector: labelSelector,
  successPolicy: obj({ rules: arr(obj({ succeededCount: int, succeededIndexes: str })) }),
  suspend: bool,
  template: podTemplateSpec,
  ttlSecondsAfterFinished: int,
});
