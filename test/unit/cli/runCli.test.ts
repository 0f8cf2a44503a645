import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { allRules } from '../../../src/core/lint/rules/allRules';
import { BROKEN_YAML, parseJson, ROLLOUT, run, runIn, services, tempFolder, ZERO_SURGE, ZERO_SURGE_ERROR } from './cliFixtures';

const ESC = '\x1b[';
const UNMATCHED = 'Invalid value: "demo-canary": Service "demo-canary" has unmatch label "app" in rollout';

describe('running the CLI', () => {
  describe('exit status', () => {
    it('exits 0 and says so when the files have no problems', async () => {
      const r = await run(['rollout.yaml', 'services.yaml'], { files: { 'rollout.yaml': ROLLOUT, 'services.yaml': services('demo') } });
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, 'No problems in 2 files\n');
      assert.equal(r.code, 0);
    });

    it('exits 1 when a file has an error finding', async () => {
      const r = await run(['bad.yaml'], { files: { 'bad.yaml': BROKEN_YAML } });
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^bad\.yaml:3:\d+ error .* \[yaml-syntax\]$/m);
      assert.match(r.stdout, /^1 error in 1 file \(1 file checked\)$/m);
    });

    it('exits 1 for a Rollout that Argo rejects, printing Argo\'s message', async () => {
      const r = await run(['zero.yaml'], { files: { 'zero.yaml': ZERO_SURGE } });
      assert.equal(r.code, 1);
      assert.ok(r.stdout.includes(`error ${ZERO_SURGE_ERROR}`), r.stdout);
    });

    it('exits 2 with a clear message when a path does not exist, printing nothing on stdout', async () => {
      const r = await run(['rollout.yaml', 'x.yaml'], { files: { 'rollout.yaml': ROLLOUT } });
      assert.deepEqual(r, { code: 2, stdout: '', stderr: "argo-rollouts-lint: cannot read 'x.yaml': no such file or directory\n" });
    });

    it('exits 2 with the usage when no PATH is given', async () => {
      const r = await run([]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^argo-rollouts-lint: no PATH given\nUsage: argo-rollouts-lint \[--format text\|json\|sarif\|github\] \[--values FILE\]\.\.\. \[--set KEY=VALUE\]\.\.\. \[--helm PATH\] \[--kustomize PATH\] PATH\.\.\./);
    });

    it('exits 2 for an unknown flag and for an unknown format', async () => {
      const flag = await run(['--fix', 'a.yaml']);
      assert.equal(flag.code, 2);
      assert.match(flag.stderr, /^argo-rollouts-lint: unknown option '--fix'\n/);
      const format = await run(['--format', 'xml', 'a.yaml']);
      assert.equal(format.code, 2);
      assert.match(format.stderr, /^argo-rollouts-lint: unknown format 'xml'/);
    });

    it('exits 2 when a folder holds no manifests', async () => {
      const r = await run(['empty'], { files: { 'empty/readme.md': '#' } });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, "argo-rollouts-lint: no *.yaml, *.yml or *.json files found in 'empty'\n");
    });

    it('prints help and version on stdout and exits 0', async () => {
      const help = await run(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: argo-rollouts-lint/);
      const version = await run(['--version']);
      assert.equal(version.code, 0);
      assert.match(version.stdout, /^argo-rollouts-lint \d+\.\d+\.\d+\n$/);
    });
  });

  describe('inputs', () => {
    it('reads - from stdin and shows it as <stdin>', async () => {
      const r = await run(['--format', 'json', '-'], { stdin: BROKEN_YAML });
      const out = parseJson(r.stdout);
      assert.equal(out.files.length, 1);
      assert.equal(out.files[0]!.path, '<stdin>');
      assert.equal(out.files[0]!.findings[0]!.rule, 'yaml-syntax');
      assert.equal(r.code, 1);
    });

    it('lints a folder recursively and lists every file, also those without findings', async () => {
      const r = await run(['--format', 'json', 'k8s'], {
        files: { 'k8s/app/rollout.yaml': ROLLOUT, 'k8s/app/services.yml': services('demo'), 'k8s/broken.json': '{"apiVersion": "argoproj.io/v1alpha1", "kind": ', 'k8s/package.json': '{"name": "x"', 'k8s/node_modules/x.yaml': BROKEN_YAML },
      });
      const out = parseJson(r.stdout);
      assert.deepEqual(
        out.files.map((f) => [f.path, f.findings.map((x) => x.rule)]),
        [
          ['k8s/app/rollout.yaml', []],
          ['k8s/app/services.yml', []],
          ['k8s/broken.json', ['yaml-syntax']],
        ],
      );
      assert.equal(r.code, 1);
    });

    it('resolves a Rollout\'s Services from another file given on the same command line', async () => {
      const files = { 'rollout.yaml': ROLLOUT, 'services.yaml': services('other') };
      const together = parseJson((await run(['--format', 'json', 'rollout.yaml', 'services.yaml'], { files })).stdout);
      const found = together.files[0]!.findings.find((f) => f.message.startsWith(UNMATCHED));
      assert.ok(found, `expected the label mismatch in rollout.yaml, got ${JSON.stringify(together.files[0]!.findings)}`);
      assert.equal(found.severity, 'error');
      assert.equal(found.path, 'spec.strategy.canary.canaryService');
      assert.equal(found.line, 20);
      const alone = parseJson((await run(['--format', 'json', 'rollout.yaml'], { files })).stdout);
      assert.ok(!alone.files[0]!.findings.some((f) => f.message.startsWith(UNMATCHED)), 'alone, the Services are unknown');
    });

    it('gives 1-based positions with an exclusive end column', async () => {
      const r = await run(['--format', 'json', 'zero.yaml'], { files: { 'zero.yaml': ZERO_SURGE } });
      const f = parseJson(r.stdout).files[0]!.findings.find((x) => x.message.startsWith(ZERO_SURGE_ERROR));
      assert.ok(f, r.stdout);
      const lines = ZERO_SURGE.split('\n');
      const underlined = lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);
      assert.equal(f.path, 'spec.strategy.maxSurge');
      assert.ok(underlined === 'maxSurge' || underlined === '0', `underlined ${JSON.stringify(underlined)}`);
    });
  });

  describe('formats', () => {
    it('colours text only when stdout is a terminal and NO_COLOR is unset', async () => {
      const files = { 'bad.yaml': BROKEN_YAML };
      assert.ok((await run(['bad.yaml'], { files, tty: true })).stdout.includes(ESC));
      assert.ok(!(await run(['bad.yaml'], { files, tty: true, env: { NO_COLOR: '1' } })).stdout.includes(ESC));
      assert.ok(!(await run(['bad.yaml'], { files, tty: false })).stdout.includes(ESC));
    });

    it('prints GitHub workflow commands with the file as given', async () => {
      const r = await run(['--format', 'github', 'bad.yaml'], { files: { 'bad.yaml': BROKEN_YAML } });
      assert.match(r.stdout, /^::error file=bad\.yaml,line=3,col=\d+,endLine=3,endColumn=\d+,title=yaml-syntax::.+\n$/);
    });

    it('prints SARIF whose driver lists every rule and whose results point into it', async () => {
      const r = await run(['--format', 'sarif', 'bad.yaml', 'zero.yaml'], { files: { 'bad.yaml': BROKEN_YAML, 'zero.yaml': ZERO_SURGE } });
      const log = JSON.parse(r.stdout) as {
        runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      const run0 = log.runs[0]!;
      const ids = run0.tool.driver.rules.map((x) => x.id);
      for (const rule of allRules) assert.ok(ids.includes(rule.id), rule.id);
      assert.ok(ids.includes('yaml-syntax') && ids.includes('internal-error'));
      assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
      for (const x of run0.tool.driver.rules) assert.ok(x.shortDescription.text.length > 0);
      assert.ok(run0.results.length >= 1);
      for (const res of run0.results) assert.equal(run0.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
      assert.equal(run0.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'bad.yaml');
    });

    it('makes SARIF URIs relative to the working folder when given absolute paths', async () => {
      const dir = tempFolder({ 'k8s/bad.yaml': BROKEN_YAML });
      try {
        const r = await runIn(dir, ['--format', 'sarif', `${dir}/k8s`]);
        const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
        assert.equal(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'k8s/bad.yaml');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
