import { strict as assert } from 'node:assert';
import { escapeData, escapeProperty, formatGithub } from '../../../src/cli/formatGithub';
import { formatJson } from '../../../src/cli/formatJson';
import { artifactUri, formatSarif, SARIF_SCHEMA, type RuleInfo } from '../../../src/cli/formatSarif';
import { formatText, summary } from '../../../src/cli/formatText';
import { locateFindings, type FileResult, type LocatedFinding } from '../../../src/cli/lintResults';

function finding(over: Partial<LocatedFinding> = {}): LocatedFinding {
  return {
    rule: 'canary-max-surge-unavailable',
    severity: 'error',
    message: 'Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero',
    line: 20,
    column: 17,
    endLine: 20,
    endColumn: 18,
    path: 'spec.strategy.maxSurge',
    ...over,
  };
}

const RESULTS: FileResult[] = [
  { path: 'apps/rollout.yaml', findings: [finding(), finding({ rule: 'step-pause', severity: 'warning', message: 'pause without duration', line: 25, column: 11, endLine: 25, endColumn: 16, path: 'spec.strategy.steps[1].pause' })] },
  { path: 'apps/service.yaml', findings: [] },
  { path: 'apps/template.yaml', findings: [finding({ rule: 'metric-hint', severity: 'info', message: 'a hint', line: 3, column: 1, endLine: 4, endColumn: 1, path: '' })] },
];

const RULES: RuleInfo[] = [
  { id: 'canary-max-surge-unavailable', severity: 'error', title: 'maxSurge and maxUnavailable both zero', description: 'Argo rejects it.', source: '§1.3 C1' },
  { id: 'step-pause', severity: 'warning', title: 'pause', description: 'Pauses.' },
];

