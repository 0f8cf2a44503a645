import { strict as assert } from 'node:assert';
import { shortContextName } from '../../../../src/core/kube/contextNames';

describe('Short context names', () => {
  it('shows an EKS cluster ARN as the cluster name and its region', () => {
    assert.equal(shortContextName('arn:aws:eks:eu-west-1:123456789012:cluster/prod-payments'), 'prod-payments (eu-west-1)');
  });
  it('reads ARNs of the other AWS partitions too', () => {
    assert.equal(shortContextName('arn:aws-us-gov:eks:us-gov-west-1:123456789012:cluster/gov'), 'gov (us-gov-west-1)');
  });
  it('shows a GKE context as the cluster name', () => {
    assert.equal(shortContextName('gke_my-project-123_europe-west1-b_staging'), 'staging');
  });
  it('keeps underscores that belong to the GKE cluster name', () => {
    assert.equal(shortContextName('gke_proj_us-central1_blue_green'), 'blue_green');
  });
  it('leaves other context names as they are', () => {
    for (const name of ['kind-kind', 'minikube', 'docker-desktop', 'arn:aws:iam::123:role/x', 'gke_only']) assert.equal(shortContextName(name), name);
  });
});
