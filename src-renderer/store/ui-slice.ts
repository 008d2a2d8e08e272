import type { StateCreator } from 'zustand';
import type { BerthState } from './index';

export type PanelId = 'containers' | 'images';
export type ThemePreference = 'system' | 'light' | 'dark';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  message: string;
}

export interface UiSlice {
  panel: PanelId;
  theme: ThemePreference;
  toasts: Toast[];
  setPanel(panel: PanelId): void;
  setTheme(theme: ThemePreference): void;
  pushToast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
}

let nextToast = 1;

function storedTheme(): ThemePreference {
  try {
    const value = localStorage.getItem('berth.theme');
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export const createUiSlice: StateCreator<BerthState, [], [], UiSlice> = (set, get) => ({
  panel: 'containers',
  theme: storedTheme(),
  toasts: [],
  setPanel: (panel) => set({ panel }),
  setTheme: (theme) => {
    try {
      localStorage.setItem('berth.theme', theme);
    } catch {
      // Storage may be unavailable; the choice still applies for this session.
    }
    set({ theme });
  },
  pushToast: (kind, message) => {
    const id = nextToast++;
    set({ toasts: [...get().toasts.slice(-4), { id, kind, message }] });
    setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
