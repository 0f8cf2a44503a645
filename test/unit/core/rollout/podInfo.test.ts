import { strict as assert } from 'node:assert';
import { podInfo } from '../../../../src/core/rollout/podInfo';
import { pod, running } from './builders';

const waiting = (reason: string) => ({ waiting: { reason } });
const terminated = (t: Record<string, unknown>) => ({ terminated: t });

function show(p: unknown): string {
  const info = podInfo(p);
  return `${info.icon} ${info.status} ready:${info.ready} restarts:${info.restarts}`;
}

describe('Pod status (kubectl logic, as the plugin copies it)', () => {
  it('is Running with its ready containers counted', () => {
    const p = pod('p', 'rs', { phase: 'Running', containerStatuses: [{ name: 'app', ready: true, restartCount: 2, state: running }] });
    assert.equal(show(p), '✔ Running ready:1/1 restarts:2');
  });
  it('counts containers from the spec, so a pod without statuses is 0/2', () => {
    assert.equal(show(pod('p', 'rs', { phase: 'Pending' }, { spec: { containers: [{ name: 'a' }, { name: 'b' }] } })), '◌ Pending ready:0/2 restarts:0');
  });
  it('shows the waiting reason of a container, e.g. ImagePullBackOff', () => {
    assert.equal(show(pod('p', 'rs', { phase: 'Pending', containerStatuses: [{ ready: false, state: waiting('ImagePullBackOff') }] })), '⚠ ImagePullBackOff ready:0/1 restarts:0');
  });
  it('marks CrashLoopBackOff as bad and sums restarts', () => {
    const p = pod('p', 'rs', { phase: 'Running', containerStatuses: [{ restartCount: 5, state: waiting('CrashLoopBackOff') }] });
    assert.equal(show(p), '✖ CrashLoopBackOff ready:0/1 restarts:5');
  });
  it('marks image errors (ErrImagePull) as warnings', () => {
    assert.equal(show(pod('p', 'rs', { phase: 'Pending', containerStatuses: [{ state: waiting('ErrImagePull') }] })), '⚠ ErrImagePull ready:0/1 restarts:0');
  });
  it('lets the first container decide when several are not running', () => {
    const p = pod('p', 'rs', { phase: 'Running', containerStatuses: [{ state: waiting('CrashLoopBackOff') }, { state: waiting('ContainerCreating') }] }, { spec: { containers: [{}, {}] } });
    assert.equal(podInfo(p).status, 'CrashLoopBackOff');
  });
  it('shows Completed for a finished pod', () => {
    assert.equal(show(pod('p', 'rs', { phase: 'Succeeded', containerStatuses: [{ state: terminated({ exitCode: 0, reason: 'Completed' }) }] })), '✔ Completed ready:0/1 restarts:0');
  });
  it('keeps Running when one container completed and another still runs', () => {
    const p = pod('p', 'rs', { phase: 'Running', containerStatuses: [{ state: terminated({ exitCode: 0, reason: 'Completed' }) }, { ready: true, state: running }] }, { spec: { containers: [{}, {}] } });
    assert.equal(show(p), '✔ Running ready:1/2 restarts:0');
  });
  it('shows the exit code or signal of a container terminated without reason', () => {
    assert.equal(podInfo(pod('p', 'rs', { phase: 'Failed', containerStatuses: [{ state: terminated({ exitCode: 3 }) }] })).status, 'ExitCode:3');
    assert.equal(show(pod('p', 'rs', { phase: 'Failed', containerStatuses: [{ state: terminated({ exitCode: 137, signal: 9 }) }] })), '✖ Signal:9 ready:0/1 restarts:0');
  });
  it('shows Init:0/1 while the first init container runs', () => {
    const p = pod('p', 'rs', { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 1, state: running }], containerStatuses: [{ state: waiting('PodInitializing') }] }, { spec: { initContainers: [{ name: 'init' }], containers: [{}] } });
    assert.equal(show(p), '◌ Init:0/1 ready:0/1 restarts:1');
  });
  it('moves on to Init:1/2 once the first init container succeeded', () => {
    const p = pod('p', 'rs', { phase: 'Pending', initContainerStatuses: [{ state: terminated({ exitCode: 0 }) }, { state: waiting('PodInitializing') }] }, { spec: { initContainers: [{}, {}] } });
    assert.equal(podInfo(p).status, 'Init:1/2');
  });
  it('shows a failing init container as Init:<reason>', () => {
    assert.equal(podInfo(pod('p', 'rs', { phase: 'Pending', initContainerStatuses: [{ state: waiting('CrashLoopBackOff') }] }, { spec: { initContainers: [{}] } })).status, 'Init:CrashLoopBackOff');
    assert.equal(podInfo(pod('p', 'rs', { phase: 'Pending', initContainerStatuses: [{ state: terminated({ exitCode: 1, reason: 'Error' }) }] }, { spec: { initContainers: [{}] } })).status, 'Init:Error');
    assert.equal(podInfo(pod('p', 'rs', { phase: 'Pending', initContainerStatuses: [{ state: terminated({ exitCode: 2 }) }] }, { spec: { initContainers: [{}] } })).status, 'Init:ExitCode:2');
  });
  it('does not hold a pod in Init for a started, ready sidecar', () => {
    const p = pod(
      'p',
      'rs',
      { phase: 'Running', initContainerStatuses: [{ name: 'proxy', started: true, ready: true, state: running }], containerStatuses: [{ ready: true, state: running }] },
      { spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{}] } },
    );
    assert.equal(show(p), '✔ Running ready:1/1 restarts:0');
  });
  it('lets the main containers decide while a started sidecar is not ready yet', () => {
    const p = pod(
      'p',
      'rs',
      { phase: 'Running', initContainerStatuses: [{ name: 'proxy', started: true, ready: false, state: running }], containerStatuses: [{ state: waiting('ContainerCreating') }] },
      { spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{}] } },
    );
    assert.equal(show(p), '◌ ContainerCreating ready:0/1 restarts:0');
  });
  it('shows Terminating once the pod has a deletion timestamp', () => {
    const p = pod('p', 'rs', { phase: 'Running', containerStatuses: [{ ready: true, state: running }] }, { metadata: { deletionTimestamp: '2026-01-15T11:59:00Z' } });
    assert.equal(show(p), '◌ Terminating ready:1/1 restarts:0');
  });
  it('shows Unknown for a deleted pod on a lost node', () => {
    assert.equal(show(pod('p', 'rs', { phase: 'Running', reason: 'NodeLost' }, { metadata: { deletionTimestamp: '2026-01-15T11:59:00Z' } })), '? Unknown ready:0/1 restarts:0');
  });
  it('prefers the pod reason over its phase (Evicted)', () => {
    assert.equal(podInfo(pod('p', 'rs', { phase: 'Failed', reason: 'Evicted' })).status, 'Evicted');
  });
  it('does not throw on a pod that is not an object', () => {
    const info = podInfo(42);
    assert.deepEqual([info.status, info.icon, info.ready, info.restarts], ['', ' ', '0/0', 0]);
  });
});
