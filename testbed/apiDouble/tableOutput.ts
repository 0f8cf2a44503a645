// Table answers (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), as `kubectl get` asks for them.
// A custom resource's columns are its CRD's additionalPrinterColumns after NAME
// (apiextensions-apiserver registry/customresource/tableconvertor); built-in kinds use the API server's
// own printers (kubernetes pkg/printers/internalversion/printers.go), always wide as the server generates
// them, kubectl hiding the priority-1 columns unless `-o wide`. Ages are measured against the store's clock.
import { badRequest } from './apiStatus';
import { isJsonObject, type JsonObject, type JsonValue } from './jsonValue';
import type { ResourceDef } from './resourceTable';

export interface TableColumn {
  readonly name: string;
  readonly type: string;
  readonly format?: string;
  readonly description: string;
  readonly priority?: number;
}

/** Which representation a request's Accept header asks for first, as the API server negotiates it. */
export function tableRequested(accept: string | undefined): { readonly version: 'v1' | 'v1beta1' } | undefined {
  for (const clause of (accept ?? '').split(',')) {
    const [type, ...paramText] = clause.split(';').map((s) => s.trim());
    const params = new Map(paramText.map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const;
    }));
    const as = params.get('as');
    if (as === undefined) {
      if (type === 'application/json' || type === '*/*' || type === 'application/*') return undefined;
      continue;
    }
    const version = params.get('v');
    if (as === 'Table' && params.get('g') === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1') && type === 'application/json') return { version };
  }
  return undefined;
}

const NAME_COLUMN: TableColumn = {
  name: 'Name', type: 'string', format: 'name',
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
};
const AGE_DESCRIPTION = 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';
const age: TableColumn = { name: 'Age', type: 'string', description: AGE_DESCRIPTION };
const wide = (name: string, description: string): TableColumn => ({ name, type: 'string', priority: 1, description });

type Cell = JsonValue;
interface Printer {
  readonly columns: readonly TableColumn[];
  cells(obj: JsonObject, nowMs: number): Cell[];
}

/** Go's duration.HumanDuration: about 2-3 significant figures. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** translateTimestampSince: `<unknown>` for a missing timestamp. */
function since(timestamp: JsonValue | undefined, nowMs: number): string {
  if (typeof timestamp !== 'string' || timestamp === '') return '<unknown>';
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? '<invalid>' : humanDuration(nowMs - t);
}

function path(obj: JsonValue | undefined, ...keys: (string | number)[]): JsonValue | undefined {
  let node: JsonValue | undefined = obj;
  for (const k of keys) {
    if (typeof k === 'number') node = Array.isArray(node) ? node[k] : undefined;
    else node = isJsonObject(node) ? node[k] : undefined;
  }
  return node;
}

const text = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');
const int = (v: JsonValue | undefined): number => (typeof v === 'number' ? Math.trunc(v) : 0);
const items = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);
const nameOf = (obj: JsonObject): string => text(path(obj, 'metadata', 'name'));
const created = (obj: JsonObject, nowMs: number): string => since(path(obj, 'metadata', 'creationTimestamp'), nowMs);

/** A CRD column's simple JSONPath (`.spec.replicas`) read from the object; undefined when missing. */
function jsonPathValue(obj: JsonObject, jsonPath: string): JsonValue | undefined {
  const keys = jsonPath.replace(/^\./, '').split('.').filter((k) => k !== '');
  return path(obj, ...keys);
}

/** cellForJSONValue (and jsonpath's printing for string columns) of the CRD table convertor. */
function crdCell(type: string, value: JsonValue | undefined, nowMs: number): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string': return typeof value === 'string' ? value : JSON.stringify(value);
    case 'integer': return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number': return typeof value === 'number' ? value : null;
    case 'boolean': return typeof value === 'boolean' ? value : null;
    case 'date': return typeof value === 'string' ? since(value, nowMs) : null;
    default: return null;
  }
}