describe('the CLI output formats', () => {
  describe('locating findings', () => {
    it('turns offsets into 1-based lines and columns with an exclusive end', () => {
      const text = 'a: 1\nbb: 22\n';
      const [r] = locateFindings([{ path: 'x.yaml', text }], new Map([['x.yaml', [{ rule: 'r', severity: 'error', message: 'm', path: 'bb', span: { start: 9, end: 11 } }]]]));
      assert.deepEqual(r!.findings[0], { rule: 'r', severity: 'error', message: 'm', line: 2, column: 5, endLine: 2, endColumn: 7, path: 'bb' });
    });

    it('gives a zero-width span an end equal to its start', () => {
      const [r] = locateFindings([{ path: 'x.yaml', text: 'a: 1\n' }], new Map([['x.yaml', [{ rule: 'r', severity: 'info', message: 'm', path: '', span: { start: 5, end: 5 } }]]]));
      const f = r!.findings[0]!;
      assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [2, 1, 2, 1]);
    });

    it('lists files without findings too, in the order given', () => {
      const rs = locateFindings([{ path: 'b.yaml', text: '' }, { path: 'a.yaml', text: '' }], new Map());
      assert.deepEqual(rs, [{ path: 'b.yaml', findings: [] }, { path: 'a.yaml', findings: [] }]);
    });
  });

  describe('json', () => {
    it('prints exactly the documented shape with keys in order, every file listed', () => {
      const out = formatJson(RESULTS.slice(0, 2));
      assert.equal(
        out,
        '{"files":[{"path":"apps/rollout.yaml","findings":[' +
          '{"rule":"canary-max-surge-unavailable","severity":"error","message":"Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero","line":20,"column":17,"endLine":20,"endColumn":18,"path":"spec.strategy.maxSurge"},' +
          '{"rule":"step-pause","severity":"warning","message":"pause without duration","line":25,"column":11,"endLine":25,"endColumn":16,"path":"spec.strategy.steps[1].pause"}]},' +
          '{"path":"apps/service.yaml","findings":[]}]}\n',
      );
    });
  });

  describe('text', () => {
    it('prints file:line:col severity message [rule] per finding and a summary', () => {
      assert.equal(
        formatText(RESULTS, { color: false }),
        [
          'apps/rollout.yaml:20:17 error Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero [canary-max-surge-unavailable]',
          'apps/rollout.yaml:25:11 warning pause without duration [step-pause]',
          'apps/template.yaml:3:1 info a hint [metric-hint]',
          '1 error, 1 warning, 1 info in 2 files (3 files checked)',
          '',
        ].join('\n'),
      );
    });

    it('summarises plurals and clean runs', () => {
      assert.equal(summary([{ path: 'a', findings: [finding(), finding(), finding(), finding({ severity: 'warning' })] }, { path: 'b', findings: [] }]), '3 errors, 1 warning in 1 file (2 files checked)');
      assert.equal(summary([{ path: 'a', findings: [] }, { path: 'b', findings: [] }]), 'No problems in 2 files');
      assert.equal(summary([{ path: 'a', findings: [] }]), 'No problems in 1 file');
    });

    it('colours the severity only when asked to', () => {
      const coloured = formatText(RESULTS.slice(0, 1), { color: true });
      assert.ok(coloured.includes('\x1b[31merror\x1b[0m'), coloured);
      assert.ok(!formatText(RESULTS, { color: false }).includes('\x1b'));
    });

    it('keeps a multi-line message on one output line', () => {
      const out = formatText([{ path: 'a', findings: [finding({ message: 'one\ntwo' })] }], { color: false });
      assert.equal(out.split('\n')[0], 'a:20:17 error one two [canary-max-surge-unavailable]');
    });
  });

  describe('github', () => {
    it('prints one workflow command per finding with notice for infos', () => {
      assert.equal(
        formatGithub(RESULTS),
        [
          '::error file=apps/rollout.yaml,line=20,col=17,endLine=20,endColumn=18,title=canary-max-surge-unavailable::Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero',
          '::warning file=apps/rollout.yaml,line=25,col=11,endLine=25,endColumn=16,title=step-pause::pause without duration',
          '::notice file=apps/template.yaml,line=3,endLine=4,title=metric-hint::a hint',
          '',
        ].join('\n'),
      );
    });

    it('escapes % CR LF in the message and also : and , in properties', () => {
      assert.equal(escapeData('100%\r\nok: a,b'), '100%25%0D%0Aok: a,b');
      assert.equal(escapeProperty('C:\\x,y%'), 'C%3A\\x%2Cy%25');
      const out = formatGithub([{ path: 'dir,with:odd%name.yaml', findings: [finding({ message: 'weight 50%\nnext: line' })] }]);
      assert.equal(out, '::error file=dir%2Cwith%3Aodd%25name.yaml,line=20,col=17,endLine=20,endColumn=18,title=canary-max-surge-unavailable::weight 50%25%0Anext: line\n');
    });

    it('prints nothing when there are no findings', () => {
      assert.equal(formatGithub([{ path: 'a', findings: [] }]), '');
    });
  });

  describe('sarif', () => {
    const sarif = () =>
      JSON.parse(formatSarif(RESULTS, { rules: RULES, toolVersion: '1.2.3', informationUri: 'https://example.invalid/tool', cwd: '/repo' })) as {
        $schema: string;
        version: string;
        runs: {
          tool: { driver: { name: string; informationUri: string; version: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
          results: {
            ruleId: string;
            ruleIndex: number;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
          }[];
        }[];
      };

    it('has the SARIF 2.1.0 header and one run with the tool driver', () => {
      const log = sarif();
      assert.equal(log.$schema, SARIF_SCHEMA);
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const driver = log.runs[0]!.tool.driver;
      assert.equal(driver.name, 'argo-rollouts-lint');
      assert.equal(driver.version, '1.2.3');
      assert.equal(driver.informationUri, 'https://example.invalid/tool');
    });

    it('leaves the tool driver without informationUri when the tool has no home page', () => {
      const log = JSON.parse(formatSarif(RESULTS, { rules: RULES, toolVersion: '1.2.3', cwd: '/repo' })) as { runs: { tool: { driver: Record<string, unknown> } }[] };
      assert.equal('informationUri' in log.runs[0]!.tool.driver, false);
    });

    it('describes every rule with title, description, help and default level', () => {
      const rules = sarif().runs[0]!.tool.driver.rules;
      assert.deepEqual(rules[0], {
        id: 'canary-max-surge-unavailable',
        name: 'CanaryMaxSurgeUnavailable',
        shortDescription: { text: 'maxSurge and maxUnavailable both zero' },
        fullDescription: { text: 'Argo rejects it.' },
        help: { text: 'Argo rejects it.\n\nSource: §1.3 C1', markdown: 'Argo rejects it.\n\nSource: §1.3 C1' },
        defaultConfiguration: { level: 'error' },
      });
      assert.equal(rules[1]!.defaultConfiguration.level, 'warning');
    });

    it('gives every result a ruleId, a ruleIndex pointing at that rule, a level, a message and a region', () => {
      const run = sarif().runs[0]!;
      assert.equal(run.results.length, 3);
      for (const r of run.results) {
        assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId, 'ruleIndex points at the rule');
        assert.ok(['error', 'warning', 'note'].includes(r.level));
        assert.ok(r.message.text.length > 0);
        const loc = r.locations[0]!.physicalLocation;
        assert.ok(!loc.artifactLocation.uri.startsWith('/'), 'uri is relative');
        for (const n of Object.values(loc.region)) assert.ok(Number.isInteger(n) && n >= 1);
      }
      assert.deepEqual(run.results[0]!.locations[0]!.physicalLocation, { artifactLocation: { uri: 'apps/rollout.yaml' }, region: { startLine: 20, startColumn: 17, endLine: 20, endColumn: 18 } });
      assert.deepEqual(
        run.results.map((r) => r.level),
        ['error', 'warning', 'note'],
      );
    });

    it('adds a descriptor for a finding whose rule has no metadata', () => {
      const run = sarif().runs[0]!;
      const r = run.results[2]!;
      assert.equal(r.ruleId, 'metric-hint');
      assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, 'metric-hint');
    });

    it('makes artifact URIs relative with forward slashes and percent-encoding', () => {
      assert.equal(artifactUri('/repo/k8s/a b.yaml', '/repo'), 'k8s/a%20b.yaml');
      assert.equal(artifactUri('./k8s//x.yaml', '/repo'), 'k8s/x.yaml');
      assert.equal(artifactUri('<stdin>', '/repo'), '%3Cstdin%3E');
      assert.equal(artifactUri('k8s/x#1.yaml', '/repo'), 'k8s/x%231.yaml');
    });
  });
});
