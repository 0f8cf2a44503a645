// Field ownership as the API server keeps it (k8s.io/apimachinery managedfields, structured-merge-diff
// merge/update.go), on the field sets of fieldSets.ts:
// - apply (`application/apply-patch+yaml`): the applied configuration is merged into the live object
//   (associative lists item by item, atomic lists whole); a leaf the apply changes that another
//   manager (Apply or Update) owns is a conflict unless `force`, which moves it to the applier; the
//   applier's set becomes exactly what it applied, and fields it applied before and no longer applies
//   are removed unless another manager owns them. A manager named `kubectl` takes over, without a
//   conflict, fields its client-side `kubectl.kubernetes.io/last-applied-configuration` still matches
//   (lastappliedmanager.go); no other manager does.
// - every other write (create, update, patch) is an Update by its manager (the fieldManager query
//   parameter, else the User-Agent up to its first `/`): it owns what it added or changed, and no
//   manager keeps fields the write removed.
import { compare, fieldSetOf, FieldSet, fromFieldsV1, mergeApplied, pathString, toFieldsV1, valueAt, deleteAt, type FieldPath } from './fieldSets';
import { cloneJson, isJsonObject, jsonEqual, parseJson, type JsonObject, type JsonValue } from './jsonValue';

export interface ApplyRequest {
  readonly live: JsonObject | undefined;
  readonly applied: JsonObject;
  readonly manager: string;
  readonly force: boolean;
  readonly apiVersion: string;
  readonly time: string;
  /** 'status' for an apply to /status. */
  readonly subresource?: string;
}

export interface Conflict {
  readonly manager: string;
  readonly operation: string;
  readonly apiVersion: string;
  readonly subresource: string;
  readonly time: string;
  readonly field: string;
}

export type ApplyResult = { ok: true; object: JsonObject } | { ok: false; conflicts: Conflict[] };

interface ManagerEntry {
  readonly manager: string;
  readonly operation: string;
  readonly apiVersion: string;
  readonly subresource: string;
  readonly time: string;
  set: FieldSet;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function managersOf(obj: JsonObject | undefined): ManagerEntry[] {
  const meta = obj && isJsonObject(obj.metadata) ? obj.metadata : {};
  const list = Array.isArray(meta.managedFields) ? meta.managedFields : [];
  return list.filter(isJsonObject).map((e) => ({
    manager: typeof e.manager === 'string' ? e.manager : '',
    operation: typeof e.operation === 'string' ? e.operation : '',
    apiVersion: typeof e.apiVersion === 'string' ? e.apiVersion : '',
    subresource: typeof e.subresource === 'string' ? e.subresource : '',
    time: typeof e.time === 'string' ? e.time : '',
    set: fromFieldsV1(e.fieldsV1),
  }));
}

function entryJson(m: ManagerEntry): JsonObject {
  const e: JsonObject = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, time: m.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(m.set) };
  if (m.subresource !== '') e.subresource = m.subresource;
  return e;
}

function withManagers(object: JsonObject, managers: ManagerEntry[]): JsonObject {
  const meta = isJsonObject(object.metadata) ? object.metadata : (object.metadata = {});
  const entries = managers.filter((m) => m.set.size > 0).map(entryJson);
  if (entries.length > 0) meta.managedFields = entries;
  else delete meta.managedFields;
  return object;
}

const isLeaf = (p: FieldPath): boolean => 'field' in (p[p.length - 1] ?? { field: '' });

export function serverSideApply(req: ApplyRequest): ApplyResult {
  const subresource = req.subresource ?? '';
  const all = managersOf(req.live);
  const isMine = (m: ManagerEntry) => m.manager === req.manager && m.operation === 'Apply' && m.subresource === subresource;
  const mine = all.find(isMine);
  const others = all.filter((m) => !isMine(m)).map((m) => ({ ...m, set: new FieldSet(m.set.all()) }));
  const liveObj = req.live ?? {};
  const appliedSet = fieldSetOf(req.applied);
  const merged = mergeApplied(liveObj, req.applied);
  if (!isJsonObject(merged)) return { ok: false, conflicts: [] };

  // Conflicts: leaves the apply changes that another manager owns.
  const changed = compare(liveObj, merged);
  let conflicts: { entry: ManagerEntry; path: FieldPath }[] = [];
  for (const other of others) {
    for (const path of [...changed.modified.all(), ...changed.added.all()]) if (isLeaf(path) && other.set.has(path)) conflicts.push({ entry: other, path });
  }
  if (conflicts.length > 0 && !req.force && req.manager === 'kubectl') {
    const allowed = lastAppliedFields(req.live);
    const remaining = conflicts.filter((c) => !allowed.has(c.path));
    if (remaining.length > 0) conflicts = remaining;
    else for (const c of conflicts) c.entry.set.delete(c.path);
    if (remaining.length === 0) conflicts = [];
  }
  if (conflicts.length > 0 && !req.force) {
    return { ok: false, conflicts: conflicts.map(({ entry, path }) => ({ ...entry, field: pathString(path) })) };
  }
  for (const { entry, path } of conflicts) entry.set.delete(path);

  // Fields this manager applied before and no longer applies go, unless someone else owns them.
  const object = merged;
  for (const old of mine?.set.all() ?? []) {
    if (appliedSet.has(old) || others.some((m) => m.set.touches(old))) continue;
    deleteAt(object, old);
  }
  const removed = compare(liveObj, object).removed;
  for (const m of others) for (const p of removed.all()) m.set.delete(p);
  const me: ManagerEntry = { manager: req.manager, operation: 'Apply', apiVersion: req.apiVersion, subresource, time: req.time, set: appliedSet };
  return { ok: true, object: withManagers(object, [...others, me]) };
}

