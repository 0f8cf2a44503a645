// The whole CLI as a function with its I/O injected, so tests run it in-process.
import { lintFiles } from '../core/lint/lint';
import { allRules } from '../core/lint/rules/allRules';
import { helpText, parseCliArgs, USAGE, type Format } from './cliArgs';
import { CliError, collectFiles, type StdinSource } from './collectFiles';
import { formatGithub } from './formatGithub';
import { formatJson } from './formatJson';
import { formatSarif, type RuleInfo } from './formatSarif';
import { formatText } from './formatText';
import { countFindings, locateFindings, type FileResult } from './lintResults';
import { mergeFindings, renderPaths } from './renderPaths';
import { TOOL_INFORMATION_URI, TOOL_VERSION } from './toolInfo';

export interface Writable {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly argv: readonly string[];
  readonly stdin: StdinSource;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly cwd: string;
  /** Defaults to process.env (only NO_COLOR is read). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
const NAME = 'argo-rollouts-lint';

export async function runCli(io: CliIO): Promise<number> {
  const args = parseCliArgs(io.argv);
  switch (args.kind) {
    case 'help':
      io.stdout.write(helpText(TOOL_VERSION));
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${NAME} ${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr.write(`${NAME}: ${args.message}\n${USAGE}\nTry '${NAME} --help' for more information.\n`);
      return EXIT_USAGE;
  }
  let files;
  try {
    files = await collectFiles(args.paths, io.cwd, io.stdin);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.stderr.write(`${NAME}: ${e.message}\n`);
    return EXIT_USAGE;
  }
  if (files.length === 0) {
    io.stderr.write(`${NAME}: no *.yaml, *.yml or *.json files found in ${args.paths.map((p) => `'${p}'`).join(', ')}\n`);
    return EXIT_USAGE;
  }
  // Chart and kustomization folders are also rendered, and their findings placed in the sources.
  const rendered = await renderPaths(args.paths, io.cwd, args.render, files);
  const all = [...files, ...rendered.extraFiles];
  const results = locateFindings(all, mergeFindings(lintFiles(files), rendered.findings));
  const env = io.env ?? process.env;
  io.stdout.write(render(args.format, results, { color: io.stdout.isTTY === true && env.NO_COLOR === undefined, cwd: io.cwd }));
  return countFindings(results).error > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function render(format: Format, results: readonly FileResult[], o: { color: boolean; cwd: string }): string {
  switch (format) {
    case 'text':
      return formatText(results, { color: o.color });
    case 'json':
      return formatJson(results);
    case 'github':
      return formatGithub(results);
    case 'sarif':
      return formatSarif(results, { rules: ruleInfos(), toolVersion: TOOL_VERSION, informationUri: TOOL_INFORMATION_URI, cwd: o.cwd });
  }
}

export function ruleInfos(): RuleInfo[] {
  return [
    ...allRules.map((r) => ({ id: r.id, severity: r.severity, title: r.title, description: r.description, source: r.source })),
    {
      id: 'yaml-syntax',
      severity: 'error',
      title: 'The file is not valid YAML (or JSON)',
      description:
        'kubectl and the Argo Rollouts controller cannot read a manifest with a YAML syntax error, so nothing in it is applied or checked. Fix the syntax at the marked position; warnings mark constructs the parser accepts but that are likely mistakes.',
    },
    {
      id: 'kustomize-patch-path',
      severity: 'error',
      title: 'A JSON 6902 patch operation names a field the target kind does not have',
      description:
        'A Kustomize JSON 6902 operation whose path is not a field of the target kind (a misspelt key, an index into a map, a field below a scalar) either fails the build or adds a field the API server prunes, so the change never reaches Argo. Fix the path.',
    },
    {
      id: 'render-failed',
      severity: 'error',
      title: 'The chart or overlay does not render',
      description: 'helm template (or kustomize build) failed: Argo CD would fail the same way and sync nothing. The message is the tool\'s, at the line it names.',
    },
    {
      id: 'not-rendered',
      severity: 'info',
      title: 'The chart or overlay was linted as written only',
      description: 'helm (or kustomize) was not found, so what Argo CD would apply was not rendered and linted. Install it, or give its path with --helm / --kustomize (in VS Code: argoRollouts.helm.path / argoRollouts.kustomize.path).',
    },
    {
      id: 'internal-error',
      severity: 'warning',
      title: 'A lint rule failed on this document',
      description: 'A bug in the linter: one rule crashed on this document; the other rules still ran. Please report it with the manifest that triggers it.',
    },
  ];
}
