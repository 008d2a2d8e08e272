// The image caches of every engine, made on first use. Each listens to its engine's single /events
// stream and is cleared when the engine disconnects (engine status arrives on the event bus), so the
// next request after a reconnect lists afresh instead of trusting what it held.
import type { ImagesPatch } from '../shared/contract/images';
import type { EngineStatus } from '../shared/dto';
import { ImagesCache } from './images-cache';
import type { EngineRegistry } from './registry';

interface StatusSource {
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

export class ImagesCaches {
  private readonly caches = new Map<string, ImagesCache>();

  constructor(
    private readonly engines: EngineRegistry,
    bus: StatusSource,
    private readonly onPatch: (patch: ImagesPatch) => void,
  ) {
    bus.subscribe((name, payload) => {
      if (name !== 'engines.status') return;
      const status = payload as EngineStatus;
      if (status.state !== 'connected') this.caches.get(status.engineId)?.clear();
    });
  }

  /** The engine's cache, loaded (throws a BerthError when the engine is not connected). */
  async loaded(engineId: string): Promise<ImagesCache> {
    const engine = this.engines.get(engineId);
    engine.requireConnected();
    let cache = this.caches.get(engineId);
    if (!cache) {
      cache = new ImagesCache(engine.docker, engineId, this.onPatch);
      const created = cache;
      engine.onEvent((event) => created.handleEvent(event));
      this.caches.set(engineId, cache);
    }
    await cache.ensureLoaded();
    return cache;
  }

  /** The cache if it has been loaded, for lookups that must not trigger a list. */
  peek(engineId: string): ImagesCache | undefined {
    const cache = this.caches.get(engineId);
    return cache?.isLoaded ? cache : undefined;
  }
}
