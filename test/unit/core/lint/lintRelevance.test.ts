import { strict as assert } from 'node:assert';
import { isLintRelevant } from '../../../../src/core/lint/lintRelevance';

describe('which files the editor keeps in the lint workspace', () => {
  it('keeps files with Argo objects and the kinds they reference', () => {
    assert.ok(isLintRelevant('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n'));
    assert.ok(isLintRelevant('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n'));
    assert.ok(isLintRelevant('{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress"}'));
    assert.ok(isLintRelevant('kind: VirtualService\r\n'));
  });

  it('skips other YAML and JSON', () => {
    assert.ok(!isLintRelevant('apiVersion: v1\nkind: ConfigMap\n'));
    assert.ok(!isLintRelevant('kind: ServiceAccount\n'));
    assert.ok(!isLintRelevant('{"name": "x", "version": "1.0.0"}'));
  });
});
