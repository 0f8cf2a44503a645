// Every command the extension contributes, in one map (a unit test compares it with package.json).
// Plain data, no `vscode` import, so tests and the welcome view text can use it.
export const commandIds = {
  lintWorkspace: 'argoRollouts.lintWorkspace',
  showOutput: 'argoRollouts.showOutput',
  openSample: 'argoRollouts.openSample',
  switchContext: 'argoRollouts.switchContext',
  chooseNamespaces: 'argoRollouts.chooseNamespaces',
  selectContextAndNamespace: 'argoRollouts.selectContextAndNamespace',
  refresh: 'argoRollouts.refresh',
  openKubeconfig: 'argoRollouts.openKubeconfig',
  showNeedsAttention: 'argoRollouts.showNeedsAttention',
  showAllRollouts: 'argoRollouts.showAllRollouts',
  pinRollout: 'argoRollouts.pinRollout',
  unpinRollout: 'argoRollouts.unpinRollout',
  promoteRollout: 'argoRollouts.promoteRollout',
  resumeRollout: 'argoRollouts.resumeRollout',
  promoteFullRollout: 'argoRollouts.promoteFullRollout',
  abortRollout: 'argoRollouts.abortRollout',
  retryRollout: 'argoRollouts.retryRollout',
  pauseRollout: 'argoRollouts.pauseRollout',
  restartRollout: 'argoRollouts.restartRollout',
  setImageRollout: 'argoRollouts.setImageRollout',
  undoRollout: 'argoRollouts.undoRollout',
  terminateAnalysisRun: 'argoRollouts.terminateAnalysisRun',
  createAnalysisRun: 'argoRollouts.createAnalysisRun',
  terminateExperiment: 'argoRollouts.terminateExperiment',
  retryExperiment: 'argoRollouts.retryExperiment',
  launchCanary: 'argoRollouts.launchCanary',
  setPrometheusCredentials: 'argoRollouts.setPrometheusCredentials',
  clearPrometheusCredentials: 'argoRollouts.clearPrometheusCredentials',
} as const;

export type CommandName = keyof typeof commandIds;
