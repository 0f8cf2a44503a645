// The `argoRollouts.namespaces` setting: `[]` = the context's namespace (as kubectl), `["*"]` = every
// namespace that holds rollouts, else the names listed. Anything malformed falls back to `[]`.
import { at, list, str } from '../rollout/jsonFields';

export type NamespaceSelection =
  | { readonly kind: 'context' }
  | { readonly kind: 'all' }
  | { readonly kind: 'list'; readonly names: readonly string[] };

export function namespaceSelection(setting: unknown): NamespaceSelection {
  if (!Array.isArray(setting)) return { kind: 'context' };
  const names = [...new Set(setting.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter((n) => n !== ''))];
  if (names.includes('*')) return { kind: 'all' };
  return names.length === 0 ? { kind: 'context' } : { kind: 'list', names };
}

/** What the status bar and the context row say: `default`, `all namespaces`, `shop, payments`. */
export function selectionLabel(selection: NamespaceSelection, contextNamespace: string): string {
  switch (selection.kind) {
    case 'context':
      return contextNamespace;
    case 'all':
      return 'all namespaces';
    case 'list':
      return selection.names.join(', ');
  }
}

/** The setting value that stores a selection. */
export function selectionSetting(selection: NamespaceSelection): string[] {
  return selection.kind === 'all' ? ['*'] : selection.kind === 'list' ? [...selection.names] : [];
}

/** Namespaces named by a list answer (items[].metadata.namespace, or items[].metadata.name for a NamespaceList), sorted, no duplicates. */
export function namespacesOfList(body: unknown, field: 'namespace' | 'name'): string[] {
  const names = list(at(body, 'items')).map((item) => str(at(item, 'metadata', field))).filter((n) => n !== '');
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
