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
 * helm's failure. helm 3: `Error: template: shop/templates/rollout.yaml:12:20: executing … : required value`;
 * helm 4: `Error: shop/templates/rollout.yaml:35:37` then indented lines with the detail; both:
 * `Error: YAML parse error on shop/templates/rollout.yaml: error converting YAML to JSON: yaml: line 26: …`.
 */
export function readRenderError(stderr: string): RenderError {
  const lines = stderr.split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith('Error:'));
  const picked = at < 0 ? lines.filter((l) => l.trim() !== '').slice(-1) : [lines[at]!, ...takeIndented(lines.slice(at + 1))];
  const message = picked.map((l) => l.trim()).join(' ').replace(/^Error:\s*/, '').trim() || 'helm failed without a message';
  const where = /(?:template: )?([^\s:"]+\/templates\/[^\s:"]+):(\d+)(?::\d+)?/.exec(message);
  if (where && !/YAML parse error on/.test(message)) return { source: chartRelative(where[1]!), line: Number(where[2]), message };
  const named = /([^\s:"]+\/templates\/[^\s:"]+)/.exec(message);
  if (named) return { source: chartRelative(named[1]!), message };
  return { message };
}

/** helm 4 writes the detail of an error on the indented lines after it. */
function takeIndented(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!/^\s+\S/.test(l)) break;
    out.push(l);
  }
  return out;
}
