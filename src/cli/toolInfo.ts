// The tool's name, version and home, from package.json (bundled by esbuild).
import packageJson from '../../package.json';

export const TOOL_VERSION: string = packageJson.version;

/** The public repository's address when package.json names one; the project has none yet, so SARIF omits it. */
function repositoryUrl(manifest: { repository?: string | { url?: string } }): string | undefined {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return url?.replace(/^git\+/, '').replace(/\.git$/, '');
}

export const TOOL_INFORMATION_URI: string | undefined = repositoryUrl(packageJson as { repository?: string | { url?: string } });
