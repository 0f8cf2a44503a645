// Test cases copied from argo-rollouts v1.9.1 utils/replicaset/canary_test.go (Apache-2.0), converted from
// the Go tables by field name: TestCalculateReplicaCountsForCanary (names as upstream) and
// TestApproximateWeightedNewStableReplicaCounts. A missing maxSurge / maxUnavailable is the Go zero value,
// intstr 0 (not the 25% default), because the upstream test passes a pointer to its zero value.

export interface UpstreamCanaryCase {
  readonly name: string;
  readonly rolloutSpecReplicas: number;
  readonly setWeight?: number;
  readonly maxSurge?: number | string;
  readonly maxUnavailable?: number | string;
  readonly promoteFull?: boolean;
  readonly stableSpecReplica?: number;
  readonly stableAvailableReplica?: number;
  readonly canarySpecReplica?: number;
  readonly canaryAvailableReplica?: number;
  readonly expectedStableReplicaCount: number;
  readonly expectedCanaryReplicaCount: number;
  readonly olderRS?: { readonly name: string; readonly specReplicas: number; readonly available: number };
  readonly setCanaryScale?: { readonly replicas?: number; readonly weight?: number; readonly matchTrafficWeight?: boolean };
  readonly trafficRouting?: Record<string, never> | null;
  readonly abortScaleDownDelaySeconds?: number;
  readonly statusAbort?: boolean;
  readonly minPodsPerReplicaSet?: number;
}

