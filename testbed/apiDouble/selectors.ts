// labelSelector and fieldSelector query parameters, as the API server parses them. Only the
// fields every resource supports (metadata.name, metadata.namespace) are allowed in field selectors.
import { badRequest } from './apiStatus';
import { isJsonObject, type JsonObject } from './jsonValue';

export type Selector = (obj: JsonObject) => boolean;

type Requirement = { key: string; op: 'in' | 'notin' | 'exists' | '!exists'; values: string[] };

/** Splits on commas that are not inside `in (a,b)` parentheses. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

function parseRequirement(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
    return { key: set[1] ?? '', op: set[2] === 'in' ? 'in' : 'notin', values };
  }
  const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (eq) return { key: eq[1] ?? '', op: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3] ?? ''] };
  if (/^![^\s=!]+$/.test(term)) return { key: term.slice(1), op: '!exists', values: [] };
  if (/^[^\s=!(),]+$/.test(term)) return { key: term, op: 'exists', values: [] };
  throw badRequest(`unable to parse requirement: ${term}`);
}

function labelsOf(obj: JsonObject): Record<string, string> {
  const meta = obj.metadata;
  const labels = isJsonObject(meta) ? meta.labels : undefined;
  const out: Record<string, string> = {};
  if (isJsonObject(labels)) for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') out[k] = v;
  return out;
}

function matches(req: Requirement, values: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, req.key);
  const value = values[req.key];
  switch (req.op) {
    case 'exists': return has;
    case '!exists': return !has;
    case 'in': return has && value !== undefined && req.values.includes(value);
    case 'notin': return !has || value === undefined || !req.values.includes(value);
  }
}

export function parseLabelSelector(text: string | null): Selector {
  if (!text) return () => true;
  const reqs = splitTerms(text).map(parseRequirement);
  return (obj) => {
    const labels = labelsOf(obj);
    return reqs.every((r) => matches(r, labels));
  };
}

const supportedFields = ['metadata.name', 'metadata.namespace'];

export function parseFieldSelector(text: string | null): Selector {
  if (!text) return () => true;
  const reqs = splitTerms(text).map(parseRequirement);
  for (const r of reqs) {
    if (!supportedFields.includes(r.key)) throw badRequest(`field label not supported: ${r.key}`);
  }
  return (obj) => {
    const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
    const fields: Record<string, string> = {
      'metadata.name': typeof meta.name === 'string' ? meta.name : '',
      'metadata.namespace': typeof meta.namespace === 'string' ? meta.namespace : '',
    };
    return reqs.every((r) => matches(r, fields));
  };
}
