// `metav1.LabelSelectorAsSelector(...).String()`: the `labelSelector` query `undo` lists
// ReplicaSets with. Requirements are sorted by key, set values sorted, joined by commas.
import { arrayAt, isRecord, recordAt, stringAt } from './untrusted';

export function labelSelectorString(selector: unknown): { selector: string } | { error: string } {
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(recordAt(selector, 'matchLabels') ?? {})) {
    if (typeof value !== 'string') return { error: `invalid label value for "${key}"` };
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const expr of arrayAt(selector, 'matchExpressions')) {
    const key = stringAt(expr, 'key');
    const op = stringAt(expr, 'operator');
    if (key === undefined || !isRecord(expr)) return { error: 'matchExpressions entry without a key' };
    const values = arrayAt(expr, 'values').filter((v): v is string => typeof v === 'string');
    const set = `(${[...values].sort().join(',')})`;
    switch (op) {
      case 'In':
        reqs.push({ key, text: `${key} in ${set}` });
        break;
      case 'NotIn':
        reqs.push({ key, text: `${key} notin ${set}` });
        break;
      case 'Exists':
        reqs.push({ key, text: key });
        break;
      case 'DoesNotExist':
        reqs.push({ key, text: `!${key}` });
        break;
      default:
        return { error: `"${op ?? ''}" is not a valid label selector operator` };
    }
  }
  // Stable sort by key, as labels.internalSelector sorts its requirements.
  reqs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { selector: reqs.map((r) => r.text).join(',') };
}
