// Creating the canary Service a Rollout names: the stable Service's selector and ports under the
// canary's name, as a new YAML document right after the stable Service's. Argo adds the
// rollouts-pod-template-hash to each Service's selector at run time, so both start from the same one —
// unless the stable Service's selector does not select the Rollout's pods (a mistake of its own, which
// a copy would repeat): then the copy selects by the Rollout's own spec.selector.matchLabels.
import { stringify } from 'yaml';
import { isRecord } from '../../lintDoc';
import type { IndexedObject } from '../../referenceIndex';
import type { RuleEdit } from '../../rule';

/** The Rollout the canary Service is for: its name and what its pods are labelled and selected by. */
export interface CanaryFor {
  readonly name: string | undefined;
  readonly podLabels: unknown;
  readonly matchLabels: unknown;
}

function selects(selector: Record<string, unknown>, labels: unknown): boolean {
  return isRecord(labels) && Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The insertion after `stable`'s document; undefined when it has neither selector nor ports to copy. */
export function createCanaryServiceEdit(stable: IndexedObject, name: string, rollout: CanaryFor): RuleEdit | undefined {
  const spec = isRecord(stable.value.spec) ? stable.value.spec : {};
  const stableSelector = isRecord(spec.selector) ? spec.selector : undefined;
  const own = stableSelector && !selects(stableSelector, rollout.podLabels) && isRecord(rollout.matchLabels) ? rollout.matchLabels : undefined;
  const selector = own ?? stableSelector;
  // A nodePort belongs to one Service only: the copy gets its own.
  const ports = Array.isArray(spec.ports) ? spec.ports.map((p: unknown) => (isRecord(p) ? Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'nodePort')) : p)) : undefined;
  if (!selector && !ports) return undefined;
  const meta = isRecord(stable.value.metadata) ? stable.value.metadata : {};
  const metadata = { name, ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}) };
  const service = { apiVersion: 'v1', kind: 'Service', metadata, spec: { ...(selector ? { selector } : {}), ...(ports ? { ports } : {}) } };
  const of = rollout.name ? ` of rollout ${rollout.name}` : '';
  const about = own
    ? `# The canary Service${of}: ${stable.name}'s ports; the selector is the Rollout's (${stable.name}'s does not select its pods).\n`
    : `# The canary Service${of}: a copy of ${stable.name}'s selector and ports.\n`;
  const text = stable.doc.text;
  const at = text.length;
  return { doc: stable.doc, start: at, end: at, newText: `${text.endsWith('\n') ? '' : '\n'}---\n${about}${stringify(service)}` };
}
