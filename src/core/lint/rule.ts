// What a rule is. A rule is a pure function over one document (and, for cross-document rules, the
// reference index); it reports findings by path, and the engine turns paths into spans.
import type { LintDoc } from './lintDoc';
import type { ReferenceIndex } from './referenceIndex';
import type { LintedKind, Severity, Span, TextEdit } from './types';
import type { Part, Path } from './yamlPath';

export interface Report {
  readonly message: string;
  /** Where in the YAML the finding is (keys and indices). */
  readonly at: Path;
  /** Argo's field path for the finding (defaults to `at` formatted). */
  readonly argoPath?: string;
  /** Underline the key or the value at `at` (default: value if it is a one-line value, else the key). */
  readonly part?: Part;
  /** Overrides the rule's default severity (e.g. a missing reference is a warning when unsure). */
  readonly severity?: Severity;
  /** An explicit span relative to the document, for findings inside a value (PromQL, conditions). */
  readonly span?: Span;
  readonly fix?: RuleFix;
}

/** An edit of a fix: in the reported document, or in `doc` (another document, e.g. one the index found). */
export interface RuleEdit extends Omit<TextEdit, 'file'> {
  /** The document the offsets are in (default: the reported one); the engine places it in its file. */
  readonly doc?: LintDoc;
}

export interface RuleFix {
  readonly title: string;
  readonly edits: readonly RuleEdit[];
}

export interface RuleContext {
  readonly doc: LintDoc;
  /** The document's plain value; rules only run on documents that parsed without errors. */
  readonly value: Record<string, unknown>;
  readonly index: ReferenceIndex;
  report(r: Report): void;
}

export interface Rule<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly kinds: readonly LintedKind[];
  /** Cross-document: reads the reference index, so re-runs when objects it looked up change. */
  readonly usesIndex?: boolean;
  /**
   * Also runs on argoproj.io documents whose kind is none of the linted kinds (e.g. to report a
   * misspelt `kind: Rolout`); `ctx.value` then has no known shape.
   */
  readonly otherKinds?: boolean;
  /** One line: what the rule checks (hover, README). */
  readonly title: string;
  /** Why it matters: what Argo does with such a manifest, and where Argo checks it. */
  readonly description: string;
  /** Where Argo has this rule: `§1.3 C1` of the semantics reference, or `beyond Argo`. */
  readonly source: string;
  check(ctx: RuleContext): void;
}

// Argo's errors are Kubernetes field errors; these build their bodies exactly (see §0 of the
// semantics reference): strings quoted, numbers and booleans bare, everything else as JSON.
export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${formatValue(value)}: ${detail}`;
}

export function required(detail: string): string {
  return detail ? `Required value: ${detail}` : 'Required value';
}

export function internal(detail: string): string {
  return `Internal error: ${detail}`;
}

export function formatValue(value: unknown): string {
  if (value === undefined) return 'null';
  return JSON.stringify(value) ?? 'null';
}
