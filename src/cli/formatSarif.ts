// `--format sarif`: SARIF 2.1.0 in the shape GitHub code scanning accepts (upload with
// github/codeql-action/upload-sarif). Regions use SARIF's defaults, which match ours: 1-based lines
// and columns, columns in UTF-16 code units, endColumn exclusive.
import * as nodePath from 'node:path';
import type { Severity } from '../core/lint/types';
import type { FileResult } from './lintResults';

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly source?: string;
}

export interface SarifOptions {
  readonly rules: readonly RuleInfo[];
  readonly toolVersion: string;
  /** The tool's home page; SARIF leaves it out when the tool has none. */
  readonly informationUri?: string;
  /** Paths are made relative to this folder (GitHub resolves them against the checkout). */
  readonly cwd: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const rules = options.rules.map(sarifRule);
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const sarifResults = [];
  for (const r of results) {
    const uri = artifactUri(r.path, options.cwd);
    for (const f of r.findings) {
      let index = ruleIndex.get(f.rule);
      if (index === undefined) {
        // A finding from a rule without metadata still needs a descriptor for ruleIndex to point at.
        index = rules.length;
        ruleIndex.set(f.rule, index);
        rules.push(sarifRule({ id: f.rule, severity: f.severity, title: f.rule, description: f.rule }));
      }
      sarifResults.push({
        ruleId: f.rule,
        ruleIndex: index,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        ...(f.path ? { properties: { fieldPath: f.path } } : {}),
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'argo-rollouts-lint',
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifRule(r: RuleInfo) {
  const help = r.source ? `${r.description}\n\nSource: ${r.source}` : r.description;
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: LEVEL[r.severity] },
  };
}

/** A relative URI with forward slashes, percent-encoded (`<stdin>` becomes `%3Cstdin%3E`). */
export function artifactUri(path: string, cwd: string): string {
  const rel = nodePath.isAbsolute(path) ? nodePath.relative(cwd, path) : nodePath.normalize(path);
  return encodeURI(rel.split(nodePath.sep).join('/').replace(/\\/g, '/')).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}
