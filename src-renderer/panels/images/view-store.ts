// The Images panel's own view state: filter, sort, keyboard cursor, the image whose details are open,
// and which dialog (tag, remove) is asking about which row. UI state, so it lives beside the panel;
// switching engines resets it.
import { create } from 'zustand';
import { DEFAULT_IMAGE_SORT, nextImageSort, type ImageSort, type ImageSortKey } from './images.presentation';

export type ImageDialog = { kind: 'tag'; rowKey: string } | { kind: 'remove'; rowKey: string };

interface ImagesViewState {
  engineId: string | undefined;
  filter: string;
  sort: ImageSort;
  /** Keyboard cursor: a row key. */
  cursorKey: string | undefined;
  /** The row whose details pane is open (its image is what the pane shows). */
  detailsKey: string | undefined;
  dialog: ImageDialog | undefined;
  resetForEngine(engineId: string | undefined): void;
  setFilter(filter: string): void;
  sortBy(key: ImageSortKey): void;
  setCursor(key: string | undefined): void;
  openDetails(key: string): void;
  closeDetails(): void;
  openDialog(dialog: ImageDialog): void;
  closeDialog(): void;
}

export const useImagesView = create<ImagesViewState>()((set, get) => ({
  engineId: undefined,
  filter: '',
  sort: DEFAULT_IMAGE_SORT,
  cursorKey: undefined,
  detailsKey: undefined,
  dialog: undefined,
  resetForEngine: (engineId) => {
    if (get().engineId === engineId) return;
    set({ engineId, cursorKey: undefined, detailsKey: undefined, dialog: undefined });
  },
  setFilter: (filter) => set({ filter }),
  sortBy: (key) => set({ sort: nextImageSort(get().sort, key) }),
  setCursor: (cursorKey) => set({ cursorKey }),
  openDetails: (key) => set({ detailsKey: key, cursorKey: key }),
  closeDetails: () => set({ detailsKey: undefined }),
  openDialog: (dialog) => set({ dialog, cursorKey: dialog.rowKey }),
  closeDialog: () => set({ dialog: undefined }),
}));