/** Fields client-side `kubectl apply` recorded that still hold the value it applied. */
function lastAppliedFields(live: JsonObject | undefined): FieldSet {
  const meta = live && isJsonObject(live.metadata) ? live.metadata : {};
  const annotations = isJsonObject(meta.annotations) ? meta.annotations : {};
  const text = annotations[LAST_APPLIED];
  const last = typeof text === 'string' ? parseJson(text) : undefined;
  if (!isJsonObject(last) || !live) return new FieldSet();
  return new FieldSet(fieldSetOf(last).all().filter((p) => jsonEqual(valueAt(last, p), valueAt(live, p))));
}

export interface UpdateRequest {
  readonly before: JsonObject | undefined;
  readonly after: JsonObject;
  readonly manager: string;
  readonly apiVersion: string;
  readonly time: string;
  readonly subresource?: string;
  /** Status is a subresource: writes to the main resource do not own it, and /status writes own only it. */
  readonly statusSubresource: boolean;
}

/** managedFields after a create, update or patch by `manager` (operation Update). */
export function recordUpdate(req: UpdateRequest): JsonObject {
  const subresource = req.subresource ?? '';
  const all = managersOf(req.before);
  const before = req.before ?? {};
  const after = cloneJson(req.after);
  const { modified, added, removed } = compare(before, after, req.statusSubresource && subresource !== 'status');
  const isMine = (m: ManagerEntry) => m.manager === req.manager && m.operation === 'Update' && m.subresource === subresource;
  const others = all.filter((m) => !isMine(m));
  const mine: ManagerEntry = all.find(isMine) ?? { manager: req.manager, operation: 'Update', apiVersion: req.apiVersion, subresource, time: req.time, set: new FieldSet() };
  const took = [...modified.all(), ...added.all()].filter((p) => isStatusPath(p) === (subresource === 'status') || !req.statusSubresource);
  if (took.length === 0 && removed.size === 0) return withManagers(after, all);
  for (const p of took) {
    mine.set.add(p);
    for (const m of others) m.set.delete(p);
  }
  for (const p of removed.all()) for (const m of [...others, mine]) m.set.delete(p);
  const updated: ManagerEntry = { ...mine, apiVersion: req.apiVersion, time: req.time };
  return withManagers(after, [...others, updated]);
}

function isStatusPath(p: FieldPath): boolean {
  const first = p[0];
  return first !== undefined && 'field' in first && first.field === 'status';
}

/** The manager of a write without fieldManager: the User-Agent up to its first `/` (apiserver's prefixFromUserAgent). */
export function managerFromUserAgent(userAgent: string | undefined): string {
  return (userAgent ?? '').split('/')[0]?.slice(0, 128) ?? '';
}

/** printManager of conflict.go: an Update manager with its apiVersion and time, an Apply manager by name. */
function printManager(c: Conflict): string {
  let s = JSON.stringify(c.manager);
  if (c.subresource !== '') s += ` with subresource ${JSON.stringify(c.subresource)}`;
  if (c.operation === 'Update') s += c.time !== '' ? ` using ${c.apiVersion} at ${c.time}` : ` using ${c.apiVersion}`;
  return s;
}

/** The Status causes of an apply conflict: one per field, reason FieldManagerConflict. */
export function conflictCauses(conflicts: readonly Conflict[]): JsonValue[] {
  return conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c)}`, field: c.field }));
}

/** getConflictMessage of conflict.go: one conflict on one line; several grouped by manager, managers sorted. */
export function conflictMessage(conflicts: readonly Conflict[]): string {
  const first = conflicts[0];
  if (conflicts.length === 1 && first) return `Apply failed with 1 conflict: conflict with ${printManager(first)}: ${first.field}`;
  const byManager = new Map<string, Conflict[]>();
  for (const c of conflicts) byManager.set(printManager(c), [...(byManager.get(printManager(c)) ?? []), c]);
  // Go sorts the managers' encoded entries, which start with the manager name.
  const lines = [...byManager.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([printed, cs]) => [`conflicts with ${printed}:`, ...cs.map((c) => `- ${c.field}`)]);
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