function crdPrinter(def: ResourceDef): Printer | undefined {
  const columns = def.printerColumns;
  if (!columns) return undefined;
  return {
    columns: [NAME_COLUMN, ...columns.map((c) => ({ name: c.name, type: c.type, description: c.description, ...(c.priority ? { priority: c.priority } : {}) }))],
    cells: (obj, nowMs) => [nameOf(obj), ...columns.map((c) => crdCell(c.type, jsonPathValue(obj, c.jsonPath), nowMs))],
  };
}

function containerCells(obj: JsonObject): [string, string] {
  const containers = items(path(obj, 'spec', 'template', 'spec', 'containers'));
  return [containers.map((c) => text(path(c, 'name'))).join(','), containers.map((c) => text(path(c, 'image'))).join(',')];
}

/** metav1.FormatLabelSelector of matchLabels (the double's selectors use no expressions here). */
function formatSelector(selector: JsonValue | undefined): string {
  if (!isJsonObject(selector)) return '<none>';
  const labels = isJsonObject(selector.matchLabels) ? selector.matchLabels : {};
  const exprs = items(selector.matchExpressions).map((e) => {
    const values = items(path(e, 'values')).map(text).sort();
    const op = text(path(e, 'operator'));
    const key = text(path(e, 'key'));
    if (op === 'In') return `${key} in (${values.join(',')})`;
    if (op === 'NotIn') return `${key} notin (${values.join(',')})`;
    if (op === 'Exists') return key;
    return `!${key}`;
  });
  const parts = [...Object.keys(labels).sort().map((k) => `${k}=${text(labels[k])}`), ...exprs];
  return parts.length === 0 ? '<none>' : parts.join(',');
}

/** printPod: READY ready/total, STATUS the reason the kubelet or a container gives, RESTARTS with the last one's age. */
function podCells(pod: JsonObject, nowMs: number): Cell[] {
  const status = path(pod, 'status');
  let reason = text(path(status, 'reason')) || text(path(status, 'phase'));
  if (items(path(status, 'conditions')).some((c) => text(path(c, 'type')) === 'PodScheduled' && text(path(c, 'reason')) === 'SchedulingGated')) reason = 'SchedulingGated';
  const restartable = new Set(items(path(pod, 'spec', 'initContainers')).filter((c) => text(path(c, 'restartPolicy')) === 'Always').map((c) => text(path(c, 'name'))));
  const total = items(path(pod, 'spec', 'containers')).length + restartable.size;
  let ready = 0;
  const finishedAt = (c: JsonValue | undefined): number => {
    const t = Date.parse(text(path(c, 'lastState', 'terminated', 'finishedAt')));
    return Number.isNaN(t) ? 0 : t;
  };
  // Every init container's restarts count while the pod initializes; afterwards only the sidecars' (restartable) ones.
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;
  let initializing = false;
  const inits = items(path(status, 'initContainerStatuses'));
  const initCount = items(path(pod, 'spec', 'initContainers')).length;
  for (const [i, c] of inits.entries()) {
    const terminated = path(c, 'state', 'terminated');
    const waiting = text(path(c, 'state', 'waiting', 'reason'));
    restarts += int(path(c, 'restartCount'));
    lastRestart = Math.max(lastRestart, finishedAt(c));
    if (restartable.has(text(path(c, 'name')))) {
      sidecarRestarts += int(path(c, 'restartCount'));
      lastSidecarRestart = Math.max(lastSidecarRestart, finishedAt(c));
    }
    if (isJsonObject(terminated) && int(terminated.exitCode) === 0) continue;
    if (restartable.has(text(path(c, 'name'))) && path(c, 'started') === true) {
      if (path(c, 'ready') === true) ready++;
      continue;
    }
    if (isJsonObject(terminated)) {
      reason = text(terminated.reason) ? `Init:${text(terminated.reason)}` : int(terminated.signal) !== 0 ? `Init:Signal:${int(terminated.signal)}` : `Init:ExitCode:${int(terminated.exitCode)}`;
    } else if (waiting !== '' && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }
  const initialized = items(path(status, 'conditions')).some((c) => text(path(c, 'type')) === 'Initialized' && text(path(c, 'status')) === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    let errorReason = '';
    const statuses = items(path(status, 'containerStatuses'));
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += int(path(c, 'restartCount'));
      lastRestart = Math.max(lastRestart, finishedAt(c));
      const waiting = text(path(c, 'state', 'waiting', 'reason'));
      const terminated = path(c, 'state', 'terminated');
      if (waiting !== '') reason = waiting;
      else if (isJsonObject(terminated)) {
        reason = text(terminated.reason) || (int(terminated.signal) !== 0 ? `Signal:${int(terminated.signal)}` : `ExitCode:${int(terminated.exitCode)}`);
        if (int(terminated.exitCode) !== 0) errorReason = reason;
      } else if (path(c, 'ready') === true && isJsonObject(path(c, 'state', 'running'))) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed') {
      const readyCondition = items(path(status, 'conditions')).some((c) => text(path(c, 'type')) === 'Ready' && text(path(c, 'status')) === 'True');
      if (hasRunning && readyCondition) reason = 'Running';
      else if (errorReason !== '') reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    }
  }
  const phase = text(path(status, 'phase'));
  if (path(pod, 'metadata', 'deletionTimestamp') !== undefined) {
    if (text(path(status, 'reason')) === 'NodeLost') reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }
  const restartsText = restarts !== 0 && lastRestart > 0 ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts);
  const gates = items(path(pod, 'spec', 'readinessGates'));
  const trueGates = gates.filter((g) => items(path(status, 'conditions')).some((c) => text(path(c, 'type')) === text(path(g, 'conditionType')) && text(path(c, 'status')) === 'True')).length;
  return [
    nameOf(pod), `${ready}/${total}`, reason, restartsText, created(pod, nowMs),
    text(path(status, 'podIPs', 0, 'ip')) || '<none>', text(path(pod, 'spec', 'nodeName')) || '<none>',
    text(path(status, 'nominatedNodeName')) || '<none>', gates.length > 0 ? `${trueGates}/${gates.length}` : '<none>',
  ];
}

