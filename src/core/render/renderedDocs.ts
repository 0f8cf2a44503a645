// Reads what `helm template` prints: one YAML stream whose documents each start with
// `# Source: <chart>/templates/<file>` (subcharts: `<chart>/charts/<sub>/templates/<file>`), and helm's
// error messages, which name the template and often its line.
import { splitDocuments } from '../lint/splitDocuments';

export interface RenderedDoc {
  /** Offset of the document in the rendered text. */
  readonly base: number;
  readonly text: string;
  /** The template it came from, relative to the chart's folder (`templates/deployment.yaml`); undefined without a `# Source:` line. */
  readonly source: string | undefined;
}

const SOURCE = /^# Source: ([^\r\n]+)$/m;

/** The documents of helm's output, each with the template (relative to the top chart's folder) it came from. */
export function renderedDocs(rendered: string): RenderedDoc[] {
  return splitDocuments(rendered).map((chunk) => {
    const m = SOURCE.exec(chunk.text);
    return { base: chunk.base, text: chunk.text, source: m ? chartRelative(m[1]!.trim()) : undefined };
  });
}

/** `gitops-hugo/templates/deployment.yaml` → `templates/deployment.yaml`: the first segment is the chart's name, not its folder. */
function chartRelative(source: string): string {
  const slash = source.indexOf('/');
  return slash < 0 ? source : source.slice(slash + 1);
}

export interface RenderError {
  /** Template relative to the chart's folder, when helm names one. */
  readonly source?: string;
  /** 1-based line in that template, when helm gives one. */
  readonly line?: number;
  readonly message: string;
}

/**
 * helm's failure, e.g. `Error: template: shop/templates/rollout.yaml:12:20: executing … : required value`
 * or `Error: YAML parse error on shop/templates/rollout.yaml: error converting YAML to JSON: yaml: line 26: …`.
 */
export function readRenderError(stderr: string): RenderError {
  const lines = stderr.split(/\r?\n/).filter((l) => l.trim() !== '' && !/^(WARNING|walk\.go|install\.go)/i.test(l));
  const errorLine = lines.find((l) => l.startsWith('Error:')) ?? lines.at(-1) ?? 'helm failed without a message';
  const message = errorLine.replace(/^Error:\s*/, '').trim();
  const at = /template: ([^:\s]+\/[^:\s]+):(\d+)(?::\d+)?:/.exec(message);
  if (at) return { source: chartRelative(at[1]!), line: Number(at[2]), message };
  const yamlError = /(?:YAML parse error on|error converting YAML.* on) ([^:\s]+\/[^:\s]+):/.exec(message);
  if (yamlError) return { source: chartRelative(yamlError[1]!), message };
  const named = /([\w.-]+\/templates\/[^:\s]+)/.exec(message);
  if (named) return { source: chartRelative(named[1]!), message };
  return { message };
}
