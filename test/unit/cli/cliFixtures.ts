// Small manifests and a runner for CLI tests: files are written to a fresh temporary folder, which
// is the CLI's working directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { yaml } from '../support/lintHelpers';

export const ROLLOUT = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
  'metadata:',
  '  name: demo',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels:',
  '      app: demo',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: demo',
  '    spec:',
  '      containers:',
  '        - name: demo',
  '          image: nginx:1.27',
  '  strategy:',
  '    canary:',
  '      canaryService: demo-canary',
  '      stableService: demo-stable',
  '      steps:',
  '        - setWeight: 20',
  '        - pause: {duration: 30s}',
);

export function services(app: string): string {
  const svc = (name: string) =>
    yaml('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', `    app: ${app}`, '  ports:', '    - port: 80', '      targetPort: 8080');
  return svc('demo-canary') + '---\n' + svc('demo-stable');
}

/** Argo rejects it: `spec.strategy.maxSurge: Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero`. */
export const ZERO_SURGE = ROLLOUT.replace('  name: demo\n', '  name: zero\n').replace(
  '      canaryService: demo-canary\n      stableService: demo-stable\n',
  '      maxSurge: 0\n      maxUnavailable: 0\n',
);
export const ZERO_SURGE_ERROR = 'Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero';

export const BROKEN_YAML = 'apiVersion: v1\nkind: Service\nmetadata: {name: broken\n';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly files?: Readonly<Record<string, string>>;
  readonly stdin?: string;
  readonly tty?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const cwd = tempFolder(options.files ?? {});
  try {
    return await runIn(cwd, argv, options);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function runIn(cwd: string, argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    cwd,
    stdin: options.stdin === undefined ? [] : [Buffer.from(options.stdin, 'utf8')],
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A new temporary folder holding `files` (relative paths, folders created as needed). */
export function tempFolder(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(nodePath.join(tmpdir(), 'argo-lint-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const abs = nodePath.join(dir, rel);
    mkdirSync(nodePath.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

export interface JsonOutput {
  files: { path: string; findings: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; path: string }[] }[];
}

export function parseJson(stdout: string): JsonOutput {
  return JSON.parse(stdout) as JsonOutput;
}