/** printService; a Service's type and ports' protocol are defaulted by a real server (ClusterIP, TCP), so here too. */
function serviceCells(svc: JsonObject, nowMs: number): Cell[] {
  const type = text(path(svc, 'spec', 'type')) || 'ClusterIP';
  const externalIps = items(path(svc, 'spec', 'externalIPs')).map(text);
  const external = type === 'ExternalName' ? text(path(svc, 'spec', 'externalName'))
    : type === 'LoadBalancer' ? ([...items(path(svc, 'status', 'loadBalancer', 'ingress')).map((i) => text(path(i, 'ip')) || text(path(i, 'hostname'))), ...externalIps].join(',') || '<pending>')
      : externalIps.length > 0 ? externalIps.join(',') : '<none>';
  const ports = items(path(svc, 'spec', 'ports')).map((p) => {
    const protocol = text(path(p, 'protocol')) || 'TCP';
    const nodePort = int(path(p, 'nodePort'));
    return nodePort > 0 ? `${int(path(p, 'port'))}:${nodePort}/${protocol}` : `${int(path(p, 'port'))}/${protocol}`;
  }).join(',');
  const selector = path(svc, 'spec', 'selector');
  const selectorText = isJsonObject(selector) && Object.keys(selector).length > 0 ? Object.keys(selector).sort().map((k) => `${k}=${text(selector[k])}`).join(',') : '<none>';
  return [nameOf(svc), type, text(path(svc, 'spec', 'clusterIPs', 0)) || '<none>', external, ports || '<none>', created(svc, nowMs), selectorText];
}

