// The data every rule, the CLI and the VS Code adapter share. Offsets are UTF-16 code-unit offsets
// (what JavaScript strings and VS Code use), relative to the start of the file.

export type Severity = 'error' | 'warning' | 'info';

/** A half-open range [start, end) of offsets into a file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit extends Span {
  readonly newText: string;
  /**
   * A fix's edit in another file (offsets into that file's text), e.g. the canary Service created next
   * to the stable one; absent: the finding's own file.
   */
  readonly file?: string;
}

/** A quick fix: only offered when it is unambiguous. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  /** Rule id, e.g. `canary-max-surge-unavailable`. */
  readonly rule: string;
  readonly severity: Severity;
  /** Argo's exact text where Argo has one (`Invalid value: 0: MaxSurge ...`), optionally followed by an explanation. */
  readonly message: string;
  /** Argo's field path (`spec.strategy.maxSurge`) or, for our own rules, the YAML path. */
  readonly path: string;
  /** The key or value the finding is about; never a whole document. */
  readonly span: Span;
  readonly fix?: Fix;
}

/** Kinds the engine lints, and the kinds it only reads to check references. */
export type LintedKind = 'Rollout' | 'AnalysisTemplate' | 'ClusterAnalysisTemplate' | 'AnalysisRun' | 'Experiment';
export type ReferencedKind = 'Service' | 'Ingress' | 'VirtualService' | 'Deployment';
export const LINTED_KINDS: readonly LintedKind[] = ['Rollout', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun', 'Experiment'];
