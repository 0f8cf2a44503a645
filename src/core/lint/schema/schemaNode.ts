// The shape of a manifest field, as the CRDs' structural schemas describe it, reduced to what linting
// needs: which keys an object may have, and which scalar type a leaf must hold. Hand-authored (see
// kindSchemas.ts); the CRD conformance test keeps it equal to the real CRDs.

export type ScalarType = 'string' | 'integer' | 'int-or-string' | 'boolean' | 'number';

export interface ObjectNode {
  readonly t: 'object';
  /** A Map, not a record: manifest keys such as `constructor` or `__proto__` must never hit Object.prototype. */
  readonly props: ReadonlyMap<string, SchemaNode>;
}
export interface MapNode {
  readonly t: 'map';
  readonly of: SchemaNode;
}
export interface ArrayNode {
  readonly t: 'array';
  readonly of: SchemaNode;
}
export interface ScalarNode {
  readonly t: 'scalar';
  readonly type: ScalarType;
}
/** Any content is accepted (x-kubernetes-preserve-unknown-fields, or a subtree too large to list). */
export interface OpenNode {
  readonly t: 'open';
}

export type SchemaNode = ObjectNode | MapNode | ArrayNode | ScalarNode | OpenNode;

export function obj(props: Readonly<Record<string, SchemaNode>>): ObjectNode {
  return { t: 'object', props: new Map(Object.entries(props)) };
}

/** An object with more properties than `base` (e.g. ephemeral containers add `targetContainerName`). */
export function extend(base: ObjectNode, more: Readonly<Record<string, SchemaNode>>): ObjectNode {
  return { t: 'object', props: new Map([...base.props, ...Object.entries(more)]) };
}

export function map(of: SchemaNode): MapNode {
  return { t: 'map', of };
}

export function arr(of: SchemaNode): ArrayNode {
  return { t: 'array', of };
}

const scalar = (type: ScalarType): ScalarNode => ({ t: 'scalar', type });
export const str = scalar('string');
export const int = scalar('integer');
export const intOrStr = scalar('int-or-string');
export const bool = scalar('boolean');
export const num = scalar('number');
export const open: OpenNode = { t: 'open' };

/** Shorthands used all over Kubernetes types. */
export const strs = arr(str);
export const strMap = map(str);
