// The rendered lint with the real helm (v4 and v3) and kustomize built from the Go module proxy
// (test/support/renderBinaries): what Argo CD would apply is linted, and each finding lands on the
// line to change — in the template, the values file, the patch or the base.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import type { PlacedFinding } from '../../../src/core/render/mapRendered';
import { renderAndLint, type RenderResult, type RenderTools } from '../../../src/render/renderedLint';
import { describeWithGitopsCorpus } from '../../support/gitopsCorpus';
import { renderBinaryOrSkip, type RenderBinary } from '../../support/renderBinaries';
import { runIn } from '../cli/cliFixtures';
import { FIXTURES, lineOf } from '../core/lint/template/chartKit';

interface Placed {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly rule: string;
  readonly message: string;
  readonly related: readonly string[];
}

/** Findings as `file:line`, relative to `dir`, with the underlined text. */
function placed(result: RenderResult, dir: string): Placed[] {
  assert.ok(result.kind === 'linted' || result.kind === 'failed', `rendered (${result.kind}${'message' in result ? `: ${result.message}` : ''})`);
  const rel = (f: string) => nodePath.relative(dir, f).split(nodePath.sep).join('/');
  const lineAt = (file: string, offset: number) => readFileSync(file, 'utf8').slice(0, offset).split('\n').length;
  return result.placed.map((p: PlacedFinding) => ({
    file: rel(p.file),
    line: lineAt(p.file, p.finding.span.start),
    text: readFileSync(p.file, 'utf8').slice(p.finding.span.start, p.finding.span.end),
    rule: p.finding.rule,
    message: p.finding.message,
    related: p.related.map((r) => `${rel(r.file)}:${lineAt(r.file, r.span.start)}`),
  }));
}

/** A copy of `from` in a temporary folder, edited by `edits` (relative path → [from, to] replacements). */
function copyOf(from: string, edits: Record<string, [string, string][]>): string {
  const dir = mkdtempSync(nodePath.join(os.tmpdir(), 'argo-rollouts-render-'));
  cpSync(from, dir, { recursive: true });
  for (const [rel, pairs] of Object.entries(edits)) {
    const p = nodePath.join(dir, rel);
    let text = readFileSync(p, 'utf8');
    for (const [a, b] of pairs) {
      assert.ok(text.includes(a), `${rel} holds ${a}`);
      text = text.replace(a, b);
    }
    writeFileSync(p, text);
  }
  return dir;
}

