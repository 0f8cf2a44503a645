// Every command the extension contributes, in one map (a unit test compares it with package.json).
// Plain data, no `vscode` import, so tests and the welcome view text can use it.
export const commandIds = {
  lintWorkspace: 'argoRollouts.lintWorkspace',
  showOutput: 'argoRollouts.showOutput',
  openSample: 'argoRollouts.openSample',
} as const;

export type CommandName = keyof typeof commandIds;
