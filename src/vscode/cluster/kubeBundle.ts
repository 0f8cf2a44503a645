// Entry point of dist/kube.js, the cluster layer (src/kube and @kubernetes/client-node) in a bundle
// of its own: dist/extension.js loads it with loadKube() the first time the Rollouts view or a
// cluster command needs it, so activation (every YAML file opened) never pays for the client.
export { loadKubeContexts, type KubeContexts, type KubeContextInfo } from '../../kube/kubeContexts';
export { RolloutStore } from '../../kube/rolloutStore';
export { executePlan, sendRequest, type ActionDone, type ActionError } from '../../kube/executePlan';
export { createAnalysisRun, promoteRollout, setRolloutImage, undoRollout } from '../../kube/rolloutActions';
export { applyManifest, type Applied, type ApplyError } from '../../kube/applyManifest';
// Prometheus queries (axios) ride in the same lazily loaded bundle: the panel needs the cluster anyway.
export { canSendRaw } from '../../kube/clusterConnection';
export { serviceProxyRequest } from '../../kube/serviceProxyRequest';
export { createPromTarget, type PromTarget } from '../../prometheus/promTarget';
