// The resources the double serves, as the real API server (with the Argo Rollouts CRDs installed)
// describes them in discovery. The store, router and discovery all read this one table.
export interface ResourceDef {
  readonly group: string; // '' for the core group
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  /** Has a `status` subresource: writes to the main resource ignore status, /status writes change only status. */
  readonly statusSubresource: boolean;
  /** Scale subresource paths (spec replicas, status replicas, status selector), as in the CRD's `scale` block. */
  readonly scale?: { readonly specReplicas: readonly string[]; readonly statusReplicas: readonly string[]; readonly selector: readonly string[] };
  /** Custom resources refuse strategic merge patches, and refuse PUT without a resourceVersion. */
  readonly custom: boolean;
  readonly verbs: readonly string[];
  /** A custom resource's additionalPrinterColumns, as its CRD (v1.9.1) declares them: the columns of `kubectl get`. */
  readonly printerColumns?: readonly PrinterColumn[];
}

export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly jsonPath: string;
  readonly description: string;
  readonly priority?: number;
}

// From manifests/crds/*-crd.yaml of github.com/argoproj/argo-rollouts v1.9.1 (checked against the CRDs the real
// API server serves by test/realCluster/07-tableOutput.test.ts, and against the corpus by the unit suite).
const AGE: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time since resource was created' };
const ROLLOUT_COLUMNS: readonly PrinterColumn[] = [
  { name: 'Desired', type: 'integer', jsonPath: '.spec.replicas', description: 'Number of desired pods' },
  { name: 'Current', type: 'integer', jsonPath: '.status.replicas', description: 'Total number of non-terminated pods targeted by this rollout' },
  { name: 'Up-to-date', type: 'integer', jsonPath: '.status.updatedReplicas', description: 'Total number of non-terminated pods targeted by this rollout that have the desired template spec' },
  { name: 'Available', type: 'integer', jsonPath: '.status.availableReplicas', description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this rollout' },
  AGE,
];
const phaseColumn = (what: string): PrinterColumn => ({ name: 'Status', type: 'string', jsonPath: '.status.phase', description: `${what} status` });

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function builtin(group: string, plural: string, kind: string, extra: Partial<ResourceDef> = {}): ResourceDef {
  return {
    group, version: 'v1', plural, singular: kind.toLowerCase(), kind, namespaced: true, shortNames: [], categories: ['all'],
    statusSubresource: true, custom: false, verbs: allVerbs, ...extra,
  };
}

function argo(plural: string, kind: string, extra: Partial<ResourceDef> = {}): ResourceDef {
  return {
    group: 'argoproj.io', version: 'v1alpha1', plural, singular: kind.toLowerCase(), kind, namespaced: true, shortNames: [],
    categories: [], statusSubresource: false, custom: true, verbs: allVerbs, ...extra,
  };
}

const deploymentScale = { specReplicas: ['spec', 'replicas'], statusReplicas: ['status', 'replicas'], selector: ['status', 'selector'] };

export const RESOURCES: readonly ResourceDef[] = [
  builtin('', 'namespaces', 'Namespace', { namespaced: false, shortNames: ['ns'], categories: [], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  builtin('', 'pods', 'Pod', { shortNames: ['po'] }),
  builtin('', 'services', 'Service', { shortNames: ['svc'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }),
  builtin('apps', 'deployments', 'Deployment', { shortNames: ['deploy'], scale: deploymentScale }),
  builtin('apps', 'replicasets', 'ReplicaSet', { shortNames: ['rs'], scale: deploymentScale }),
  // Read by the canary simulator's restart, as the Eviction API would (a PDB that allows no disruption blocks it).
  builtin('policy', 'poddisruptionbudgets', 'PodDisruptionBudget', { shortNames: ['pdb'], categories: [] }),
  // The Rollout CRD: status subresource and scale (HPA reads status.HPAReplicas, capitals and all).
  argo('rollouts', 'Rollout', {
    shortNames: ['ro'], statusSubresource: true, printerColumns: ROLLOUT_COLUMNS,
    scale: { specReplicas: ['spec', 'replicas'], statusReplicas: ['status', 'HPAReplicas'], selector: ['status', 'selector'] },
  }),
  argo('analysisruns', 'AnalysisRun', { shortNames: ['ar'], printerColumns: [phaseColumn('AnalysisRun'), AGE] }),
  argo('analysistemplates', 'AnalysisTemplate', { shortNames: ['at'], printerColumns: [AGE] }),
  argo('clusteranalysistemplates', 'ClusterAnalysisTemplate', { shortNames: ['cat'], namespaced: false, printerColumns: [AGE] }),
  argo('experiments', 'Experiment', { shortNames: ['exp'], printerColumns: [phaseColumn('Experiment'), AGE] }),
];

export function apiVersionOf(def: ResourceDef): string {
  return def.group === '' ? def.version : `${def.group}/${def.version}`;
}

/** `rollouts.argoproj.io`, or `pods` for the core group: how the API server names a resource in messages. */
export function qualifiedResource(def: ResourceDef): string {
  return def.group === '' ? def.plural : `${def.plural}.${def.group}`;
}

/** `Rollout.argoproj.io`, or `Pod`: how validation errors name a kind. */
export function qualifiedKind(def: ResourceDef): string {
  return def.group === '' ? def.kind : `${def.kind}.${def.group}`;
}

export function findResource(group: string, version: string, plural: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function resourceByKind(apiVersion: string, kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}

/** Resolves a plural, singular or short name (as a store caller may write it) within the table. */
export function resourceNamed(name: string): ResourceDef | undefined {
  const lower = name.toLowerCase();
  return RESOURCES.find((r) => r.plural === lower || r.singular === lower || r.shortNames.includes(lower) || `${r.plural}.${r.group}` === lower);
}
