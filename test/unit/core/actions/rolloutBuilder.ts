// Builds Rollout objects for the action tests: aRollout().withCanarySteps(3).withStatus({...}).build().

type Json = Record<string, unknown>;

export const REF = { namespace: 'shop', name: 'web' };

export function podTemplate(image: string, hash?: string): Json {
  return {
    metadata: { labels: { app: 'web', ...(hash ? { 'rollouts-pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'web', image }] },
  };
}

class RolloutBuilder {
  private readonly obj: Json = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'web', namespace: 'shop', uid: 'uid-web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: podTemplate('shop/web:2'),
      strategy: { canary: {} },
    },
    status: {},
  };

  private get spec(): Json {
    return this.obj['spec'] as Json;
  }

  withCanarySteps(n: number): this {
    const steps = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { setWeight: (i + 1) * 10 } : { pause: {} }));
    this.spec['strategy'] = { canary: { steps } };
    return this;
  }

  blueGreen(): this {
    this.spec['strategy'] = { blueGreen: { activeService: 'web-active', previewService: 'web-preview' } };
    return this;
  }

  pausedBySpec(): this {
    this.spec['paused'] = true;
    return this;
  }

  withWorkloadRef(kind: string, name: string): this {
    delete this.spec['template'];
    this.spec['workloadRef'] = { apiVersion: 'apps/v1', kind, name };
    return this;
  }

  withSpec(fields: Json): this {
    Object.assign(this.spec, fields);
    return this;
  }

  withStatus(fields: Json): this {
    Object.assign(this.obj['status'] as Json, fields);
    return this;
  }

  /** Mid-update: a new pod hash that is not the stable one yet. */
  updating(): this {
    return this.withStatus({ currentPodHash: 'new123', stableRS: 'old456' });
  }

  /** Settled: the current pod hash is the stable one. */
  settled(): this {
    return this.withStatus({ currentPodHash: 'old456', stableRS: 'old456' });
  }

  build(): Json {
    return structuredClone(this.obj);
  }
}

export function aRollout(): RolloutBuilder {
  return new RolloutBuilder();
}

export function aReplicaSet(revision: string | undefined, template: Json, options: { owner?: string; name?: string } = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: options.name ?? `web-${revision ?? 'x'}`,
      namespace: 'shop',
      ...(revision !== undefined ? { annotations: { 'rollout.argoproj.io/revision': revision } } : {}),
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'web', uid: options.owner ?? 'uid-web', controller: true }],
    },
    spec: { template },
  };
}
