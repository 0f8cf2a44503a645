// Fault injection for the double: latency, 500s, RBAC denials per verb and resource, dropped watches
// and a compacted resourceVersion floor. Rules apply until `clear()`; `times` limits a rule to the
// first n matching requests.
import { injectedFailure, type ApiError } from './apiStatus';
import type { ClusterStore } from './clusterStore';
import type { OpenWatches } from './openWatches';

export interface RequestMatch {
  /** HTTP method, e.g. 'GET', 'PATCH'; any when absent. */
  readonly method?: string;
  /** Substring of, or pattern for, the URL path with its query. */
  readonly path?: string | RegExp;
}

export interface DenyRule {
  /** Kubernetes verb: get, list, watch, create, update, patch, delete; '*' for all. */
  readonly verb: string;
  /** Plural resource, optionally with subresource: 'rollouts', 'rollouts/status'. */
  readonly resource: string;
  readonly group?: string;
  readonly namespace?: string;
}

export interface AccessQuery {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly subresource: string | undefined;
  readonly namespace: string | undefined;
}

interface CountedRule {
  readonly match: RequestMatch;
  remaining: number;
}

export class ClusterFaults {
  private latencies: (CountedRule & { readonly ms: number })[] = [];
  private failures: (CountedRule & { readonly message: string })[] = [];
  private denials: DenyRule[] = [];

  constructor(
    private readonly store: ClusterStore,
    private readonly watches: OpenWatches,
  ) {}

  /** Delays matching requests by `ms` before they are answered. */
  latency(ms: number, match: RequestMatch = {}, times = Infinity): void {
    this.latencies.push({ match, ms, remaining: times });
  }

  /** Answers matching requests with 500 InternalError. */
  failWith500(match: RequestMatch, times = Infinity, message = 'injected fault'): void {
    this.failures.push({ match, message, remaining: times });
  }

  /** Denies a verb on a resource (as RBAC would): 403 Forbidden, and `allowed: false` in SelfSubjectAccessReviews. */
  deny(rule: DenyRule): void {
    this.denials.push(rule);
  }

  /** Ends every open watch stream (`destroy` cuts the connection instead of ending the response). Returns how many. */
  dropWatches(mode: 'end' | 'destroy' = 'end'): number {
    return this.watches.dropAll(mode);
  }

  /** Compacts history so that watches from an older resourceVersion get 410 Expired. */
  compact(resourceVersion?: number): void {
    this.store.compact(resourceVersion);
  }

  clear(): void {
    this.latencies = [];
    this.failures = [];
    this.denials = [];
  }

  latencyFor(method: string, path: string): number {
    return this.take(this.latencies, method, path).reduce((sum, r) => sum + r.ms, 0);
  }

  failureFor(method: string, path: string): ApiError | undefined {
    const [rule] = this.take(this.failures, method, path);
    return rule ? injectedFailure(rule.message) : undefined;
  }

  isDenied(q: AccessQuery): boolean {
    const resource = q.subresource ? `${q.resource}/${q.subresource}` : q.resource;
    return this.denials.some((d) => (d.verb === '*' || d.verb === q.verb) && (d.resource === '*' || d.resource === resource)
      && (d.group === undefined || d.group === q.group) && (d.namespace === undefined || d.namespace === q.namespace));
  }

  private take<T extends CountedRule>(rules: T[], method: string, path: string): T[] {
    const hits = rules.filter((r) => r.remaining > 0 && matches(r.match, method, path));
    for (const r of hits) r.remaining--;
    return hits;
  }
}

function matches(match: RequestMatch, method: string, path: string): boolean {
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path);
}
