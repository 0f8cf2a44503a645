// Fuzz of Helm templates and Kustomize patches: template-shaped mutations (actions inserted, split,
// unterminated, trim markers, raw strings, comments) and the general manifest mutations, on the
// fixture charts and overlays. Lint never throws, never reports internal-error, and every span and
// fix edit stays inside its file. FUZZ_RUNS and FUZZ_SEED as in lintFuzz.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { createWorkspace, lintFiles } from '../../../src/core/lint/lint';
import type { FileRole } from '../../../src/core/lint/template/fileRole';
import { FileRoles } from '../../../src/render/fileRoles';
import { FIXTURES, filesBelow } from '../core/lint/template/chartKit';
import { mutate, prng, type Random } from './mutations';

const RUNS = Math.max(200, Math.floor(Number(process.env.FUZZ_RUNS ?? 3000) / 3));
const SEED = Number(process.env.FUZZ_SEED ?? 20261208);

/** Pieces of Go template a user types (or half-types) into a template. */
const ACTIONS: readonly string[] = [
  '{{ .Values.x }}',
  '{{- if .Values.enabled }}',
  '{{- end }}',
  '{{ else }}',
  '{{- toYaml .Values.x | nindent 4 }}',
  '{{ include "fullname" . | indent 2 }}',
  '{{`{{args.name}}`}}',
  '{{`sum(rate(x[5m]))`}}',
  '{{/* a comment */}}',
  '{{- /* multi\nline */ -}}',
  '{{ range $k, $v := .Values.m }}',
  '{{ "}}" }}',
  '{{',
  '}}',
  '{{-',
  '`',
  '{{ $x := 1 }}',
  '{{ tpl .Values.t . }}: value',
  '"{{ .Values.q }}"',
  '{{ .Values.a }}{{ .Values.b }}',
];

function pick<T>(rnd: Random, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function templateMutation(text: string, rnd: Random): string {
  const lines = text.split('\n');
  const i = Math.floor(rnd() * lines.length);
  const line = lines[i]!;
  const col = Math.floor(rnd() * (line.length + 1));
  const action = pick(rnd, ACTIONS);
  switch (Math.floor(rnd() * 4)) {
    case 0:
      lines[i] = line.slice(0, col) + action + line.slice(col);
      break;
    case 1:
      lines.splice(i, 0, ' '.repeat(Math.floor(rnd() * 12)) + action);
      break;
    case 2: {
      const colon = line.indexOf(': ');
      lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${action}` : action + line;
      break;
    }
    default:
      lines[i] = line.slice(0, col);
  }
  return lines.join(rnd() < 0.1 ? '\r\n' : '\n');
}

interface Case {
  readonly path: string;
  readonly text: string;
  readonly role: FileRole;
}

function fixtureCases(): Case[] {
  const roles = new FileRoles();
  const out: Case[] = [];
  for (const tree of ['helm', 'kustomize']) {
    const dir = nodePath.join(FIXTURES, tree);
    for (const rel of filesBelow(dir)) {
      const path = nodePath.join(dir, rel);
      const role = roles.roleOf(path);
      if (role.kind === 'helm-template' || role.kind === 'kustomize-patch') out.push({ path, text: readFileSync(path, 'utf8'), role });
    }
  }
  return out;
}

describe('linting mutated Helm templates and Kustomize patches (fuzz)', function () {
  this.timeout(120_000);
  const cases = fixtureCases();

  it(`never throws and keeps every range inside its file, over ${RUNS} mutations of ${cases.length} templates and patches`, () => {
    const rnd = prng(SEED);
    for (let run = 0; run < RUNS; run++) {
      const c = cases[run % cases.length]!;
      let text = c.text;
      const steps = 1 + Math.floor(rnd() * 3);
      for (let s = 0; s < steps; s++) text = rnd() < 0.7 ? templateMutation(text, rnd) : mutate(text, rnd).text;
      const where = `run ${run} (FUZZ_SEED=${SEED}) on ${nodePath.basename(c.path)}`;
      const findings = lintFiles([{ path: c.path, text, role: c.role }]).get(c.path)!;
      for (const f of findings) {
        assert.notEqual(f.rule, 'internal-error', `${where}: ${f.message}`);
        assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: span ${JSON.stringify(f.span)} of ${f.rule} outside 0..${text.length}`);
        for (const e of f.fix?.edits ?? []) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${where}: fix edit outside the file`);
      }
    }
  });

  it('an edited template linted incrementally agrees with a fresh lint', () => {
    const rnd = prng(SEED + 1);
    for (const c of cases.filter((x) => x.role.kind === 'helm-template')) {
      const ws = createWorkspace();
      ws.setFile(c.path, c.text, c.role);
      let text = c.text;
      for (let k = 0; k < 20; k++) {
        const at = Math.floor(rnd() * (text.length + 1));
        const insert = pick(rnd, ACTIONS);
        ws.editFile(c.path, [{ start: at, end: at, newText: insert }]);
        text = text.slice(0, at) + insert + text.slice(at);
        const fresh = lintFiles([{ path: c.path, text, role: c.role }]).get(c.path)!;
        assert.deepEqual(ws.lintFile(c.path).map((f) => [f.rule, f.span.start, f.span.end]), fresh.map((f) => [f.rule, f.span.start, f.span.end]), `${nodePath.basename(c.path)} after edit ${k}`);
      }
    }
  });
});
