// Types of scripts/readmeImages.js for the unit tests.
export function readmeImageSources(markdown: string): string[];
export function unresolvedReadmeImages(markdown: string, files: readonly string[]): string[];
