// The double's object store: one resourceVersion counter for the whole cluster (like etcd's
// revision), an event history for watches that resume from a resourceVersion, a compaction floor
// below which they get 410 Expired, and the write semantics clients notice: uid/creationTimestamp,
// generation bumps on spec changes only, status subresource rules, conflicts, no-op writes that
// bump nothing. A canary simulator drives the cluster through this API, not through HTTP.
import { randomUUID } from 'node:crypto';
import { alreadyExists, ApiError, badRequest, conflict, expired, invalid, notFound } from './apiStatus';
import { cloneJson, isJsonObject, jsonEqual, metadataOf, stringAt, type JsonObject } from './jsonValue';
import { applyMergePatch } from './mergePatch';
import { apiVersionOf, findResource, resourceNamed, RESOURCES, type ResourceDef } from './resourceTable';
import type { Selector } from './selectors';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: WatchEventType;
  readonly resource: ResourceDef;
  readonly object: JsonObject;
  /** The object before the change (MODIFIED and DELETED), so selector watches can see objects leave. */
  readonly previous: JsonObject | undefined;
  readonly resourceVersion: number;
}

export interface ObjectRef {
  /** Plural, singular or short name, e.g. 'rollouts', 'rollout', 'ro'. */
  readonly resource: string | ResourceDef;
  readonly namespace?: string;
  readonly name: string;
}

export interface ListOptions {
  readonly namespace?: string;
  readonly selector?: Selector;
}

export interface WatchOptions extends ListOptions {
  /** Send events after this resourceVersion; undefined or 0 sends the current objects as ADDED first. */
  readonly resourceVersion?: number;
}

export interface CreateOptions {
  readonly namespace?: string;
  /** Keep `status` from the given object even for resources with a status subresource (seeding fixtures; HTTP never does this). */
  readonly keepStatus?: boolean;
}

export interface UpdateOptions {
  readonly namespace?: string;
  /** 'status' changes only status; otherwise status is kept as stored for resources with a status subresource. */
  readonly subresource?: 'status';
}

export interface StoreOptions {
  readonly now?: () => Date;
  readonly namespaces?: readonly string[];
}

type Listener = (event: StoreEvent) => void;

const nameChars = 'bcdfghjklmnpqrstvwxz2456789';

export class ClusterStore {
  private readonly objects = new Map<ResourceDef, Map<string, JsonObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private revision = 0;
  private floor = 0;
  private readonly now: () => Date;

  constructor(options: StoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    for (const def of RESOURCES) this.objects.set(def, new Map());
    for (const ns of options.namespaces ?? ['default', 'kube-system']) this.create('namespaces', { metadata: { name: ns } });
  }

  /** The store's clock (creation timestamps; the ages of Table answers are measured against it). */
  currentTime(): Date {
    return this.now();
  }

  /** The newest resourceVersion handed out, as a number (clients see it as a string). */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The compaction floor: watches from a resourceVersion below it get 410 Expired. */
  get compactedBelow(): number {
    return this.floor;
  }

  /** Forgets history up to `resourceVersion` (default: all of it), as etcd compaction does. */
  compact(resourceVersion: number = this.revision): void {
    this.floor = Math.max(this.floor, resourceVersion);
    while (this.history.length > 0 && (this.history[0]?.resourceVersion ?? 0) <= this.floor) this.history.shift();
  }

  get(ref: ObjectRef): JsonObject | undefined {
    const def = resolve(ref.resource);
    const found = this.table(def).get(keyOf(def, ref.namespace, ref.name));
    return found && cloneJson(found);
  }

  list(resource: string | ResourceDef, options: ListOptions = {}): { items: JsonObject[]; resourceVersion: number } {
    const def = resolve(resource);
    const items = [...this.table(def).values()]
      .filter((o) => inScope(def, o, options))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .map((o) => cloneJson(o));
    return { items, resourceVersion: this.revision };
  }

