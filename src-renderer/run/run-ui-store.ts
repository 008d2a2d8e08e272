// Which run-feature dialog is open: the run dialog (new, duplicated or pasted), recreate, or "copy as".
// Opened from the containers toolbar, row actions and (later) the palette; shown by RunDialogs, which
// mounts itself on first use (see run-dialog-root.tsx) so the app shell needs no edit to host it.
import { create } from 'zustand';
import type { RunSpec } from '../../src-main/shared/run';

export interface ContainerRef {
  engineId: string;
  id: string;
  name: string;
  image: string;
}

export type RunUiDialog =
  | { kind: 'run'; engineId: string; spec?: RunSpec; title: string; notes: string[] }
  | { kind: 'recreate'; container: ContainerRef }
  | { kind: 'copy'; container: ContainerRef };

interface RunUiState {
  dialog?: RunUiDialog;
  /** Bumped on every open, so the same dialog opened twice starts fresh. */
  openCount: number;
  show(dialog: RunUiDialog): void;
  close(): void;
}

export const useRunUi = create<RunUiState>()((set, get) => ({
  dialog: undefined,
  openCount: 0,
  show: (dialog) => set({ dialog, openCount: get().openCount + 1 }),
  close: () => set({ dialog: undefined }),
}));
