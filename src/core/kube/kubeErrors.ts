// What went wrong talking to a cluster, as data, and the sentence the user reads. Each message
// names the context (users run several clusters and the wrong one is a common cause) and ends with
// a next step. src/kube classifies client errors into these; the UI only shows `message`.
import type { StatusCause } from './statusCause';

export type KubeErrorDetails =
  /** No TCP/TLS connection: refused, unknown host, timeout, connection reset. */
  | { kind: 'unreachable'; context: string; url: string; cause: string }
  /** The server's certificate is not trusted (TLS verification is on unless the kubeconfig turns it off). */
  | { kind: 'untrustedCertificate'; context: string; url: string; cause: string }
  | { kind: 'unauthorized'; context: string }
  | { kind: 'forbidden'; context: string; apiMessage: string }
  /** Discovery has no rollouts.argoproj.io: the CRDs are not installed. */
  | { kind: 'crdMissing'; context: string }
  | { kind: 'notFound'; context: string; apiMessage: string }
  /** `causes`: the Status's details.causes (an apply conflict lists each field and its manager there). */
  | { kind: 'conflict'; context: string; apiMessage: string; causes?: readonly StatusCause[] }
  | { kind: 'gone'; context: string; apiMessage: string }
  | { kind: 'serverError'; context: string; url: string; status: number; apiMessage: string }
  /** Any other HTTP failure (400, 415, 422, ...). */
  | { kind: 'rejected'; context: string; status: number; apiMessage: string }
  /** An exec credential plugin that is missing, hangs or fails. */
  | { kind: 'credentialPlugin'; user: string; command: string; problem: 'missing' | 'timeout' | 'failed'; detail: string }
  /** The kubeconfig cannot be read or has no usable context. */
  | { kind: 'config'; detail: string };

export type KubeErrorKind = KubeErrorDetails['kind'];

export type KubeError = KubeErrorDetails & { message: string };

export function kubeError(details: KubeErrorDetails): KubeError {
  return { ...details, message: kubeErrorMessage(details) };
}

/** Adds a period unless the text already ends a sentence; API server messages usually do not. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function kubeErrorMessage(e: KubeErrorDetails): string {
  switch (e.kind) {
    case 'unreachable':
      return `Cannot reach the cluster at ${e.url} (context ${e.context}): ${e.cause}. Check your VPN/network or switch context.`;
    case 'untrustedCertificate':
      return `The cluster at ${e.url} (context ${e.context}) presented a certificate that is not trusted: ${e.cause}. `
        + 'Check certificate-authority-data in the kubeconfig, or switch context.';
    case 'unauthorized':
      return `The cluster rejected the credentials of context ${e.context} (401): its token or certificate is expired or wrong. `
        + 'Log in again (refresh the token, e.g. with your cloud CLI\'s login command) or switch context.';
    case 'forbidden':
      return `${sentence(e.apiMessage)} (403, context ${e.context}) Ask your cluster admin for that permission or switch to a context that has it.`;
    case 'crdMissing':
      return `Argo Rollouts CRDs are not installed in this cluster (no rollouts.argoproj.io) (context ${e.context}). `
        + 'Install Argo Rollouts there or switch context.';
    case 'notFound':
      return `${sentence(e.apiMessage)} (404, context ${e.context}) It may have been deleted meanwhile; refresh the view.`;
    case 'conflict':
      return `${sentence(e.apiMessage)} (409, context ${e.context}) Someone changed it at the same time; refresh and try again.`;
    case 'gone':
      return `${sentence(e.apiMessage)} (410, context ${e.context}) The cluster no longer has that version; refresh the view to re-list.`;
    case 'serverError':
      return `The API server at ${e.url} failed (HTTP ${e.status}, context ${e.context}): ${sentence(e.apiMessage)} `
        + 'Try again in a moment; if it persists, check the API server\'s health.';
    case 'rejected':
      return `The API server refused the request (HTTP ${e.status}, context ${e.context}): ${sentence(e.apiMessage)} `
        + 'This is likely a bug in the extension or an unusual cluster; please report it with the log.';
    case 'credentialPlugin':
      return credentialPluginMessage(e.user, e.command, e.problem, e.detail);
    case 'config':
      return `The kubeconfig cannot be used: ${sentence(e.detail)} Fix it, or set KUBECONFIG / the kubeconfig path setting to another file.`;
  }
}

function credentialPluginMessage(user: string, command: string, problem: 'missing' | 'timeout' | 'failed', detail: string): string {
  const runs = `The kubeconfig user "${user}" runs "${command}" to get credentials`;
  switch (problem) {
    case 'missing':
      return `${runs}, but "${command}" is not on PATH. Install it or add its folder to the PATH VS Code starts with (restart VS Code afterwards), or switch context.`;
    case 'timeout':
      return `${runs}, but it did not answer within ${detail}. Run it in a terminal to see whether it waits for a login, or switch context.`;
    case 'failed':
      return `${runs}, but it failed: ${sentence(detail || 'no output')} Run it in a terminal to see why, or switch context.`;
  }
}
