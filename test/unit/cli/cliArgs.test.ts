import { strict as assert } from 'node:assert';
import { helpText, parseCliArgs } from '../../../src/cli/cliArgs';

const NO_RENDER = { values: [], set: [] };

describe('the CLI arguments', () => {
  it('takes --values and --set in order, repeated, and --helm / --kustomize paths', () => {
    assert.deepEqual(parseCliArgs(['--values', 'a.yaml', '--set', 'replicas=3', '--values=b.yaml', '--set', 'image.tag=1.2', '--helm', '/opt/helm', '--kustomize', 'kubectl', 'chart']), {
      kind: 'run',
      format: 'text',
      paths: ['chart'],
      render: { values: ['a.yaml', 'b.yaml'], set: ['replicas=3', 'image.tag=1.2'], helm: '/opt/helm', kustomize: 'kubectl' },
    });
  });

  it('rejects a --set that is not KEY=VALUE', () => {
    assert.deepEqual(parseCliArgs(['--set', 'replicas', 'chart']), { kind: 'usage-error', message: "--set 'replicas' is not KEY=VALUE" });
  });

  it('defaults to the text format and keeps the paths in order', () => {
    assert.deepEqual(parseCliArgs(['b.yaml', 'dir']), { kind: 'run', format: 'text', paths: ['b.yaml', 'dir'], render: NO_RENDER });
  });

  it('accepts --format json, --format=sarif and -f github', () => {
    assert.deepEqual(parseCliArgs(['--format', 'json', 'a.yaml']), { kind: 'run', format: 'json', paths: ['a.yaml'], render: NO_RENDER });
    assert.deepEqual(parseCliArgs(['--format=sarif', 'a.yaml']), { kind: 'run', format: 'sarif', paths: ['a.yaml'], render: NO_RENDER });
    assert.deepEqual(parseCliArgs(['-f', 'github', 'a.yaml']), { kind: 'run', format: 'github', paths: ['a.yaml'], render: NO_RENDER });
  });

  it('treats a lone - as stdin and everything after -- as paths', () => {
    assert.deepEqual(parseCliArgs(['-', '--', '--odd.yaml']), { kind: 'run', format: 'text', paths: ['-', '--odd.yaml'], render: NO_RENDER });
  });

  it('rejects an unknown format naming the allowed ones', () => {
    assert.deepEqual(parseCliArgs(['--format', 'xml', 'a.yaml']), { kind: 'usage-error', message: "unknown format 'xml' (expected one of: text, json, sarif, github)" });
  });

  it('rejects an unknown option by name', () => {
    assert.deepEqual(parseCliArgs(['--strict', 'a.yaml']), { kind: 'usage-error', message: "unknown option '--strict'" });
  });

  it('rejects --format without a value', () => {
    const r = parseCliArgs(['a.yaml', '--format']);
    assert.equal(r.kind, 'usage-error');
  });

  it('asks for a PATH when none is given', () => {
    assert.deepEqual(parseCliArgs([]), { kind: 'usage-error', message: 'no PATH given' });
    assert.deepEqual(parseCliArgs(['--format', 'json']), { kind: 'usage-error', message: 'no PATH given' });
  });

  it('recognises --help and --version even with paths', () => {
    assert.deepEqual(parseCliArgs(['--help']), { kind: 'help' });
    assert.deepEqual(parseCliArgs(['a.yaml', '-h']), { kind: 'help' });
    assert.deepEqual(parseCliArgs(['--version']), { kind: 'version' });
  });

  it('documents that end columns are exclusive and the exit statuses', () => {
    const help = helpText('9.9.9');
    assert.match(help, /endColumn is the column just after the last underlined/);
    assert.match(help, /Exit status: 0 no errors/);
    assert.match(help, /^argo-rollouts-lint 9\.9\.9/);
  });
});