const BUILTIN: Readonly<Record<string, Printer>> = {
  Pod: {
    columns: [NAME_COLUMN,
      { name: 'Ready', type: 'string', description: 'The aggregate readiness state of this pod for accepting traffic.' },
      { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.' },
      { name: 'Restarts', type: 'string', description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.' },
      age, wide('IP', 'podIP address allocated to the pod.'), wide('Node', 'NodeName indicates in which node this pod is scheduled.'),
      wide('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.'), wide('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.')],
    cells: podCells,
  },
  ReplicaSet: {
    columns: [NAME_COLUMN,
      { name: 'Desired', type: 'integer', description: 'Replicas is the number of desired pods.' },
      { name: 'Current', type: 'integer', description: 'Replicas is the most recently observed number of non-terminating pods.' },
      { name: 'Ready', type: 'integer', description: 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.' },
      age, wide('Containers', 'Names of each container in the template.'), wide('Images', 'Images referenced by each container in the template.'),
      wide('Selector', 'Selector is a label query over pods that should match the replica count.')],
    cells: (rs, nowMs) => [nameOf(rs), int(path(rs, 'spec', 'replicas') ?? 1), int(path(rs, 'status', 'replicas')), int(path(rs, 'status', 'readyReplicas')),
      created(rs, nowMs), ...containerCells(rs), formatSelector(path(rs, 'spec', 'selector'))],
  },
  Deployment: {
    columns: [NAME_COLUMN,
      { name: 'Ready', type: 'string', description: 'Number of the pod with ready state' },
      { name: 'Up-to-date', type: 'string', description: 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.' },
      { name: 'Available', type: 'string', description: 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.' },
      age, wide('Containers', 'Names of each container in the template.'), wide('Images', 'Images referenced by each container in the template.'),
      wide('Selector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.')],
    cells: (d, nowMs) => [nameOf(d), `${int(path(d, 'status', 'readyReplicas'))}/${int(path(d, 'spec', 'replicas') ?? 1)}`, int(path(d, 'status', 'updatedReplicas')),
      int(path(d, 'status', 'availableReplicas')), created(d, nowMs), ...containerCells(d), formatSelector(path(d, 'spec', 'selector'))],
  },
  Service: {
    columns: [NAME_COLUMN,
      { name: 'Type', type: 'string', description: 'type determines how the Service is exposed.' },
      { name: 'Cluster-IP', type: 'string', description: 'clusterIP is the IP address of the service.' },
      { name: 'External-IP', type: 'string', description: 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.' },
      { name: 'Port(s)', type: 'string', description: 'The list of ports that are exposed by this service.' },
      age, wide('Selector', 'Route service traffic to pods with label keys and values matching this selector.')],
    cells: serviceCells,
  },
  Namespace: {
    columns: [NAME_COLUMN, { name: 'Status', type: 'string', description: 'The status of the namespace' }, age],
    cells: (ns, nowMs) => [nameOf(ns), text(path(ns, 'status', 'phase')), created(ns, nowMs)],
  },
};

/** rest.DefaultTableConvertor, for a kind without a printer of its own. */
const DEFAULT_PRINTER: Printer = {
  columns: [NAME_COLUMN, { name: 'Created At', type: 'date', description: AGE_DESCRIPTION }],
  cells: (obj) => [nameOf(obj), text(path(obj, 'metadata', 'creationTimestamp'))],
};

function printerFor(def: ResourceDef): Printer {
  return crdPrinter(def) ?? (def.custom ? undefined : BUILTIN[def.kind]) ?? DEFAULT_PRINTER;
}

/** The API server's PartialObjectMetadata for a row (includeObject=Metadata, the default). */
function rowObject(def: ResourceDef, obj: JsonObject, includeObject: string, version: string): JsonObject | undefined {
  if (includeObject === 'None') return undefined;
  if (includeObject === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: isJsonObject(obj.metadata) ? obj.metadata : {} };
}

/** A Table of `objects` (one for a get, the items for a list), as the API server converts it. */
export function asTable(def: ResourceDef, objects: readonly JsonObject[], options: { resourceVersion: string; nowMs: number; query: URLSearchParams; version: string }): JsonObject {
  const includeObject = options.query.get('includeObject') ?? 'Metadata';
  if (!['Metadata', 'Object', 'None', ''].includes(includeObject)) throw badRequest(`unrecognized includeObject value: "${includeObject}"`);
  const printer = printerFor(def);
  const table: JsonObject = { kind: 'Table', apiVersion: `meta.k8s.io/${options.version}`, metadata: { resourceVersion: options.resourceVersion } };
  table.columnDefinitions = printer.columns.map((c) => ({
    name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority ?? 0,
  }));
  table.rows = objects.map((obj) => {
    const object = rowObject(def, obj, includeObject || 'Metadata', options.version);
    return { cells: printer.cells(obj, options.nowMs), ...(object ? { object } : {}) };
  });
  return table;
}
