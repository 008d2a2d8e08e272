import type { StateCreator } from 'zustand';
import type { EngineStatus } from '../../src-main/shared/dto';
import type { BerthState } from './index';

export interface EnginesSlice {
  engines: Record<string, EngineStatus>;
  /** Engine ids in the order main lists them. */
  engineOrder: string[];
  selectedEngineId: string | undefined;
  /** Whether the renderer reaches Berth's main process at all (the WebSocket bridge can drop). */
  bridgeConnected: boolean;
  setEngines(list: EngineStatus[]): void;
  upsertEngine(status: EngineStatus): void;
  selectEngine(engineId: string): void;
  setBridgeConnected(connected: boolean): void;
}

export const createEnginesSlice: StateCreator<BerthState, [], [], EnginesSlice> = (set) => ({
  engines: {},
  engineOrder: [],
  selectedEngineId: undefined,
  bridgeConnected: false,
  setEngines: (list) =>
    set((state) => ({
      engines: Object.fromEntries(list.map((e) => [e.engineId, e])),
      engineOrder: list.map((e) => e.engineId),
      selectedEngineId:
        state.selectedEngineId && list.some((e) => e.engineId === state.selectedEngineId)
          ? state.selectedEngineId
          : list[0]?.engineId,
    })),
  upsertEngine: (status) =>
    set((state) => ({
      engines: { ...state.engines, [status.engineId]: status },
      engineOrder: state.engineOrder.includes(status.engineId) ? state.engineOrder : [...state.engineOrder, status.engineId],
      selectedEngineId: state.selectedEngineId ?? status.engineId,
    })),
  selectEngine: (engineId) => set({ selectedEngineId: engineId }),
  setBridgeConnected: (connected) => set({ bridgeConnected: connected }),
});
