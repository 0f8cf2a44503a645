// `kubectl argo rollouts create analysisrun --from T [--global] [-a k=v] [--name|--generate-name]`
// (cmd/create/create.go + utils/analysis `NewAnalysisRunFromUnstructured`): GET the template, turn
// a copy of it into an AnalysisRun with the arguments merged in, and POST it.
import { type KubeRequest, getRequest, resourcePath } from './kubeRequest';
import { ARGOCD_INSTANCE_LABEL, ARGOCD_TRACKING_ANNOTATION } from './argoCdManager';
import { type JsonRecord, at, cloneJson, isRecord, recordAt, stringAt } from './untrusted';

/**
 * Argo CD's tracking metadata: its default label (`app.kubernetes.io/instance`), the legacy custom one
 * and the annotation. A run carrying them looks like a resource of the app that Git does not have, and
 * auto-sync with prune deletes it mid-analysis; the plugin copies them, the extension leaves them out.
 */
export const ARGOCD_TRACKING_LABELS: readonly string[] = ['app.kubernetes.io/instance', ARGOCD_INSTANCE_LABEL];
export const ARGOCD_TRACKING_ANNOTATIONS: readonly string[] = [ARGOCD_TRACKING_ANNOTATION];

/** `label app.kubernetes.io/instance=shop`, … for each tracking key the template carries. */
export function trackingMetadataOf(template: unknown): string[] {
  const labels = recordAt(template, 'metadata', 'labels') ?? {};
  const annotations = recordAt(template, 'metadata', 'annotations') ?? {};
  return [
    ...ARGOCD_TRACKING_LABELS.filter((k) => k in labels).map((k) => `label ${k}=${String(labels[k])}`),
    ...ARGOCD_TRACKING_ANNOTATIONS.filter((k) => k in annotations).map((k) => `annotation ${k}`),
  ];
}

/** The sentence for the confirmation when the template carries Argo CD's tracking metadata; undefined otherwise. */
export function trackingNotice(template: unknown): string | undefined {
  const found = trackingMetadataOf(template);
  if (found.length === 0) return undefined;
  return `The template's other labels and annotations are copied, but not Argo CD's tracking ${found.join(', ')}: `
    + 'with them Argo CD would count the run as part of its application and, with auto-sync and prune, delete it mid-analysis.';
}

/** The GET of the AnalysisTemplate, or of the ClusterAnalysisTemplate with `--global`. */
export function analysisTemplateRequest(namespace: string, name: string, clusterScope: boolean): KubeRequest {
  return clusterScope ? getRequest('clusteranalysistemplates', undefined, name) : getRequest('analysistemplates', namespace, name);
}

export interface TemplateArg {
  name: string;
  /** The template's default; undefined means the user must supply one (unless valueFrom is set). */
  value?: string;
  valueFrom?: JsonRecord;
}

/** The template's declared arguments, for prompting, or an error when they are malformed. */
export function templateArgs(template: unknown): TemplateArg[] | { error: string } {
  const raw = at(template, 'spec', 'args');
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return { error: 'spec.args is not a list' };
  const out: TemplateArg[] = [];
  for (const a of raw) {
    if (!isRecord(a)) return { error: 'spec.args contains an entry that is not an object' };
    const name = typeof a['name'] === 'string' ? a['name'] : '';
    const value = a['value'];
    if (value !== undefined && value !== null && typeof value !== 'string') return { error: `args.${name}: value must be a string` };
    const valueFrom = a['valueFrom'];
    out.push({ name, ...(typeof value === 'string' ? { value } : {}), ...(isRecord(valueFrom) ? { valueFrom } : {}) });
  }
  return out;
}

/** Arguments the user has to supply: no default and no valueFrom. */
export function requiredArgs(template: unknown): string[] {
  const args = templateArgs(template);
  return Array.isArray(args) ? args.filter((a) => a.value === undefined && a.valueFrom === undefined).map((a) => a.name) : [];
}

export interface CreateAnalysisRunOptions {
  namespace: string;
  /** `-a NAME=VALUE` flags, in order. Names the template does not declare are ignored (as MergeArgs does). */
  args: Readonly<Record<string, string>>;
  name?: string;
  generateName?: string;
}

export interface CreateAnalysisRunPlan {
  requests: KubeRequest[];
  run: JsonRecord;
}

/**
 * The AnalysisRun the plugin would create and the POST that creates it. With generateName the
 * server picks the name: build the result line from the response with analysisRunCreatedMessage.
 * Like the plugin, the run keeps everything else the template carries (labels, annotations), except
 * Argo CD's tracking label and annotation (see ARGOCD_TRACKING_LABELS).
 */
export function planCreateAnalysisRun(template: unknown, options: CreateAnalysisRunOptions): CreateAnalysisRunPlan | { error: string; missing?: string[] } {
  if (!isRecord(template)) return { error: 'the template is not an object' };
  const declared = templateArgs(template);
  if (!Array.isArray(declared)) return declared;

  const templateName = stringAt(template, 'metadata', 'name') ?? '';
  const name = options.name ?? '';
  const generateName = name !== '' ? '' : options.generateName || `${templateName}-`;
  if (name === '' && generateName === '-') return { error: 'name is invalid' };

  // Without spec.args the flags become the run's args as given; with spec.args only declared
  // arguments are taken, and every one must end up with a value or valueFrom.
  const hasArgs = Array.isArray(at(template, 'spec', 'args'));
  const merged: TemplateArg[] = hasArgs
    ? declared.map((a) => (options.args[a.name] !== undefined ? { ...a, value: options.args[a.name] } : a))
    : Object.entries(options.args).map(([n, value]) => ({ name: n, value }));
  const missing = merged.filter((a) => a.value === undefined && a.valueFrom === undefined).map((a) => a.name);
  if (missing.length > 0) return { error: missing.map((n) => `args.${n} was not resolved`).join('; '), missing };

  const run = cloneJson(template);
  run['kind'] = 'AnalysisRun';
  const metadata = isRecord(run['metadata']) ? run['metadata'] : (run['metadata'] = {});
  metadata['name'] = name;
  metadata['generateName'] = generateName;
  metadata['namespace'] = options.namespace;
  delete metadata['resourceVersion'];
  dropKeys(metadata, 'labels', ARGOCD_TRACKING_LABELS);
  dropKeys(metadata, 'annotations', ARGOCD_TRACKING_ANNOTATIONS);
  if (merged.length > 0) {
    const spec = isRecord(run['spec']) ? run['spec'] : (run['spec'] = {});
    // Re-encoded as Go's Argument struct: name, value, valueFrom; other keys dropped.
    spec['args'] = merged.map((a) => ({ name: a.name, ...(a.value !== undefined ? { value: a.value } : {}), ...(a.valueFrom ? { valueFrom: a.valueFrom } : {}) }));
  }
  const request: KubeRequest = {
    method: 'POST',
    path: resourcePath('analysisruns', options.namespace),
    contentType: 'application/json',
    body: run,
    rbac: { group: 'argoproj.io', resource: 'analysisruns', verb: 'create', namespace: options.namespace },
  };
  return { requests: [request], run };
}

export function analysisRunCreatedMessage(createdName: string): string {
  return `analysisrun.argoproj.io/${createdName} created`;
}

function dropKeys(metadata: JsonRecord, field: 'labels' | 'annotations', keys: readonly string[]): void {
  const map = metadata[field];
  if (!isRecord(map)) return;
  for (const k of keys) delete map[k];
  if (Object.keys(map).length === 0) delete metadata[field];
}