  create(resource: string | ResourceDef, object: JsonObject, options: CreateOptions = {}): JsonObject {
    const def = resolve(resource);
    const obj = cloneJson(object);
    const meta = metadataOf(obj);
    const namespace = def.namespaced ? (options.namespace ?? stringAt(meta, 'namespace') ?? 'default') : undefined;
    let name = stringAt(meta, 'name') ?? '';
    const generateName = stringAt(meta, 'generateName');
    if (name === '' && generateName) name = this.generatedName(def, namespace, generateName);
    if (name === '') throw invalid(def, '', 'metadata.name', 'Required value: name or generateName is required');
    if (namespace !== undefined) this.requireNamespace(namespace);
    const table = this.table(def);
    const key = keyOf(def, namespace, name);
    if (table.has(key)) throw alreadyExists(def, name);
    if (def.statusSubresource && !options.keepStatus) delete obj.status;
    obj.apiVersion = apiVersionOf(def);
    obj.kind = def.kind;
    meta.name = name;
    if (namespace !== undefined) meta.namespace = namespace;
    else delete meta.namespace;
    meta.uid = randomUUID();
    meta.creationTimestamp = this.timestamp();
    meta.generation = 1;
    meta.resourceVersion = String(++this.revision);
    if (def.plural === 'namespaces') {
      obj.spec = { finalizers: ['kubernetes'] };
      obj.status = { phase: 'Active' };
    }
    table.set(key, obj);
    this.emit({ type: 'ADDED', resource: def, object: obj, previous: undefined, resourceVersion: this.revision });
    return cloneJson(obj);
  }

  /**
   * Replaces an object (PUT semantics). A `metadata.resourceVersion` that is not the stored one is a
   * 409 Conflict; without one the write is unconditional. A write that changes nothing bumps nothing.
   */
  update(resource: string | ResourceDef, object: JsonObject, options: UpdateOptions = {}): JsonObject {
    const def = resolve(resource);
    const meta = isJsonObject(object.metadata) ? object.metadata : {};
    const name = stringAt(meta, 'name') ?? '';
    const namespace = def.namespaced ? (options.namespace ?? stringAt(meta, 'namespace') ?? 'default') : undefined;
    const table = this.table(def);
    const key = keyOf(def, namespace, name);
    const current = table.get(key);
    if (!current) throw notFound(def, name);
    const rv = stringAt(meta, 'resourceVersion');
    if (rv !== undefined && rv !== '' && rv !== stringAt(current.metadata, 'resourceVersion')) throw conflict(def, name);
    const next = options.subresource === 'status' ? withStatusOf(current, object) : withoutStatusChange(def, current, object);
    const nextMeta = metadataOf(next);
    const curMeta = metadataOf(current);
    for (const k of ['name', 'namespace', 'uid', 'creationTimestamp', 'generation', 'resourceVersion', 'deletionTimestamp']) {
      if (curMeta[k] === undefined) delete nextMeta[k];
      else nextMeta[k] = cloneJson(curMeta[k] ?? null);
    }
    next.apiVersion = apiVersionOf(def);
    next.kind = def.kind;
    if (jsonEqual(next, current)) return cloneJson(current);
    if (!jsonEqual(specPart(def, next), specPart(def, current))) nextMeta.generation = numberOr(curMeta.generation, 0) + 1;
    nextMeta.resourceVersion = String(++this.revision);
    table.set(key, next);
    this.emit({ type: 'MODIFIED', resource: def, object: next, previous: current, resourceVersion: this.revision });
    return cloneJson(next);
  }

  /** Merges `status` into the stored status (JSON merge patch semantics: null removes a field). For controllers. */
  patchStatus(ref: ObjectRef, status: JsonObject): JsonObject {
    const def = resolve(ref.resource);
    const current = this.get(ref);
    if (!current) throw notFound(def, ref.name);
    const merged = cloneJson(current);
    merged.status = applyMergePatch(isJsonObject(current.status) ? current.status : {}, status);
    return this.update(def, merged, { namespace: ref.namespace, subresource: 'status' });
  }

  delete(ref: ObjectRef): JsonObject {
    const def = resolve(ref.resource);
    const table = this.table(def);
    const key = keyOf(def, def.namespaced ? (ref.namespace ?? 'default') : undefined, ref.name);
    const current = table.get(key);
    if (!current) throw notFound(def, ref.name);
    if (def.plural === 'namespaces') this.deleteNamespaceContents(ref.name);
    table.delete(key);
    const gone = cloneJson(current);
    metadataOf(gone).resourceVersion = String(++this.revision);
    this.emit({ type: 'DELETED', resource: def, object: gone, previous: current, resourceVersion: this.revision });
    return cloneJson(gone);
  }

