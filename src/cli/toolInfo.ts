// The tool's name, version and home, from package.json (bundled by esbuild).
import packageJson from '../../package.json';

export const TOOL_VERSION: string = packageJson.version;
export const TOOL_INFORMATION_URI: string = packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
