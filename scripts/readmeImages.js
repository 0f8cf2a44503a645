// The images a README shows and whether each one is a file of the package. The project has no public
// repository, so the packaged README keeps its relative image links (vsce --no-rewrite-relative-links)
// and the images ship in the .vsix: a link that is absolute, or names a file the .vsix does not hold,
// would show a broken image.
const path = require('node:path');

/** Every image source of a Markdown text: `![alt](src "title")` and `<img src="...">`, in order. */
function readmeImageSources(markdown) {
  const out = [];
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  for (const m of text.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1] ?? m[2]);
  for (const m of text.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) out.push(m[1]);
  return out;
}

/**
 * The README's images that do not resolve to a file of the package, each with the reason.
 * `files`: the package's paths relative to the extension folder (`media/x.png`).
 */
function unresolvedReadmeImages(markdown, files) {
  const shipped = new Set(files);
  const problems = [];
  for (const src of readmeImageSources(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
      problems.push(`${src}: not a file of the .vsix (an absolute URL; the project has no public host for images)`);
      continue;
    }
    let decoded = src;
    try {
      decoded = decodeURI(src);
    } catch {
      // keep the raw text: it cannot name a file either way
    }
    const file = path.posix.normalize(decoded.split(/[?#]/)[0]).replace(/^\.\//, '');
    if (file.startsWith('../') || file.startsWith('/')) problems.push(`${src}: points outside the extension folder`);
    else if (!shipped.has(file)) problems.push(`${src}: ${file} is not in the .vsix`);
  }
  return problems;
}

module.exports = { readmeImageSources, unresolvedReadmeImages };
