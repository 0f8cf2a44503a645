// The real kubectl the fidelity tests run against the API double (KUBECTL overrides the one on PATH).
import { execFileSync } from 'node:child_process';

export const kubectl = process.env.KUBECTL ?? 'kubectl';

export function kubectlPresent(): boolean {
  try {
    execFileSync(kubectl, ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
