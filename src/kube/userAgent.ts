// Who the API server sees writing: every request carries this User-Agent, and every write the
// field manager `argo-rollouts-vscode` (src/core/launch/fieldManager.ts). Without them the server
// records writes under the User-Agent's name, or under "" when there is none, and a later Launch
// reports a conflict with "" that was really this extension's own Set Image.
import packageJson from '../../package.json';
import { FIELD_MANAGER } from '../core/launch/fieldManager';

/** `argo-rollouts-vscode/0.1.0`: the server's default field manager is the part before the `/`, the same name. */
export const USER_AGENT = `${FIELD_MANAGER}/${packageJson.version}`;

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/** The query of a call, with `fieldManager` added to a write that names none (DELETE takes no field manager). */
export function withFieldManager(method: string, query: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (!WRITES.has(method) || query['fieldManager'] !== undefined) return query;
  return { ...query, fieldManager: FIELD_MANAGER };
}
