// The `argoRollouts.contexts` setting: kubeconfig contexts shown side by side as roots of the
// Rollouts view. `[]` (or anything malformed) keeps the single-context view of the current context.
// Order is the user's; a name listed twice is shown once.

export function contextsSetting(setting: unknown): string[] {
  if (!Array.isArray(setting)) return [];
  const names = setting.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter((n) => n !== '');
  return [...new Set(names)];
}

