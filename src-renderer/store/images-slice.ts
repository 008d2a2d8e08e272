// Each engine's local images, fed like containers: a snapshot when asked for (the Images panel's first
// look, and again after a reconnect), then images.patch events ordered by seq. Patches that arrive
// while the snapshot is on its way are buffered and applied once it lands.
import type { StateCreator } from 'zustand';
import type { ImageSummary, ImagesPatch, ImagesSnapshot } from '../../src-main/shared/contract/images';
import type { LoadState } from './containers-slice';
import type { BerthState } from './index';

export interface EngineImages {
  byId: Record<string, ImageSummary>;
  seq: number;
  load: LoadState;
  error?: string;
  buffered: ImagesPatch[];
}

export interface ImagesSlice {
  images: Record<string, EngineImages>;
  beginImagesLoad(engineId: string): void;
  applyImagesSnapshot(snapshot: ImagesSnapshot): void;
  failImagesLoad(engineId: string, message: string): void;
  applyImagesPatch(patch: ImagesPatch): void;
  clearImages(engineId: string): void;
}

const empty = (): EngineImages => ({ byId: {}, seq: 0, load: 'idle', buffered: [] });

function applyPatch(byId: Record<string, ImageSummary>, patch: ImagesPatch): Record<string, ImageSummary> {
  const next = { ...byId };
  for (const id of patch.removals) delete next[id];
  for (const image of patch.upserts) next[image.id] = image;
  return next;
}

export const createImagesSlice: StateCreator<BerthState, [], [], ImagesSlice> = (set) => ({
  images: {},
  beginImagesLoad: (engineId) =>
    set((state) => ({
      images: {
        ...state.images,
        [engineId]: { ...(state.images[engineId] ?? empty()), load: 'loading', error: undefined, buffered: [] },
      },
    })),
  applyImagesSnapshot: (snapshot) =>
    set((state) => {
      const previous = state.images[snapshot.engineId] ?? empty();
      let byId = Object.fromEntries(snapshot.images.map((image) => [image.id, image]));
      let seq = snapshot.seq;
      for (const patch of previous.buffered) {
        if (patch.seq > seq) {
          byId = applyPatch(byId, patch);
          seq = patch.seq;
        }
      }
      return { images: { ...state.images, [snapshot.engineId]: { byId, seq, load: 'ready', buffered: [] } } };
    }),
  failImagesLoad: (engineId, message) =>
    set((state) => ({
      images: { ...state.images, [engineId]: { ...(state.images[engineId] ?? empty()), load: 'error', error: message, buffered: [] } },
    })),
  applyImagesPatch: (patch) =>
    set((state) => {
      const current = state.images[patch.engineId];
      if (!current || current.load === 'idle' || current.load === 'error') return {};
      if (current.load === 'loading') {
        return { images: { ...state.images, [patch.engineId]: { ...current, buffered: [...current.buffered, patch] } } };
      }
      if (patch.seq <= current.seq) return {};
      return { images: { ...state.images, [patch.engineId]: { ...current, byId: applyPatch(current.byId, patch), seq: patch.seq } } };
    }),
  clearImages: (engineId) => set((state) => ({ images: { ...state.images, [engineId]: empty() } })),
});
