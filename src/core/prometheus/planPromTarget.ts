// Where a template's queries go from this machine, with which headers, TLS check, timeout and
// credentials: every decision the Prometheus connector makes, without I/O, so it is unit-tested.
import { err, ok, type Result } from '../result';
import type { PromCredentials } from './promCredentials';
import type { PromSettings } from './promSettings';
import { urlForContext } from './promSettings';
import { describePromAddress, resolvePromAddress, type PromAddress } from './resolvePromAddress';

export type UsablePromAddress = Exclude<PromAddress, { kind: 'unusable' }>;

export interface PromTargetPlan {
  readonly address: UsablePromAddress;
  /** Where the queries go, in words for the panel and the log. */
  readonly where: string;
  /** The address in the client's error messages ("Prometheus at …"). */
  readonly clientWhere: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly tlsVerify: boolean;
  readonly timeoutMs: number;
  /** Sent only to a direct URL (see `note`). */
  readonly credentials: PromCredentials | undefined;
  /** Something the user may wonder about (credentials not sent), for the log. */
  readonly note?: string;
}

export function planPromTarget(
  templateAddress: string | undefined,
  contextName: string,
  settings: PromSettings,
  credentials: PromCredentials | undefined,
): Result<PromTargetPlan, string> {
  const setting = urlForContext(settings.urls, contextName);
  const address = resolvePromAddress(templateAddress, { urlSetting: setting?.url, contextName });
  if (address.kind === 'unusable') return err(`Cannot query Prometheus: ${address.reason}.`);
  const common = { headers: settings.headers, tlsVerify: settings.tlsVerify, timeoutMs: settings.timeoutMs };
  if (address.kind === 'serviceProxy') {
    const where = `service proxy of the API server of context ${contextName} to ${address.namespace}/${address.service}:${address.port}${address.path}`;
    // The API server consumes Authorization for the user's Kubernetes identity and strips it before
    // proxying, so a Prometheus credential cannot reach an in-cluster Prometheus this way.
    const note = credentials === undefined ? undefined
      : `the stored Prometheus credentials of context ${contextName} are not sent through the API server's service proxy; set argoRollouts.prometheus.urls for the context to use them`;
    return ok({ ...common, address, where, clientWhere: describePromAddress(address, contextName), credentials: undefined, note });
  }
  const from = setting === undefined ? 'the template\'s address'
    : setting.pattern === contextName ? `URL setting for context ${contextName}` : `URL setting "${setting.pattern}" for context ${contextName}`;
  const where = `${address.url} (${from})`;
  return ok({ ...common, address, where, clientWhere: where, credentials });
}
