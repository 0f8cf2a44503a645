// Minimal glob matching for the `argoRollouts.lint.exclude` setting, against workspace-relative
// paths with `/` separators: `**` (any number of folders), `*`, `?`, `{a,b}`. A pattern without a
// `/` matches a file name in any folder, as in `files.exclude`.

export function globToRegExp(glob: string): RegExp {
  const g = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        if (g[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // A folder pattern (`charts/**` or `vendor`) also excludes what is inside it.
  return new RegExp(`^${re}(?:/.*)?$`);
}

export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  const p = relativePath.replace(/\\/g, '/');
  return globs.some((g) => g.trim() !== '' && globToRegExp(g.trim()).test(p));
}
