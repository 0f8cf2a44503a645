// Turns the PATH arguments into the files to lint: files as given, directories searched
// recursively, `-` read from stdin. Errors carry the message the CLI prints (exit status 2).
import { readdir, readFile, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { SourceFile } from '../core/lint/lint';
import { isLintRelevant } from '../core/lint/lintRelevance';
import { FileRoles } from '../render/fileRoles';

export const STDIN_PATH = '<stdin>';
const EXTENSIONS = ['.yaml', '.yml', '.json'];

export type StdinSource = AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

export class CliError extends Error {}

export async function collectFiles(paths: readonly string[], cwd: string, stdin: StdinSource, roles = new FileRoles()): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, text: string, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    // A Helm template or a Kustomize patch is linted tolerantly; a partial (_helpers.tpl) never.
    const role = key === STDIN_PATH ? undefined : roles.roleOf(key);
    if (role?.kind === 'helm-partial') return;
    out.push({ path, text, ...(role && role.kind !== 'manifest' ? { role } : {}) });
  };
  for (const given of paths) {
    if (given === '-') {
      if (!seen.has(STDIN_PATH)) add(STDIN_PATH, await readStdin(stdin), STDIN_PATH);
      continue;
    }
    const abs = nodePath.resolve(cwd, given);
    let isDir: boolean;
    try {
      isDir = (await stat(abs)).isDirectory();
    } catch (e) {
      throw new CliError(`cannot read '${given}': ${reason(e)}`);
    }
    if (!isDir) {
      add(given, await read(abs, given), abs);
      continue;
    }
    for (const rel of await walk(abs, given)) {
      const shown = nodePath.join(given, rel);
      const file = nodePath.join(abs, rel);
      const text = await read(file, shown);
      // Found in a directory: skip files that are not manifests we read (package.json,
      // tsconfig.json, Helm values...); a file named on the command line is always linted.
      if (isLintRelevant(text)) add(shown, text, file);
    }
  }
  return out;
}

export function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Relative paths of manifest files below `dir`, sorted, skipping node_modules and dot-folders. */
async function walk(dir: string, shown: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(nodePath.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      throw new CliError(`cannot read '${nodePath.join(shown, rel)}': ${reason(e)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const child = rel ? nodePath.join(rel, ent.name) : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        // Follow links to files; never links to directories (they can form cycles).
        const target = await stat(nodePath.join(dir, child)).catch(() => undefined);
        isFile = target?.isFile() ?? false;
        isDir = false;
      }
      if (isDir) {
        if (ent.name === 'node_modules' || ent.name.startsWith('.')) continue;
        await visit(child);
      } else if (isFile && isManifestName(ent.name)) {
        out.push(child);
      }
    }
  };
  await visit('');
  return out;
}

async function read(abs: string, shown: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read '${shown}': ${reason(e)}`);
  }
}

async function readStdin(stdin: StdinSource): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stdin) parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  } catch (e) {
    throw new CliError(`cannot read '-': ${reason(e)}`);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
};

function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return e instanceof Error ? e.message : String(e);
}
