import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { kindSchemas } from '../../../../../src/core/lint/schema/kindSchemas';
import type { SchemaNode } from '../../../../../src/core/lint/schema/schemaNode';
import type { LintedKind } from '../../../../../src/core/lint/types';
import { describeWithCorpus } from '../../../../support/argoRolloutsCorpus';

const CRD_FILES: Record<LintedKind, string> = {
  Rollout: 'rollout-crd.yaml',
  AnalysisTemplate: 'analysis-template-crd.yaml',
  ClusterAnalysisTemplate: 'cluster-analysis-template-crd.yaml',
  AnalysisRun: 'analysis-run-crd.yaml',
  Experiment: 'experiment-crd.yaml',
};

/** The API server validates ObjectMeta itself, so the CRDs leave the top-level `metadata` untyped. */
const NOT_IN_CRD = new Set(['metadata']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function crdSchema(dir: string, file: string): Json {
  const crd: unknown = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const versions = isObj(crd) && isObj(crd.spec) && Array.isArray(crd.spec.versions) ? crd.spec.versions : [];
  const v1alpha1: unknown = versions.find((v: unknown) => isObj(v) && v.name === 'v1alpha1');
  const schema = isObj(v1alpha1) && isObj(v1alpha1.schema) ? v1alpha1.schema.openAPIV3Schema : undefined;
  assert.ok(isObj(schema), `${file} has a v1alpha1 openAPIV3Schema`);
  return schema;
}

/** Every disagreement between our node and the CRD's node at `at`, as readable lines. */
function compare(ours: SchemaNode, crd: Json, at: string, out: string[]): void {
  if (ours.t === 'open') return;
  if (crd['x-kubernetes-preserve-unknown-fields'] === true && !isObj(crd.properties)) {
    out.push(`${at}: the CRD accepts anything here (preserve-unknown-fields), ours is ${ours.t}`);
    return;
  }
  const crdType = crd['x-kubernetes-int-or-string'] === true ? 'int-or-string' : crd.type;
  switch (ours.t) {
    case 'scalar':
      if (crdType !== ours.type) out.push(`${at}: CRD type ${String(crdType)}, ours ${ours.type}`);
      return;
    case 'array':
      if (crdType !== 'array' || !isObj(crd.items)) out.push(`${at}: CRD type ${String(crdType)}, ours array`);
      else compare(ours.of, crd.items, `${at}[]`, out);
      return;
    case 'map':
      if (crdType !== 'object' || !isObj(crd.additionalProperties)) out.push(`${at}: CRD is not a map, ours is`);
      else compare(ours.of, crd.additionalProperties, `${at}{}`, out);
      return;
    case 'object': {
      if (crdType !== 'object' || crd.additionalProperties !== undefined) {
        out.push(`${at}: CRD type ${String(crdType)}${crd.additionalProperties ? ' (map)' : ''}, ours object`);
        return;
      }
      const props = isObj(crd.properties) ? crd.properties : {};
      for (const key of Object.keys(props)) if (!ours.props.has(key)) out.push(`${at}.${key}: in the CRD, missing from ours`);
      for (const [key, child] of ours.props) {
        const crdChild = props[key];
        const where = at ? `${at}.${key}` : key;
        if (!isObj(crdChild)) {
          if (!(at === '' && NOT_IN_CRD.has(key))) out.push(`${where}: ours has it, the CRD does not`);
        } else if (!(at === '' && NOT_IN_CRD.has(key))) compare(child, crdChild, where, out);
      }
    }
  }
}

describeWithCorpus('the field schema', (corpus) => {
  const dir = path.join(corpus, 'crd');

  for (const kind of Object.keys(CRD_FILES) as LintedKind[]) {
    it(`has exactly the fields and scalar types of the ${kind} CRD`, () => {
      const out: string[] = [];
      compare(kindSchemas[kind], crdSchema(dir, CRD_FILES[kind]), '', out);
      assert.deepEqual(out, []);
    });
  }
});
