// One engine's local image list, kept current by its /events stream (the connection's onEvent). Images
// change rarely and the engine cannot list them by id, so a burst of image events costs one full list,
// diffed against the cache: renderers get a patch with only the images that changed.
//
// The cache loads on first request (an engine nobody looks at the images of is never asked for them)
// and stays live from then on; a disconnect clears it, and the next request loads it afresh.
import type Dockerode from 'dockerode';
import type { ImageSummary, ImagesPatch, ImagesSnapshot } from '../shared/contract/images';
import type { EngineId } from '../shared/dto';
import type { EngineEvent } from './events';

/** Image events that change what `docker images` shows. */
const imageActions = new Set(['pull', 'tag', 'untag', 'delete', 'import', 'load', 'prune']);
/** A container commit makes an image (docker commit, and each step of the legacy builder). */
const containerActions = new Set(['commit']);

export function isImageListEvent(event: EngineEvent): boolean {
  if (event.Type === 'image') return imageActions.has(event.Action);
  if (event.Type === 'container') return containerActions.has(event.Action);
  return false;
}

export function toImageSummary(engineId: EngineId, info: Dockerode.ImageInfo): ImageSummary {
  return {
    engineId,
    id: info.Id,
    repoTags: (info.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    repoDigests: (info.RepoDigests ?? []).filter((digest) => digest !== '<none>@<none>'),
    size: info.Size,
    created: info.Created,
    labels: info.Labels ?? {},
  };
}

function sameImage(a: ImageSummary, b: ImageSummary): boolean {
  return (
    a.size === b.size &&
    a.created === b.created &&
    a.repoTags.join('\n') === b.repoTags.join('\n') &&
    a.repoDigests.join('\n') === b.repoDigests.join('\n') &&
    JSON.stringify(a.labels) === JSON.stringify(b.labels)
  );
}

const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 8000;

export class ImagesCache {
  private readonly byId = new Map<string, ImageSummary>();
  private seq = 0;
  private loaded = false;
  private loading?: Promise<void>;
  /** Set when an event arrives while a list is in flight: that list may predate it, so list again. */
  private stale = false;
  private scheduled = false;
  private refreshing = false;
  private generation = 0;
  private failures = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly docker: Dockerode,
    private readonly engineId: EngineId,
    private readonly onPatch: (patch: ImagesPatch) => void,
  ) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  snapshot(): ImagesSnapshot {
    return { engineId: this.engineId, seq: this.seq, images: [...this.byId.values()] };
  }

  /** Lists the images once (concurrent callers share the call); later calls return at once. */
  ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  handleEvent(event: EngineEvent): void {
    if (!this.loaded && !this.loading) return; // nobody has asked for this engine's images yet
    if (!isImageListEvent(event)) return;
    if (this.refreshing || this.loading) {
      this.stale = true;
      return;
    }
    this.scheduleRefresh();
  }

  /** Engine gone: forget everything; the next request lists afresh. */
  clear(): void {
    this.generation++;
    this.loaded = false;
    this.loading = undefined;
    this.stale = false;
    this.refreshing = false;
    this.failures = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const removals = [...this.byId.keys()];
    this.byId.clear();
    if (removals.length) this.emit([], removals);
  }

  private scheduleRefresh(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Let the rest of the burst arrive first (a pull or an rmi sends several events at once).
    setImmediate(() => {
      this.scheduled = false;
      void this.refresh().catch(() => undefined);
    });
  }

  /** Lists every image and emits what changed. Throws only for the first load (the caller shows it). */
  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.stale = true;
      return;
    }
    const generation = this.generation;
    this.refreshing = true;
    this.stale = false;
    const firstLoad = !this.loaded;
    try {
      const list = await this.docker.listImages({ all: false });
      if (generation !== this.generation) return;
      this.applyList(list);
      this.loaded = true;
      this.failures = 0;
    } catch (err) {
      if (generation !== this.generation) return;
      if (firstLoad) throw err;
      // A failed refresh must not lose the change it was for: try again, backing off while it fails.
      // If the engine went away, the registry clears this cache (a new generation) instead.
      this.failures++;
      const delay = Math.min(RETRY_FIRST_MS * 2 ** (this.failures - 1), RETRY_MAX_MS);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (generation === this.generation) this.scheduleRefresh();
      }, delay);
    } finally {
      if (generation === this.generation) {
        this.refreshing = false;
        if (this.stale && this.loaded) this.scheduleRefresh();
      }
    }
  }

  private applyList(list: Dockerode.ImageInfo[]): void {
    const fresh = new Map(list.map((info) => [info.Id, toImageSummary(this.engineId, info)]));
    const upserts: ImageSummary[] = [];
    for (const [id, summary] of fresh) {
      const known = this.byId.get(id);
      if (!known || !sameImage(known, summary)) upserts.push(summary);
    }
    const removals = [...this.byId.keys()].filter((id) => !fresh.has(id));
    this.byId.clear();
    for (const [id, summary] of fresh) this.byId.set(id, summary);
    // The first load always emits, so a snapshot taken before it is superseded by seq.
    if (upserts.length || removals.length || !this.loaded) this.emit(upserts, removals);
  }

  private emit(upserts: ImageSummary[], removals: string[]): void {
    this.seq++;
    this.onPatch({ engineId: this.engineId, seq: this.seq, upserts, removals });
  }
}
