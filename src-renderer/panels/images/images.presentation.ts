// Pure model → display logic for the Images panel: one row per tag (a dangling image is one "<none>"
// row), which containers use each image, filtering, sorting, sizes, and exactly what a removal takes.
// No React, no store: unit-tested in images.presentation.test.ts.
import type { ImageSummary } from '../../../src-main/shared/contract/images';
import type { ContainerSummary } from '../../../src-main/shared/dto';

export const NONE = '<none>';

export interface ImageUsage {
  /** Containers created from the image, running or not. */
  containers: ContainerSummary[];
  running: number;
}

export interface ImageRow {
  /** Stable list key: image id and tag. */
  key: string;
  image: ImageSummary;
  repository: string;
  tag: string;
  /** What docker commands take for this row: "repo:tag", or the image id for a dangling image. */
  reference: string;
  dangling: boolean;
  usage: ImageUsage;
}

export type ImageSortKey = 'repository' | 'tag' | 'id' | 'size' | 'created' | 'usage';
export interface ImageSort {
  key: ImageSortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_IMAGE_SORT: ImageSort = { key: 'repository', direction: 'asc' };

const NO_USAGE: ImageUsage = { containers: [], running: 0 };

export function shortImageId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** "127.0.0.1:5001/busybox:latest" → ["127.0.0.1:5001/busybox", "latest"] (the port is not a tag). */
export function splitRepoTag(reference: string): [string, string] {
  const colon = reference.lastIndexOf(':');
  if (colon === -1 || colon < reference.lastIndexOf('/')) return [reference, 'latest'];
  return [reference.slice(0, colon), reference.slice(colon + 1)];
}

/** Sizes as docker prints them: decimal units, e.g. "1.99 MB", "139 MB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

const isLive = (c: ContainerSummary) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting';

export function usageByImage(containers: Iterable<ContainerSummary>): Map<string, ImageUsage> {
  const usage = new Map<string, ImageUsage>();
  for (const container of containers) {
    let entry = usage.get(container.imageId);
    if (!entry) usage.set(container.imageId, (entry = { containers: [], running: 0 }));
    entry.containers.push(container);
    if (isLive(container)) entry.running++;
  }
  return usage;
}

export function imageRows(images: Iterable<ImageSummary>, usage: ReadonlyMap<string, ImageUsage>): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const image of images) {
    const used = usage.get(image.id) ?? NO_USAGE;
    if (image.repoTags.length === 0) {
      // Untagged, but pulled by digest: show the repository the digest names.
      const repository = image.repoDigests[0]?.split('@')[0] ?? NONE;
      rows.push({ key: `${image.id}|${NONE}`, image, repository, tag: NONE, reference: image.id, dangling: true, usage: used });
      continue;
    }
    for (const reference of image.repoTags) {
      const [repository, tag] = splitRepoTag(reference);
      rows.push({ key: `${image.id}|${reference}`, image, repository, tag, reference, dangling: false, usage: used });
    }
  }
  return rows;
}

/**
 * Every whitespace-separated term must match the repository, the tag, an id prefix, or a word for the
 * row's state ("dangling", "in-use", "unused"). Case-insensitive.
 */
export function matchesImageFilter(row: ImageRow, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const id = shortImageId(row.image.id);
  const words = [row.repository.toLowerCase(), row.tag.toLowerCase(), row.reference.toLowerCase()];
  if (row.dangling) words.push('dangling');
  words.push(row.usage.containers.length ? 'in-use' : 'unused');
  return terms.every((term) => id.startsWith(term.replace(/^sha256:/, '')) || words.some((word) => word.includes(term)));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareImageRows(a: ImageRow, b: ImageRow, sort: ImageSort): number {
  let result: number;
  switch (sort.key) {
    case 'tag':
      result = collator.compare(a.tag, b.tag);
      break;
    case 'id':
      result = a.image.id < b.image.id ? -1 : a.image.id > b.image.id ? 1 : 0;
      break;
    case 'size':
      result = a.image.size - b.image.size;
      break;
    case 'created':
      result = a.image.created - b.image.created;
      break;
    case 'usage':
      result = a.usage.containers.length - b.usage.containers.length;
      break;
    default:
      // Dangling rows sort after named ones whichever way the repository column goes.
      if (a.dangling !== b.dangling) return a.dangling ? 1 : -1;
      result = collator.compare(a.repository, b.repository);
  }
  if (result === 0) result = collator.compare(a.repository, b.repository) || collator.compare(a.tag, b.tag);
  if (result === 0) result = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  return sort.direction === 'asc' ? result : -result;
}

export function visibleImageRows(rows: readonly ImageRow[], query: string, sort: ImageSort): ImageRow[] {
  return rows.filter((row) => matchesImageFilter(row, query)).sort((a, b) => compareImageRows(a, b, sort));
}

/** A header click: the same column flips; a new one starts ascending (largest / newest / most used first for numbers). */
export function nextImageSort(current: ImageSort, key: ImageSortKey): ImageSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'size' || key === 'created' || key === 'usage' ? 'desc' : 'asc' };
}

export function usageLabel(usage: ImageUsage): string {
  const total = usage.containers.length;
  if (total === 0) return 'unused';
  return `${total} ${total === 1 ? 'container' : 'containers'}${usage.running ? `, ${usage.running} running` : ''}`;
}

// ── Removal ─────────────────────────────────────────────────────────────────────────────────────────

export interface RemovalPlan {
  /** What docker rmi is given: the row's tag, or the image id for a dangling image. */
  reference: string;
  /** The tag that goes (none for a dangling image). */
  tag?: string;
  /** Tags the image keeps: when there are any, only the tag goes and no data is deleted. */
  otherTags: string[];
  /** Whether the image's data goes (its last tag, or no tag at all). */
  deletesImage: boolean;
  /** Containers created from the image. */
  users: ContainerSummary[];
  /**
   * Why the engine will refuse a plain removal: a container uses the image and its data would go.
   * "stopped" can be forced; "running" cannot (forcing past a running container would only untag).
   */
  blockedBy?: 'running' | 'stopped';
}

export function removalPlan(row: ImageRow): RemovalPlan {
  const otherTags = row.dangling ? [] : row.image.repoTags.filter((tag) => tag !== row.reference);
  const deletesImage = otherTags.length === 0;
  const users = row.usage.containers;
  let blockedBy: RemovalPlan['blockedBy'];
  if (deletesImage && users.length) blockedBy = users.some(isLive) ? 'running' : 'stopped';
  return {
    reference: row.reference,
    ...(row.dangling ? {} : { tag: row.reference }),
    otherTags,
    deletesImage,
    users,
    ...(blockedBy ? { blockedBy } : {}),
  };
}

export function containerStateWord(container: ContainerSummary): string {
  return isLive(container) ? container.state : 'stopped';
}
