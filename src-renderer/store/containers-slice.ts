import type { StateCreator } from 'zustand';
import type { ContainerSummary, ContainersPatch, ContainersSnapshot } from '../../src-main/shared/dto';
import type { BerthState } from './index';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface EngineContainers {
  byId: Record<string, ContainerSummary>;
  seq: number;
  load: LoadState;
  error?: string;
  /** Patches that arrived while the snapshot was on its way; applied once it lands. */
  buffered: ContainersPatch[];
}

export interface ContainersSlice {
  containers: Record<string, EngineContainers>;
  beginContainersLoad(engineId: string): void;
  applyContainersSnapshot(snapshot: ContainersSnapshot): void;
  failContainersLoad(engineId: string, message: string): void;
  /** Several patches (those that arrived within one frame) in one store update. */
  applyContainersPatches(patches: ContainersPatch[]): void;
  clearContainers(engineId: string): void;
}

const empty = (): EngineContainers => ({ byId: {}, seq: 0, load: 'idle', buffered: [] });

function applyPatch(byId: Record<string, ContainerSummary>, patch: ContainersPatch): Record<string, ContainerSummary> {
  const next = { ...byId };
  for (const id of patch.removals) delete next[id];
  for (const container of patch.upserts) next[container.id] = container;
  return next;
}

/** One patch applied to every engine's containers: buffered while a snapshot loads, dropped if stale. */
function withPatch(all: Record<string, EngineContainers>, patch: ContainersPatch): Record<string, EngineContainers> {
  const current = all[patch.engineId];
  if (!current || current.load === 'idle' || current.load === 'error') return all;
  if (current.load === 'loading') return { ...all, [patch.engineId]: { ...current, buffered: [...current.buffered, patch] } };
  if (patch.seq <= current.seq) return all;
  return { ...all, [patch.engineId]: { ...current, byId: applyPatch(current.byId, patch), seq: patch.seq } };
}

export const createContainersSlice: StateCreator<BerthState, [], [], ContainersSlice> = (set) => ({
  containers: {},
  beginContainersLoad: (engineId) =>
    set((state) => ({
      containers: {
        ...state.containers,
        [engineId]: { ...(state.containers[engineId] ?? empty()), load: 'loading', error: undefined, buffered: [] },
      },
    })),
  applyContainersSnapshot: (snapshot) =>
    set((state) => {
      const previous = state.containers[snapshot.engineId] ?? empty();
      let byId = Object.fromEntries(snapshot.containers.map((c) => [c.id, c]));
      let seq = snapshot.seq;
      for (const patch of previous.buffered) {
        if (patch.seq > seq) {
          byId = applyPatch(byId, patch);
          seq = patch.seq;
        }
      }
      return { containers: { ...state.containers, [snapshot.engineId]: { byId, seq, load: 'ready', buffered: [] } } };
    }),
  failContainersLoad: (engineId, message) =>
    set((state) => ({
      containers: {
        ...state.containers,
        [engineId]: { ...(state.containers[engineId] ?? empty()), load: 'error', error: message, buffered: [] },
      },
    })),
  applyContainersPatches: (patches) =>
    set((state) => {
      let containers = state.containers;
      for (const patch of patches) containers = withPatch(containers, patch);
      return containers === state.containers ? {} : { containers };
    }),
  clearContainers: (engineId) => set((state) => ({ containers: { ...state.containers, [engineId]: empty() } })),
});