for (const module of ['helm', 'helm3'] as RenderBinary[]) {
  describe(`rendered lint with the real ${module === 'helm' ? 'helm v4' : 'helm v3'}`, function () {
    this.timeout(60_000);
    const helm = renderBinaryOrSkip(module);
    if (!helm) return;
    const tools: RenderTools = { helm, kustomize: '', timeoutMs: 30_000 };
    const temp: string[] = [];
    after(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

    it('the fixture chart (subchart, library chart, tpl, range, required, …) renders and lints clean', async () => {
      const dir = nodePath.join(FIXTURES, 'helm/shop');
      assert.deepEqual(placed(await renderAndLint({ kind: 'helm', chartDir: dir, valueFiles: [], set: [] }, tools), dir), []);
    });

    describeWithGitopsCorpus('on gitops-hugo of the gitops-playground-apps corpus', (corpus) => {
      const HUGO = nodePath.join(corpus, 'helm/stack/gitops-hugo');

      it('gitops-hugo rendered with values.yaml + envValues/local.yaml lints clean', async () => {
        const r = await renderAndLint({ kind: 'helm', chartDir: HUGO, valueFiles: ['envValues/local.yaml'], set: [] }, tools);
        assert.deepEqual(placed(r, HUGO), []);
        assert.equal(r.kind === 'linted' && r.documents, 6, 'the chart renders its 6 documents (the HPA is off)');
      });

      it('mistakes injected into a copy are found at their lines: in the template, and in a values file (with the template line related)', async () => {
        const dir = copyOf(HUGO, {
          'templates/deployment.yaml': [
            ['stableService: {{ include "fullname" . }}', 'stableService: {{ include "fullname" . }}-canary'],
            ['      - setWeight: 10', '      - setWeight: {{ .Values.firstWeight }}'],
          ],
          'values.yaml': [['replicas: 1', 'replicas: 1\nfirstWeight: 150']],
          'envValues/local.yaml': [['replicas: 10', 'replicas: "ten"']],
        });
        temp.push(dir);
        const found = placed(await renderAndLint({ kind: 'helm', chartDir: dir, valueFiles: ['envValues/local.yaml'], set: [] }, tools), dir);
        const template = readFileSync(nodePath.join(dir, 'templates/deployment.yaml'), 'utf8');
        const valuesLine = lineOf(readFileSync(nodePath.join(dir, 'values.yaml'), 'utf8'), 'firstWeight');
        const at = (rule: string, file: string) => found.find((f) => f.rule === rule && f.file === file);
        const same = at('canary-same-services', 'templates/deployment.yaml');
        assert.deepEqual(same && [same.line, same.text], [lineOf(template, 'stableService:'), '{{ include "fullname" . }}-canary']);
        const weight = at('step-set-weight-range', 'templates/deployment.yaml');
        assert.deepEqual(weight && [weight.line, weight.related], [lineOf(template, '{{ .Values.firstWeight }}'), [`values.yaml:${valuesLine}`]]);
        assert.match(weight!.message, /value from values\.yaml: firstWeight/);
        const inValues = at('step-set-weight-range', 'values.yaml');
        assert.deepEqual(inValues && [inValues.line, inValues.text], [valuesLine, '150']);
        const replicas = at('invalid-type', 'envValues/local.yaml');
        assert.deepEqual(replicas && [replicas.line, replicas.text, replicas.related], [5, '"ten"', [`templates/deployment.yaml:${lineOf(template, 'replicas: {{')}`]]);
      });

      it('the CLI renders a chart folder and reports a values-file mistake at the values file\'s line (exit 1)', async () => {
        const dir = copyOf(HUGO, { 'envValues/local.yaml': [['replicas: 10', 'replicas: "ten"']] });
        temp.push(dir);
        const r = await runIn(nodePath.dirname(dir), ['--helm', helm, '--values', nodePath.join(nodePath.basename(dir), 'envValues/local.yaml'), '--format', 'json', nodePath.basename(dir)]);
        assert.equal(r.code, 1, r.stderr);
        const files = (JSON.parse(r.stdout) as { files: { path: string; findings: { rule: string; line: number }[] }[] }).files;
        const inValues = files.find((f) => f.path === nodePath.join(nodePath.basename(dir), 'envValues/local.yaml'));
        assert.deepEqual(inValues?.findings.map((f) => [f.rule, f.line]), [['invalid-type', 5]]);
      });
    });

    it('--set values are rendered too (a setWeight above 100 from --set is reported)', async () => {
      const dir = nodePath.join(FIXTURES, 'helm/shop');
      const found = placed(await renderAndLint({ kind: 'helm', chartDir: dir, valueFiles: [], set: ['canary.weights={20,150}'] }, tools), dir);
      const f = found.find((x) => x.rule === 'step-set-weight-range');
      assert.ok(f, found.map((x) => x.rule).join(', '));
      assert.equal(f.file, 'templates/rollout.yaml');
    });

    it('a template that fails to render gives one finding at the line helm names, with helm\'s message', async () => {
      const dir = copyOf(nodePath.join(FIXTURES, 'helm/shop'), { 'templates/rollout.yaml': [['  revisionHistoryLimit: 3', '  revisionHistoryLimit: {{ required "history is required" .Values.history }}']] });
      temp.push(dir);
      const found = placed(await renderAndLint({ kind: 'helm', chartDir: dir, valueFiles: [], set: [] }, tools), dir);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.file, 'templates/rollout.yaml');
      assert.equal(found[0]!.line, lineOf(readFileSync(nodePath.join(dir, 'templates/rollout.yaml'), 'utf8'), 'revisionHistoryLimit'));
      assert.match(found[0]!.message, /history is required/);
    });

    it('a missing helm is reported as such, not as a failed render', async () => {
      const r = await renderAndLint({ kind: 'helm', chartDir: nodePath.join(FIXTURES, 'helm/shop'), valueFiles: [], set: [] }, { ...tools, helm: nodePath.join(os.tmpdir(), 'no-such-helm') });
      assert.equal(r.kind, 'missing-binary');
    });
  });
}

describe('rendered lint with the real kustomize', function () {
  this.timeout(60_000);
  const kustomize = renderBinaryOrSkip('kustomize');
  if (!kustomize) return;
  const tools: RenderTools = { helm: 'helm', kustomize, timeoutMs: 30_000 };
  const TREE = nodePath.join(FIXTURES, 'kustomize');
  const temp: string[] = [];
  after(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('the fixture overlay builds and lints clean', async () => {
    assert.deepEqual(placed(await renderAndLint({ kind: 'kustomize', dir: nodePath.join(TREE, 'overlays/prod') }, tools), TREE), []);
  });

  it('mistakes are found where they are written: a strategic-merge patch, a JSON 6902 value, the base', async () => {
    const dir = copyOf(TREE, {
      'overlays/prod/rollout-steps.yaml': [['setWeight: 50', 'setWeight: 150']],
      'overlays/prod/patches/analysis-6902.yaml': [['templateName: success-rate', 'templateName: success-rates']],
      'base/rollout.yaml': [['stableService: checkout', 'stableService: checkout-canary']],
    });
    temp.push(dir);
    const found = placed(await renderAndLint({ kind: 'kustomize', dir: nodePath.join(dir, 'overlays/prod') }, tools), dir);
    const at = (rule: string) => found.find((f) => f.rule === rule);
    assert.deepEqual(at('step-set-weight-range') && [at('step-set-weight-range')!.file, at('step-set-weight-range')!.line], ['overlays/prod/rollout-steps.yaml', 11]);
    assert.deepEqual(at('reference-not-found') && [at('reference-not-found')!.file, at('reference-not-found')!.line], ['overlays/prod/patches/analysis-6902.yaml', 5]);
    assert.deepEqual(at('canary-same-services') && [at('canary-same-services')!.file, at('canary-same-services')!.line], ['base/rollout.yaml', 21]);
  });
});
