// The Containers panel's own view state (filter, sort, collapsed groups, checked rows, keyboard cursor,
// open details, actions in flight, failure alerts, the remove request). It is UI state, not engine
// state, so it lives beside the panel rather than in the global store. Switching engines resets it.
import { create } from 'zustand';
import { isStringArray, readPreference, writePreference } from '../../ui/persisted';
import { DEFAULT_SORT, nextSort, type PanelAction, type SortKey, type SortSpec } from './containers.presentation';

export interface ContainersViewState {
  engineId: string | undefined;
  filter: string;
  sort: SortSpec;
  collapsed: ReadonlySet<string>;
  /** Checked rows (container ids), for the bulk toolbar. */
  checked: ReadonlySet<string>;
  /** The last row checked without shift: the other end of a shift-click range. */
  anchorId: string | undefined;
  /** Keyboard cursor: a list item key (container id, or "g:<group>" for a group header). */
  cursorKey: string | undefined;
  detailsId: string | undefined;
  pending: Readonly<Record<string, PanelAction>>;
  /** Failures of the last actions, in words, shown above the list until dismissed. */
  alerts: readonly string[];
  /** Containers the remove dialog is asking about. */
  removeIds: readonly string[] | undefined;

  resetForEngine(engineId: string | undefined): void;
  setFilter(filter: string): void;
  sortBy(key: SortKey): void;
  toggleCollapsed(groupKey: string): void;
  setCollapsed(groupKey: string, collapsed: boolean): void;
  setChecked(ids: Iterable<string>, anchorId?: string): void;
  toggleChecked(id: string): void;
  setCursor(key: string | undefined): void;
  openDetails(id: string): void;
  closeDetails(): void;
  setPending(ids: readonly string[], action: PanelAction | undefined): void;
  showAlerts(messages: readonly string[]): void;
  dismissAlerts(): void;
  requestRemove(ids: readonly string[]): void;
  cancelRemove(): void;
}

const COLLAPSED_KEY = 'containers.collapsed';

export const useContainersView = create<ContainersViewState>()((set, get) => ({
  engineId: undefined,
  filter: '',
  sort: DEFAULT_SORT,
  collapsed: new Set(readPreference(COLLAPSED_KEY, [], isStringArray)),
  checked: new Set(),
  anchorId: undefined,
  cursorKey: undefined,
  detailsId: undefined,
  pending: {},
  alerts: [],
  removeIds: undefined,

  resetForEngine: (engineId) => {
    if (get().engineId === engineId) return;
    set({
      engineId,
      checked: new Set(),
      anchorId: undefined,
      cursorKey: undefined,
      detailsId: undefined,
      pending: {},
      alerts: [],
      removeIds: undefined,
    });
  },
  setFilter: (filter) => set({ filter }),
  sortBy: (key) => set({ sort: nextSort(get().sort, key) }),
  toggleCollapsed: (groupKey) => get().setCollapsed(groupKey, !get().collapsed.has(groupKey)),
  setCollapsed: (groupKey, collapsed) => {
    const next = new Set(get().collapsed);
    if (collapsed) next.add(groupKey);
    else next.delete(groupKey);
    writePreference(COLLAPSED_KEY, [...next]);
    set({ collapsed: next });
  },
  setChecked: (ids, anchorId) => set({ checked: new Set(ids), ...(anchorId !== undefined ? { anchorId } : {}) }),
  toggleChecked: (id) => {
    const next = new Set(get().checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    set({ checked: next, anchorId: id });
  },
  setCursor: (cursorKey) => set({ cursorKey }),
  openDetails: (id) => set({ detailsId: id, cursorKey: id }),
  closeDetails: () => set({ detailsId: undefined }),
  setPending: (ids, action) => {
    const pending = { ...get().pending };
    for (const id of ids) {
      if (action) pending[id] = action;
      else delete pending[id];
    }
    set({ pending });
  },
  showAlerts: (messages) => set({ alerts: messages }),
  dismissAlerts: () => set({ alerts: [] }),
  requestRemove: (ids) => set({ removeIds: ids.length ? ids : undefined }),
  cancelRemove: () => set({ removeIds: undefined }),
}));
