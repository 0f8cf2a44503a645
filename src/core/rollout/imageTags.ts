// The header's `Images:` lines: each running image with the roles of the ReplicaSets running it.
import { ReplicaSetInfo } from './replicaSetInfo';

export interface ImageInfo {
  image: string;
  /** stable, canary, active, preview, ping, pong, Σ:<experiment template>. */
  tags: string[];
}

/** `image (tag, tag)` as on the `Images:` lines; just the image when it has no tags. */
export function formatImage(image: ImageInfo): string {
  return image.tags.length > 0 ? `${image.image} (${image.tags.join(', ')})` : image.image;
}

/**
 * Adds an image or merges its tags into the entry already there, keeping the list sorted by image.
 * The plugin keeps a new entry's tags in role order but sorts them once two entries merge.
 */
export function mergeImage(images: ImageInfo[], next: ImageInfo): ImageInfo[] {
  const existing = images.find((i) => i.image === next.image);
  const out = existing === undefined ? [...images, next] : images.map((i) => (i === existing ? { image: i.image, tags: [...new Set([...next.tags, ...i.tags])].sort() } : i));
  return out.sort((a, b) => (a.image < b.image ? -1 : a.image > b.image ? 1 : 0));
}

function rolloutTags(rs: ReplicaSetInfo): string[] {
  const tags: string[] = [];
  if (rs.canary) tags.push('canary');
  if (rs.stable) tags.push('stable');
  if (rs.active) tags.push('active');
  if (rs.preview) tags.push('preview');
  if (rs.ping) tags.push('ping');
  if (rs.pong) tags.push('pong');
  return tags;
}

/** Images of an Experiment's running ReplicaSets, tagged `Σ:<template>`. */
export function experimentImages(replicaSets: readonly ReplicaSetInfo[]): ImageInfo[] {
  let images: ImageInfo[] = [];
  for (const rs of replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) images = mergeImage(images, { image, tags: rs.template !== '' ? [`Σ:${rs.template}`] : [] });
  }
  return images;
}

/** Images of a Rollout's running ReplicaSets, then those of its Experiments. */
export function rolloutImages(replicaSets: readonly ReplicaSetInfo[], experiments: readonly { replicaSets: readonly ReplicaSetInfo[] }[]): ImageInfo[] {
  let images: ImageInfo[] = [];
  for (const rs of replicaSets) {
    if (rs.replicas <= 0) continue;
    for (const image of rs.images) images = mergeImage(images, { image, tags: rolloutTags(rs) });
  }
  for (const exp of experiments) for (const image of experimentImages(exp.replicaSets)) images = mergeImage(images, image);
  return images;
}
