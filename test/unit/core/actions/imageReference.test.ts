import { strict as assert } from 'node:assert';
import { imageReferenceError } from '../../../../src/core/actions/imageReference';

describe('the image typed into Set Image', () => {
  it('accepts names, tags, registries with ports and digests', () => {
    for (const image of [
      'nginx',
      'nginx:1.27',
      'ghcr.io/example/gitops-hugo:1.1.0',
      'localhost:5000/team/app_v2:latest',
      'registry.example.com/a/b/c@sha256:' + 'a'.repeat(64),
      'quay.io/org/app:v1.2.3-rc.1@sha256:' + 'b'.repeat(64),
      '[::1]:5000/app:1',
    ]) assert.equal(imageReferenceError(image), undefined, image);
  });

  it('refuses an empty answer, spaces, and the CLI form container=image with a message saying what to fix', () => {
    assert.match(imageReferenceError('  ') ?? '', /^Type an image/);
    assert.equal(imageReferenceError('nginx :1.27'), 'An image reference contains no spaces.');
    assert.match(imageReferenceError('web=nginx:1.27') ?? '', /no "container=" prefix/);
  });

  it('explains capitals in the repository and an empty tag', () => {
    assert.equal(imageReferenceError('ghcr.io/Example/App:1'), 'Repository names are lowercase: "Example/App".');
    assert.equal(imageReferenceError('nginx:'), 'The tag after ":" is empty.');
    assert.match(imageReferenceError('nginx:-bad') ?? '', /not a valid image reference/);
  });

  it('refuses a repository name over 255 characters', () => {
    assert.match(imageReferenceError(`r/${'a'.repeat(260)}:1`) ?? '', /longer than 255/);
  });
});
