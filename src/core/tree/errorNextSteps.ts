// The next steps an error row offers, first = what a click does. A cluster that cannot be reached or
// that rejects the credentials is often the wrong context; a broken kubeconfig needs the file.
// Only the error's kind (src/core/kube/kubeErrors.ts) is read; the lint rule that keeps src/core free
// of the I/O layers matches any `kube/` path, so the shape is stated here instead of imported.
interface ErrorKind {
  readonly kind: string;
}

export type NextStep = 'retry' | 'switchContext' | 'openKubeconfig';

export function errorNextSteps(error: ErrorKind): NextStep[] {
  switch (error.kind) {
    case 'config':
      return ['openKubeconfig', 'switchContext', 'retry'];
    case 'unreachable':
    case 'untrustedCertificate':
    case 'unauthorized':
    case 'credentialPlugin':
    case 'serverError':
      return ['retry', 'switchContext', 'openKubeconfig'];
    case 'forbidden':
    case 'crdMissing':
      return ['switchContext', 'retry'];
    default:
      return ['retry', 'switchContext'];
  }
}

/** Errors that are about the whole cluster, not one namespace: shown once instead of under every namespace. */
export function isClusterWideError(error: ErrorKind): boolean {
  return error.kind === 'unreachable' || error.kind === 'untrustedCertificate' || error.kind === 'unauthorized'
    || error.kind === 'credentialPlugin' || error.kind === 'crdMissing' || error.kind === 'config';
}
