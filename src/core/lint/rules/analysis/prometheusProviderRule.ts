// §4.2 Prometheus provider fields. These fail when the provider is built for a measurement, so every
// measurement of the metric ends in phase Error (and the run fails once consecutiveErrorLimit is hit).
import { parseGoDuration } from '../../../goDuration';
import type { Rule, RuleContext } from '../../rule';
import { formatPath, type Path } from '../../yamlPath';
import { ANALYSIS_KINDS, argValues, isRecord, metricsOf, resolveTags, specOf, str } from './analysisShape';

const MEASUREMENT_ERROR = 'every measurement of this metric ends in phase Error';

export const prometheusProviderRule = {
  id: 'prometheus-provider',
  severity: 'error',
  kinds: ANALYSIS_KINDS,
  title: 'Prometheus provider settings must be usable (address URL, timeout, auth, rangeQuery step)',
  description:
    'The Prometheus provider checks its settings when it takes a measurement: the address must be a URL with scheme and host, the timeout (seconds) must not be negative, OAuth2 needs clientId and clientSecret with tokenUrl, basic auth needs username and password, and rangeQuery.step must be a Go duration. Otherwise each measurement ends in phase Error and, after consecutiveErrorLimit errors, the analysis fails. Fix the field named in the message.',
  source: '§4.2',
  check(ctx) {
    const spec = specOf(ctx.value);
    const args = argValues(spec);
    for (const { index, metric } of metricsOf(spec)) {
      const provider = metric.provider;
      if (!isRecord(provider) || !isRecord(provider.prometheus)) continue;
      checkPrometheus(ctx, ['spec', 'metrics', index, 'provider', 'prometheus'], provider.prometheus, args);
    }
  },
} as const satisfies Rule;

function checkPrometheus(ctx: RuleContext, base: Path, p: Record<string, unknown>, args: ReadonlyMap<string, string>): void {
  const report = (sub: readonly string[], message: string, part?: 'key'): void => {
    const at = [...base, ...sub];
    ctx.report({ message: `${message} — ${MEASUREMENT_ERROR}`, at, argoPath: formatPath(at), ...(part ? { part } : {}) });
  };
  const address = str(p.address);
  if (address && !address.includes('{{') && !isUrl(address)) report(['address'], 'prometheus address is not is url format');
  if (typeof p.timeout === 'number' && p.timeout < 0) report(['timeout'], 'prometheus timeout should not be negative');

  const auth = isRecord(p.authentication) ? p.authentication : undefined;
  const oauth2 = isRecord(auth?.oauth2) ? auth.oauth2 : undefined;
  if (oauth2 && str(oauth2.tokenUrl)) {
    if (!str(oauth2.clientId) || !str(oauth2.clientSecret)) {
      report(['authentication', 'oauth2', !str(oauth2.clientId) ? 'clientId' : 'clientSecret'], 'missing mandatory parameter in metric for OAuth2 setup');
    }
  }
  const basic = isRecord(auth?.basicAuth) ? auth.basicAuth : undefined;
  if (basic && (str(basic.username) || str(basic.password))) {
    for (const field of ['username', 'password'] as const) {
      if (!str(basic[field])) {
        report(['authentication', 'basicAuth', field], `missing mandatory parameter in metric for basic auth setup: ${field}`);
      }
    }
  }
  const range = isRecord(p.rangeQuery) ? p.rangeQuery : undefined;
  const step = str(range?.step);
  if (step) {
    const resolved = resolveTags(step, args);
    const d = resolved === undefined ? undefined : parseGoDuration(resolved);
    if (d && !d.ok) report(['rangeQuery', 'step'], `failed to parse rangeQuery.step as duration: ${d.error}`);
  }
}

/** Go's url.Parse + non-empty scheme and host, as the provider's IsUrl checks. */
export function isUrl(s: string): boolean {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(s);
  if (!m) return false;
  const authority = m[1]!;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return host !== '' && !/\s/.test(s);
}
