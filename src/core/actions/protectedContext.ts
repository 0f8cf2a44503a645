// `argoRollouts.protectedContexts`: kubeconfig contexts where a mutating action needs the rollout
// name typed out, so a click in the wrong window cannot change production.

/** Any context with "prod" in its name (prod, production, gke_acme_prod-eu, ...). */
export const DEFAULT_PROTECTED_CONTEXTS: readonly string[] = ['*prod*'];

/** `*` any run of characters, `?` one character, everything else literal; whole name, any case. */
function patternToRegExp(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) {
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** Whether a context name matches one pattern of the context settings (also `argoRollouts.prometheus.urls`). */
export function matchesContextPattern(contextName: string, pattern: string): boolean {
  return pattern.trim() !== '' && patternToRegExp(pattern.trim()).test(contextName);
}

export function isProtectedContext(contextName: string, patterns: readonly string[] = DEFAULT_PROTECTED_CONTEXTS): boolean {
  return patterns.some((p) => p.trim() !== '' && patternToRegExp(p.trim()).test(contextName));
}

/** Leading/trailing spaces are forgiven (pasting adds them); the name itself must match exactly. */
export function typedNameMatches(input: string, rollout: string): boolean {
  return rollout !== '' && input.trim() === rollout;
}

export function typedNamePrompt(rollout: string, context: string): string {
  return `Context "${context}" is protected. Type the rollout name "${rollout}" to confirm.`;
}