  /** Every change to every resource, in order. Returns the unsubscribe function. */
  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Watches one resource from a resourceVersion: replays the history after it, then live events.
   * Throws 410 Expired (ApiError) when the resourceVersion is below the compaction floor.
   */
  watch(resource: string | ResourceDef, options: WatchOptions, listener: (type: WatchEventType, object: JsonObject) => void): () => void {
    const def = resolve(resource);
    const from = options.resourceVersion ?? 0;
    if (from !== 0 && from < this.floor) throw expired(from, this.floor);
    const deliver = (event: StoreEvent): void => {
      const type = visibleAs(def, event, options);
      if (type) listener(type, cloneJson(event.object));
    };
    if (from === 0) {
      for (const obj of this.list(def, options).items) listener('ADDED', obj);
    } else {
      for (const event of this.history) if (event.resourceVersion > from) deliver(event);
    }
    return this.onEvent(deliver);
  }

  private emit(event: StoreEvent): void {
    this.history.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  private table(def: ResourceDef): Map<string, JsonObject> {
    const table = this.objects.get(def);
    if (!table) throw badRequest(`unknown resource ${def.plural}`);
    return table;
  }

  private requireNamespace(namespace: string): void {
    const nsDef = resolve('namespaces');
    if (!this.table(nsDef).has(namespace)) throw notFound(nsDef, namespace);
  }

  private generatedName(def: ResourceDef, namespace: string | undefined, prefix: string): string {
    for (;;) {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += nameChars[Math.floor(Math.random() * nameChars.length)];
      const name = prefix + suffix;
      if (!this.table(def).has(keyOf(def, namespace, name))) return name;
    }
  }

  private deleteNamespaceContents(namespace: string): void {
    for (const def of RESOURCES.filter((r) => r.namespaced)) {
      for (const obj of this.list(def, { namespace }).items) this.delete({ resource: def, namespace, name: stringAt(obj.metadata, 'name') ?? '' });
    }
  }

  private timestamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

function resolve(resource: string | ResourceDef): ResourceDef {
  if (typeof resource !== 'string') return resource;
  const def = resourceNamed(resource) ?? findResource('', 'v1', resource);
  if (!def) throw new ApiError(404, 'NotFound', `the server doesn't have a resource type "${resource}"`);
  return def;
}

function keyOf(def: ResourceDef, namespace: string | undefined, name: string): string {
  return def.namespaced ? `${namespace ?? 'default'}/${name}` : name;
}

function sortKey(obj: JsonObject): string {
  return `${stringAt(obj.metadata, 'namespace') ?? ''}/${stringAt(obj.metadata, 'name') ?? ''}`;
}

function inScope(def: ResourceDef, obj: JsonObject, options: ListOptions): boolean {
  if (def.namespaced && options.namespace !== undefined && stringAt(obj.metadata, 'namespace') !== options.namespace) return false;
  return options.selector ? options.selector(obj) : true;
}

/** How a change looks to a watcher with a namespace / selector: objects entering or leaving the selection are ADDED / DELETED. */
function visibleAs(def: ResourceDef, event: StoreEvent, options: ListOptions): WatchEventType | undefined {
  if (event.resource !== def) return undefined;
  const now = inScope(def, event.object, options);
  const before = event.previous !== undefined && inScope(def, event.previous, options);
  if (event.type === 'MODIFIED') {
    if (now && before) return 'MODIFIED';
    if (now) return 'ADDED';
    return before ? 'DELETED' : undefined;
  }
  return now ? event.type : undefined;
}

function withStatusOf(current: JsonObject, given: JsonObject): JsonObject {
  const next = cloneJson(current);
  if (given.status === undefined) delete next.status;
  else next.status = cloneJson(given.status);
  return next;
}

function withoutStatusChange(def: ResourceDef, current: JsonObject, given: JsonObject): JsonObject {
  const next = cloneJson(given);
  if (!def.statusSubresource) return next;
  if (current.status === undefined) delete next.status;
  else next.status = cloneJson(current.status);
  return next;
}

/** What a generation counts: everything but metadata, and but status when status is a subresource. */
function specPart(def: ResourceDef, obj: JsonObject): JsonObject {
  const part: JsonObject = { ...obj };
  delete part.metadata;
  delete part.apiVersion;
  delete part.kind;
  if (def.statusSubresource) delete part.status;
  return part;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
