// Which values a chart is rendered with, in the editor: the argoRollouts.helm.valueFiles setting for
// that chart folder; otherwise what an Argo CD Application in the workspace gives the chart
// (spec.source or one of spec.sources[] whose path is the chart: helm.valueFiles, values,
// valuesObject, parameters, releaseName); otherwise the chart's values.yaml alone.
import { stringify } from 'yaml';
import { isRecord } from '../untrustedJson';

export interface ValuesChoice {
  /** Relative to the chart folder, in helm's order (after values.yaml, which helm always reads). */
  readonly valueFiles: readonly string[];
  readonly set: readonly string[];
  readonly setString: readonly string[];
  /** helm.values / helm.valuesObject of an Application, as YAML. */
  readonly inlineValues?: string;
  readonly releaseName?: string;
  /** Where the choice comes from, for the CodeLens and the launch confirmation. */
  readonly origin: string;
}

/** Shown above a template: `values.yaml, envValues/local.yaml` (plus the Application's own values). */
export function describeValues(choice: ValuesChoice): string {
  const parts = ['values.yaml', ...choice.valueFiles.filter((f) => f !== 'values.yaml')];
  if (choice.inlineValues) parts.push('inline values');
  if (choice.set.length + choice.setString.length) parts.push(`${choice.set.length + choice.setString.length} parameter(s)`);
  return parts.join(', ');
}

/**
 * The values for the chart at `chartPath` (workspace-relative, `/`-separated): from `configured`
 * (the setting, keyed by chart folder), else from the first Application in `applications` (plain
 * values of parsed documents, with the file they are in) whose source path is the chart.
 */
export function chooseValues(chartPath: string, configured: Readonly<Record<string, readonly string[]>>, applications: readonly { file: string; value: unknown }[]): ValuesChoice {
  const chart = normalize(chartPath);
  for (const [key, files] of Object.entries(configured)) {
    if (normalize(key) === chart && Array.isArray(files)) return { valueFiles: files.filter((f) => typeof f === 'string'), set: [], setString: [], origin: 'the argoRollouts.helm.valueFiles setting' };
  }
  for (const app of applications) {
    const choice = fromApplication(app.value, chart, app.file);
    if (choice) return choice;
  }
  return { valueFiles: [], set: [], setString: [], origin: "the chart's values.yaml" };
}

function fromApplication(value: unknown, chart: string, file: string): ValuesChoice | undefined {
  if (!isRecord(value) || value.kind !== 'Application' || typeof value.apiVersion !== 'string' || !value.apiVersion.startsWith('argoproj.io/')) return undefined;
  const spec = isRecord(value.spec) ? value.spec : undefined;
  const sources = [spec?.source, ...(Array.isArray(spec?.sources) ? spec.sources : [])].filter(isRecord);
  const source = sources.find((s) => typeof s.path === 'string' && matches(chart, normalize(s.path)));
  if (!source) return undefined;
  const helm = isRecord(source.helm) ? source.helm : {};
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const set: string[] = [];
  const setString: string[] = [];
  for (const p of Array.isArray(helm.parameters) ? helm.parameters : []) {
    if (!isRecord(p) || typeof p.name !== 'string') continue;
    (p.forceString === true ? setString : set).push(`${p.name}=${String(p.value ?? '')}`);
  }
  // valuesObject wins over values when both are set (Argo CD's rule).
  const inline = isRecord(helm.valuesObject) ? stringify(helm.valuesObject) : typeof helm.values === 'string' ? helm.values : undefined;
  const valueFiles = (Array.isArray(helm.valueFiles) ? helm.valueFiles : []).filter((f): f is string => typeof f === 'string' && !f.startsWith('$'));
  const releaseName = typeof helm.releaseName === 'string' ? helm.releaseName : typeof metadata.name === 'string' ? metadata.name : undefined;
  const appName = typeof metadata.name === 'string' ? metadata.name : 'an Application';
  return { valueFiles, set, setString, ...(inline ? { inlineValues: inline } : {}), ...(releaseName ? { releaseName } : {}), origin: `the Argo CD Application ${appName} (${file})` };
}

/** An Application's path is relative to its repository's root, which may be the workspace or a folder above it. */
function matches(chart: string, path: string): boolean {
  return path !== '' && (chart === path || chart.endsWith(`/${path}`) || path.endsWith(`/${chart}`));
}

function normalize(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}
