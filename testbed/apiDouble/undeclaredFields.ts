// A server-side apply of a field the CRD's schema does not declare: the API server answers 500 with
// structured-merge-diff's typing error (apimachinery managedfields/internal/structuredmerge.go,
// structured-merge-diff typed/validate.go), no reason, before any merge. The double knows the
// Argo kinds' schemas from the project's lint schemas (kindSchemas.ts, kept equal to the v1.9.1 CRDs by
// the CRD conformance test); metadata (typed by the server itself) and status are not checked here.
import { schemaForKind } from '../../src/core/lint/schema/kindSchemas';
import type { SchemaNode } from '../../src/core/lint/schema/schemaNode';
import { ApiError } from './apiStatus';
import { itemKey, listKeys, pathString, type PathElement } from './fieldSets';
import { isJsonObject, type JsonObject, type JsonValue } from './jsonValue';
import type { ResourceDef } from './resourceTable';

/** SMD's path of each applied field the schema does not declare (`.spec.foo`, `.spec.template.spec.containers[name="web"].bar`). */
export function undeclaredPaths(def: ResourceDef, applied: JsonObject): string[] {
  const schema = def.custom ? schemaForKind(def.kind) : undefined;
  if (!schema) return [];
  const out: string[] = [];
  const walk = (node: SchemaNode, value: JsonValue, path: PathElement[], text: string): void => {
    if (node.t === 'object' && isJsonObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const child = node.props.get(k);
        const childPath = [...path, { field: k }];
        if (!child) out.push(`${text}.${k}`);
        else if (v !== null) walk(child, v, childPath, `${text}.${k}`);
      }
    } else if (node.t === 'map' && isJsonObject(value)) {
      for (const [k, v] of Object.entries(value)) if (v !== null) walk(node.of, v, [...path, { field: k }], `${text}.${k}`);
    } else if (node.t === 'array' && Array.isArray(value)) {
      const keys = listKeys(path);
      value.forEach((item, i) => {
        const key = keys ? itemKey(item, keys) : undefined;
        walk(node.of, item, key ? [...path, { key }] : path, `${text}${key ? pathString([{ key }]) : `[${i}]`}`);
      });
    }
  };
  for (const [k, v] of Object.entries(applied)) {
    if (k === 'metadata' || k === 'apiVersion' || k === 'kind' || k === 'status' || v === null) continue;
    const child = schema.props.get(k);
    if (!child) out.push(`.${k}`);
    else walk(child, v, [{ field: k }], `.${k}`);
  }
  return out;
}

/** The 500 the API server answers, or undefined when every field is declared. */
export function undeclaredFieldError(def: ResourceDef, applied: JsonObject, namespace: string | undefined, name: string): ApiError | undefined {
  const paths = undeclaredPaths(def, applied);
  if (paths.length === 0) return undefined;
  const errors = paths.length === 1 ? `${paths[0]}: field not declared in schema` : ['errors:', ...paths.map((p) => `  ${p}: field not declared in schema`)].join('\n');
  const gvk = `${def.group}/${def.version}, Kind=${def.kind}`;
  return new ApiError(500, '', `failed to create typed patch object (${namespace ?? ''}/${name}; ${gvk}): ${errors}`);
}
