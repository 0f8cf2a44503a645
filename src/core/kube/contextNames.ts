// Short display names for kubeconfig contexts. Cloud CLIs write long generated names (an EKS
// cluster ARN, GKE's gke_<project>_<zone>_<name>) that fill a tree row before saying anything.

const EKS_ARN = /^arn:aws[\w-]*:eks:([a-z0-9-]+):\d+:cluster\/(.+)$/;
// Project ids are lowercase letters, digits and hyphens, so the first two underscores split reliably;
// the cluster name keeps any further underscores.
const GKE = /^gke_([a-z0-9-]+)_([a-z0-9-]+)_(.+)$/;

/** `arn:aws:eks:eu-west-1:123456789012:cluster/prod` → `prod (eu-west-1)`; `gke_p_zone_name` → `name`; others unchanged. */
export function shortContextName(context: string): string {
  const eks = EKS_ARN.exec(context);
  if (eks) return `${eks[2] ?? ''} (${eks[1] ?? ''})`;
  const gke = GKE.exec(context);
  if (gke) return gke[3] ?? context;
  return context;
}
