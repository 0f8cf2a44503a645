// Checks what the user types into Set Image… before anything is sent. The API server accepts any
// non-empty string as an image, so a typo (a space, `web=nginx:1.27` pasted from the CLI, capitals
// in the repository) would only show up later as ImagePullBackOff in the middle of a canary.
// Grammar of github.com/distribution/reference (the one kubelet's image pull parses with).

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);
/** The repository name (domain and path) may be at most 255 characters. */
const NAME_MAX = 255;

/** Why `text` is not an image reference, or undefined when it is one. */
export function imageReferenceError(text: string): string | undefined {
  if (text.trim() === '') return 'Type an image, e.g. nginx:1.27 or ghcr.io/org/app@sha256:…';
  if (/\s/.test(text)) return 'An image reference contains no spaces.';
  if (/^[\w.-]+=/.test(text)) return 'Type only the image: the container is already chosen (no "container=" prefix).';
  if (!REFERENCE.test(text)) {
    const repository = text.split('@')[0]?.replace(/:[\w.-]*$/, '') ?? '';
    const path = repository.includes('/') ? repository.slice(repository.indexOf('/') + 1) : repository;
    if (/[A-Z]/.test(path)) return `Repository names are lowercase: "${path}".`;
    if (/:$/.test(text.split('@')[0] ?? '')) return 'The tag after ":" is empty.';
    return `"${text}" is not a valid image reference (repository[:tag][@digest]).`;
  }
  const name = text.split('@')[0]?.replace(/:[\w][\w.-]*$/, '') ?? '';
  if (name.length > NAME_MAX) return `The repository name is longer than ${NAME_MAX} characters.`;
  return undefined;
}