export const CALCULATE_REPLICA_COUNTS_FOR_CANARY: readonly UpstreamCanaryCase[] = [
  { "name": "Do not add extra RSs in scaleDownCount when .Spec.Replica < AvailableReplicas", "rolloutSpecReplicas": 10, "setWeight": 100, "maxSurge": 3, "maxUnavailable": 0, "stableSpecReplica": 7, "stableAvailableReplica": 8, "canarySpecReplica": 6, "canaryAvailableReplica": 3, "expectedStableReplicaCount": 7, "expectedCanaryReplicaCount": 6 },
  { "name": "Use max surge int to scale up canary", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": 2, "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 2 },
  { "name": "Use max surge percentage to scale up canary", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": "20%", "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 2 },
  { "name": "Scale down extra stable replicas", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": "20%", "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 2, "canaryAvailableReplica": 2, "expectedStableReplicaCount": 8, "expectedCanaryReplicaCount": 2 },
  { "name": "Do not go past max surge", "rolloutSpecReplicas": 10, "setWeight": 30, "maxSurge": 2, "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 2 },
  { "name": "Use max unavailable int to scale down stableRS", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": 0, "maxUnavailable": 2, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 8, "expectedCanaryReplicaCount": 0 },
  { "name": "Use max surge percentage to scale down stableRS", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": 0, "maxUnavailable": "20%", "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 8, "expectedCanaryReplicaCount": 0 },
  { "name": "Do not go past max unavailable", "rolloutSpecReplicas": 10, "setWeight": 30, "maxSurge": 0, "maxUnavailable": 2, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 8, "expectedCanaryReplicaCount": 0 },
  { "name": "Use Max Surge and Max Unavailable", "rolloutSpecReplicas": 10, "setWeight": 50, "maxSurge": 2, "maxUnavailable": 1, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 9, "expectedCanaryReplicaCount": 2 },
  { "name": "Scale canaryRS to zero on setWeight of 0%", "rolloutSpecReplicas": 10, "setWeight": 0, "maxSurge": 1, "maxUnavailable": 1, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 1, "canaryAvailableReplica": 1, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 0 },
  { "name": "Scale stable to zero on setWeight of 100%", "rolloutSpecReplicas": 10, "setWeight": 100, "maxSurge": 1, "maxUnavailable": 1, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 10, "canaryAvailableReplica": 10, "expectedStableReplicaCount": 0, "expectedCanaryReplicaCount": 10 },
  { "name": "Do not scale canaryRS down to zero on non-zero weight", "rolloutSpecReplicas": 1, "setWeight": 20, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 1 },
  { "name": "Do not scale canaryRS down to zero on non-100 weight", "rolloutSpecReplicas": 1, "setWeight": 90, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 1 },
  { "name": "Scale canaryRS to zero on <50 weight without surge", "rolloutSpecReplicas": 1, "setWeight": 49, "maxSurge": 0, "maxUnavailable": 1, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 0 },
  { "name": "Scale stableRS down to zero on >=50 weight without surge", "rolloutSpecReplicas": 1, "setWeight": 51, "maxSurge": 0, "maxUnavailable": 1, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 0, "expectedCanaryReplicaCount": 0 },
  { "name": "Scale canaryRS to one on >=50 weight without surge and stable replicas", "rolloutSpecReplicas": 1, "setWeight": 51, "maxSurge": 0, "maxUnavailable": 1, "stableSpecReplica": 0, "stableAvailableReplica": 0, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 0, "expectedCanaryReplicaCount": 1 },
  { "name": "Scale up Stable before canaryRS", "rolloutSpecReplicas": 10, "setWeight": 30, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 7, "expectedCanaryReplicaCount": 1, "olderRS": { "name": "older", "specReplicas": 3, "available": 3 } },
  { "name": "Scale down canaryRS and stable", "rolloutSpecReplicas": 10, "setWeight": 30, "maxSurge": 0, "maxUnavailable": 3, "stableSpecReplica": 8, "stableAvailableReplica": 5, "canarySpecReplica": 4, "canaryAvailableReplica": 4, "expectedStableReplicaCount": 7, "expectedCanaryReplicaCount": 3 },
  { "name": "Scale down stable and canary available", "rolloutSpecReplicas": 10, "setWeight": 100, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 2, "canarySpecReplica": 10, "canaryAvailableReplica": 8, "expectedStableReplicaCount": 2, "expectedCanaryReplicaCount": 9 },
  { "name": "Do not scale down canaryRS or stable when older RS count >= scaleDownCount", "rolloutSpecReplicas": 10, "setWeight": 30, "maxSurge": 0, "maxUnavailable": 1, "stableSpecReplica": 8, "stableAvailableReplica": 6, "canarySpecReplica": 4, "canaryAvailableReplica": 2, "expectedStableReplicaCount": 8, "expectedCanaryReplicaCount": 4, "olderRS": { "name": "older", "specReplicas": 3, "available": 3 } },
  { "name": "Do not round past maxSurge with uneven setWeight divisor", "rolloutSpecReplicas": 10, "setWeight": 5, "maxSurge": 0, "maxUnavailable": 1, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 9, "expectedCanaryReplicaCount": 0 },
  { "name": "Do not round past maxSurge with uneven setWeight divisor (part 2)", "rolloutSpecReplicas": 10, "setWeight": 5, "maxSurge": 0, "maxUnavailable": 1, "stableSpecReplica": 9, "stableAvailableReplica": 9, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 9, "expectedCanaryReplicaCount": 1 },
  { "name": "Use maxUnavailable of 1 when percentage of maxUnavailable and maxSurge result in 0 replicas", "rolloutSpecReplicas": 10, "setWeight": 10, "maxSurge": "0%", "maxUnavailable": "0%", "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 9, "expectedCanaryReplicaCount": 0 },
  { "name": "For canary replicas, use setCanaryScale.replicas when specified along with trafficRouting (and ignore setWeight)", "rolloutSpecReplicas": 1, "stableSpecReplica": 1, "stableAvailableReplica": 1, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 9, "setWeight": 100, "setCanaryScale": { "replicas": 9 }, "trafficRouting": {} },
  { "name": "Use setCanaryScale.weight for canary replicas when specified with trafficRouting (and ignore setWeight)", "rolloutSpecReplicas": 4, "stableSpecReplica": 4, "stableAvailableReplica": 4, "expectedStableReplicaCount": 4, "expectedCanaryReplicaCount": 8, "setWeight": 100, "setCanaryScale": { "weight": 200 }, "trafficRouting": {} },
  { "name": "Ignore setCanaryScale replicas/weight when matchTrafficWeight is true", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": "20%", "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "setCanaryScale": { "replicas": 9, "weight": 100, "matchTrafficWeight": true }, "trafficRouting": {}, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 2 },
  { "name": "Ignore setCanaryScale when trafficRouting is missing and use setWeight for replicas", "rolloutSpecReplicas": 10, "setWeight": 20, "maxSurge": "20%", "maxUnavailable": 0, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "setCanaryScale": { "replicas": 9, "weight": 100 }, "trafficRouting": null, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 2 },
  { "name": "honor maxSurge during scale up when stableRS unavailable", "rolloutSpecReplicas": 4, "setWeight": 100, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 4, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 4, "expectedCanaryReplicaCount": 1 },
  { "name": "scale down to maxunavailable without exceeding maxSurge", "rolloutSpecReplicas": 3, "setWeight": 99, "maxSurge": 0, "maxUnavailable": 2, "stableSpecReplica": 3, "stableAvailableReplica": 3, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 0 },
  { "name": "scale down to maxunavailable without exceeding maxSurge (part 2)", "rolloutSpecReplicas": 3, "setWeight": 99, "maxSurge": 0, "maxUnavailable": 2, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 2 },
  { "name": "honor maxUnavailable during scale down stableRS unavailable", "rolloutSpecReplicas": 4, "setWeight": 100, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 4, "stableAvailableReplica": 1, "canarySpecReplica": 1, "canaryAvailableReplica": 1, "expectedStableReplicaCount": 3, "expectedCanaryReplicaCount": 1 },
  { "name": "honor maxUnavailable when aborting or reducing weight part 1", "rolloutSpecReplicas": 4, "setWeight": 0, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 0, "stableAvailableReplica": 0, "canarySpecReplica": 4, "canaryAvailableReplica": 4, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 4 },
  { "name": "honor maxUnavailable when aborting or reducing weight part 2", "rolloutSpecReplicas": 4, "setWeight": 0, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 1, "stableAvailableReplica": 0, "canarySpecReplica": 4, "canaryAvailableReplica": 4, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 4 },
  { "name": "honor maxUnavailable when aborting or reducing weight part 3", "rolloutSpecReplicas": 4, "setWeight": 0, "maxSurge": 1, "maxUnavailable": 0, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 4, "canaryAvailableReplica": 4, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 3 },
  { "name": "promote full does not consider weight", "promoteFull": true, "rolloutSpecReplicas": 4, "setWeight": 1, "maxSurge": 4, "maxUnavailable": 4, "stableSpecReplica": 4, "stableAvailableReplica": 4, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 0, "expectedCanaryReplicaCount": 4 },
  { "name": "promote full still honors maxSurge/maxUnavailable", "promoteFull": true, "rolloutSpecReplicas": 4, "setWeight": 1, "maxSurge": 3, "maxUnavailable": 0, "stableSpecReplica": 4, "stableAvailableReplica": 4, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "expectedStableReplicaCount": 4, "expectedCanaryReplicaCount": 3 },
  { "name": "aborted with abortScaleDownDelaySeconds:0 and setCanaryScale", "rolloutSpecReplicas": 1, "setCanaryScale": { "replicas": 1 }, "trafficRouting": {}, "abortScaleDownDelaySeconds": 0, "statusAbort": true, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 1, "canaryAvailableReplica": 1, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 1 },
  { "name": "aborted with abortScaleDownDelaySeconds>0 and setCanaryScale", "rolloutSpecReplicas": 1, "setCanaryScale": { "replicas": 1 }, "trafficRouting": {}, "abortScaleDownDelaySeconds": 30, "statusAbort": true, "stableSpecReplica": 1, "stableAvailableReplica": 1, "canarySpecReplica": 1, "canaryAvailableReplica": 1, "expectedStableReplicaCount": 1, "expectedCanaryReplicaCount": 0 },
  { "name": "Honor MinPodsPerReplicaSet when using trafficRouting and starting canary", "rolloutSpecReplicas": 10, "setWeight": 5, "stableSpecReplica": 10, "stableAvailableReplica": 10, "canarySpecReplica": 0, "canaryAvailableReplica": 0, "trafficRouting": {}, "minPodsPerReplicaSet": 2, "expectedStableReplicaCount": 10, "expectedCanaryReplicaCount": 2 },
];

export const APPROXIMATE_WEIGHTED_COUNTS: readonly { readonly replicas: number; readonly weight: number; readonly maxWeight: number; readonly maxSurge: number; readonly expCanary: number; readonly expStable: number }[] = [
  {"replicas": 0, "weight": 0, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 0},
  {"replicas": 0, "weight": 50, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 0},
  {"replicas": 0, "weight": 100, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 0},
  {"replicas": 0, "weight": 0, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 0},
  {"replicas": 0, "weight": 50, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 0},
  {"replicas": 0, "weight": 100, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 0},
  {"replicas": 1, "weight": 0, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 1},
  {"replicas": 1, "weight": 1, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 1},
  {"replicas": 1, "weight": 49, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 1},
  {"replicas": 1, "weight": 50, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 0},
  {"replicas": 1, "weight": 99, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 0},
  {"replicas": 1, "weight": 100, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 0},
  {"replicas": 1, "weight": 0, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 1},
  {"replicas": 1, "weight": 1, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 1},
  {"replicas": 1, "weight": 49, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 1},
  {"replicas": 1, "weight": 50, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 1},
  {"replicas": 1, "weight": 99, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 1},
  {"replicas": 1, "weight": 100, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 0},
  {"replicas": 2, "weight": 0, "maxWeight": 100, "maxSurge": 0, "expCanary": 0, "expStable": 2},
  {"replicas": 2, "weight": 1, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 1},
  {"replicas": 2, "weight": 50, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 1},
  {"replicas": 2, "weight": 99, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 1},
  {"replicas": 2, "weight": 100, "maxWeight": 100, "maxSurge": 0, "expCanary": 2, "expStable": 0},
  {"replicas": 2, "weight": 0, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 2},
  {"replicas": 2, "weight": 1, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 2},
  {"replicas": 2, "weight": 50, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 1},
  {"replicas": 2, "weight": 99, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 1},
  {"replicas": 2, "weight": 100, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 0},
  {"replicas": 3, "weight": 10, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 25, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 33, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 34, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 49, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 50, "maxWeight": 100, "maxSurge": 0, "expCanary": 2, "expStable": 1},
  {"replicas": 3, "weight": 10, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 3},
  {"replicas": 3, "weight": 25, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 3},
  {"replicas": 3, "weight": 33, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 34, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 2},
  {"replicas": 3, "weight": 49, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 2},
  {"replicas": 3, "weight": 50, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 2},
  {"replicas": 10, "weight": 0, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 10},
  {"replicas": 10, "weight": 1, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 9},
  {"replicas": 10, "weight": 14, "maxWeight": 100, "maxSurge": 0, "expCanary": 1, "expStable": 9},
  {"replicas": 10, "weight": 15, "maxWeight": 100, "maxSurge": 0, "expCanary": 2, "expStable": 8},
  {"replicas": 10, "weight": 16, "maxWeight": 100, "maxSurge": 0, "expCanary": 2, "expStable": 8},
  {"replicas": 10, "weight": 99, "maxWeight": 100, "maxSurge": 0, "expCanary": 9, "expStable": 1},
  {"replicas": 10, "weight": 100, "maxWeight": 100, "maxSurge": 1, "expCanary": 10, "expStable": 0},
  {"replicas": 10, "weight": 0, "maxWeight": 100, "maxSurge": 1, "expCanary": 0, "expStable": 10},
  {"replicas": 10, "weight": 1, "maxWeight": 100, "maxSurge": 1, "expCanary": 1, "expStable": 10},
  {"replicas": 10, "weight": 18, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 9},
  {"replicas": 10, "weight": 19, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 9},
  {"replicas": 10, "weight": 20, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 8},
  {"replicas": 10, "weight": 23, "maxWeight": 100, "maxSurge": 1, "expCanary": 2, "expStable": 8},
  {"replicas": 10, "weight": 24, "maxWeight": 100, "maxSurge": 1, "expCanary": 3, "expStable": 8},
  {"replicas": 10, "weight": 25, "maxWeight": 100, "maxSurge": 1, "expCanary": 3, "expStable": 8},
  {"replicas": 10, "weight": 99, "maxWeight": 100, "maxSurge": 1, "expCanary": 10, "expStable": 1},
  {"replicas": 10, "weight": 100, "maxWeight": 100, "maxSurge": 1, "expCanary": 10, "expStable": 0},
];
