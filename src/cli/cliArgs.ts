// Command-line arguments of argo-rollouts-lint, parsed with node:util so flags behave like other
// Node tools (`--format=json`, `--format json`, `-f json`, `--` ends options, a lone `-` is stdin).
import { parseArgs } from 'node:util';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** `--values FILE`, in order (after each chart's values.yaml). */
  readonly values: readonly string[];
  /** `--set KEY=VALUE`, in order. */
  readonly set: readonly string[];
  /** `--helm PATH`; default `helm` on PATH. */
  readonly helm?: string;
  /** `--kustomize PATH`; default `kustomize` on PATH, else `kubectl kustomize`. */
  readonly kustomize?: string;
}

export type CliArgs =
  | { readonly kind: 'run'; readonly format: Format; readonly paths: readonly string[]; readonly render: RenderOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const USAGE = 'Usage: argo-rollouts-lint [--format text|json|sarif|github] [--values FILE]... [--set KEY=VALUE]... [--helm PATH] [--kustomize PATH] PATH...';

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        values: { type: 'string', multiple: true },
        set: { type: 'string', multiple: true },
        helm: { type: 'string' },
        kustomize: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (e) {
    return { kind: 'usage-error', message: usageMessage(e) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const format = values.format ?? 'text';
  if (!isFormat(format)) return { kind: 'usage-error', message: `unknown format '${format}' (expected one of: ${FORMATS.join(', ')})` };
  if (positionals.length === 0) return { kind: 'usage-error', message: 'no PATH given' };
  const set = values.set ?? [];
  const badSet = set.find((s) => !/^[^=]+=/.test(s));
  if (badSet !== undefined) return { kind: 'usage-error', message: `--set '${badSet}' is not KEY=VALUE` };
  const render: RenderOptions = { values: values.values ?? [], set, ...(values.helm ? { helm: values.helm } : {}), ...(values.kustomize ? { kustomize: values.kustomize } : {}) };
  return { kind: 'run', format, paths: positionals, render };
}

function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

// node:util's messages are long and mention internals; keep the part a user needs.
function usageMessage(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) return `unknown option '${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted !== undefined) return `option '${quoted.split(' ').pop() ?? quoted}' needs a value`;
  return message.split('\n')[0] ?? message;
}

export function helpText(version: string): string {
  return `argo-rollouts-lint ${version} — lint Argo Rollouts manifests (Rollout, AnalysisTemplate,
ClusterAnalysisTemplate, AnalysisRun, Experiment) with Argo's own validation rules and more.

${USAGE}

PATH is a file, a directory (searched recursively for *.yaml, *.yml and *.json, skipping
node_modules and folders whose name starts with a dot; files found there that mention neither
argoproj.io nor a Service, Ingress, VirtualService or Deployment are skipped), or - to read standard
input (shown as <stdin>). All files are linted together, so a Rollout in one file sees the Services, Ingresses and
AnalysisTemplates of the others.

A PATH that is a Helm chart folder (it holds Chart.yaml) is also rendered with \`helm template\`,
and a folder holding kustomization.yaml built with \`kustomize build\` (or \`kubectl kustomize\`); the
output is linted with every rule and each finding is reported in the source file to change (the
template, the values file, the patch). Templates and patches are also linted as written. Without
helm or kustomize, one info finding per chart or overlay says it was not rendered and why.

Options:
  -f, --format FORMAT  text (default), json, sarif (SARIF 2.1.0, for GitHub code scanning) or
                       github (GitHub Actions workflow commands, shown as annotations)
  --values FILE        a values file for the charts rendered (repeatable; after values.yaml)
  --set KEY=VALUE      a value for the charts rendered, as helm's --set (repeatable)
  --helm PATH          the helm binary (default: helm on PATH)
  --kustomize PATH     the kustomize binary, or kubectl (default: kustomize, else kubectl kustomize)
  -h, --help           show this help
  -V, --version        show the version

Positions: lines and columns are 1-based; columns count UTF-16 code units (like VS Code).
endLine/endColumn are exclusive: endColumn is the column just after the last underlined
character (as in SARIF). A finding on a zero-width span has endColumn = column.

Output formats:
  text    file:line:col severity message [rule], then a summary line. Colour when stdout is a
          terminal and NO_COLOR is not set.
  json    {"files":[{"path","findings":[{"rule","severity","message","line","column",
          "endLine","endColumn","path"}]}]} — every linted file is listed; "path" inside a finding
          is Argo's field path (e.g. spec.strategy.maxSurge).

Exit status: 0 no errors (warnings and infos allowed), 1 at least one error,
             2 usage error or a file that cannot be read.
`;
}
