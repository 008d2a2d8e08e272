// The workspace: a stack of open views (logs, terminals, run progress…) shown as tabs in a drawer
// beneath the current panel. Features plug in without touching the shell:
//
//   // once, at module load (e.g. in src-renderer/logs/logs.register.ts — main.tsx loads every
//   // *.register.ts / *.register.tsx file automatically):
//   registerViewKind<LogsProps>('logs', LogsView);
//
//   // when the user asks for it (a row action, a button):
//   openView({ id: `logs:${engineId}:${containerId}`, title: `Logs · ${name}`, kind: 'logs', props: { engineId, containerId } });
//
// A view's component receives `{ view, active }`. Views stay mounted while their tab is open (a terminal
// keeps its session when you look at another tab); closing the tab unmounts the component, so its
// effect cleanups must close its streams. Opening an id that is already open just activates that tab.
// `popOutUrl(view)` gives a URL that shows one view alone in its own window (Electron opens our own
// page's routes as pop-out windows); App.tsx renders that route with `readPopOutRoute`.
import type { ComponentType } from 'react';
import { create } from 'zustand';
import { isNumber, readPreference, writePreference } from './persisted';

export interface WorkspaceView<P = unknown> {
  /** Stable id: opening the same id again focuses the existing tab. */
  id: string;
  title: string;
  kind: string;
  props: P;
}

export interface ViewComponentProps<P = unknown> {
  view: WorkspaceView<P>;
  /** Whether this view's tab is the visible one (hidden views may pause rendering work). */
  active: boolean;
}

const viewKinds = new Map<string, ComponentType<ViewComponentProps<never>>>();

export function registerViewKind<P>(kind: string, component: ComponentType<ViewComponentProps<P>>): void {
  viewKinds.set(kind, component as ComponentType<ViewComponentProps<never>>);
}

export function viewComponent(kind: string): ComponentType<ViewComponentProps<unknown>> | undefined {
  return viewKinds.get(kind) as ComponentType<ViewComponentProps<unknown>> | undefined;
}

interface WorkspaceState {
  views: WorkspaceView[];
  activeId: string | undefined;
  /** Minimised: the tab strip stays, the content hides. */
  minimised: boolean;
  height: number;
  open(view: WorkspaceView): void;
  close(id: string): void;
  activate(id: string): void;
  setMinimised(minimised: boolean): void;
  setHeight(height: number): void;
}

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  views: [],
  activeId: undefined,
  minimised: false,
  height: readPreference('workspace.height', 300, isNumber),
  open: (view) => {
    const exists = get().views.some((v) => v.id === view.id);
    set({ views: exists ? get().views : [...get().views, view], activeId: view.id, minimised: false });
  },
  close: (id) => {
    const views = get().views;
    const index = views.findIndex((v) => v.id === id);
    if (index === -1) return;
    const remaining = views.filter((v) => v.id !== id);
    const activeId = get().activeId === id ? remaining[Math.min(index, remaining.length - 1)]?.id : get().activeId;
    set({ views: remaining, activeId });
  },
  activate: (id) => set({ activeId: id, minimised: false }),
  setMinimised: (minimised) => set({ minimised }),
  setHeight: (height) => {
    writePreference('workspace.height', height);
    set({ height });
  },
}));

export const openView = (view: WorkspaceView): void => useWorkspace.getState().open(view);
export const closeView = (id: string): void => useWorkspace.getState().close(id);

const POP_OUT_PREFIX = '#view=';

/** Our own page with the view in the hash; window.open(url) shows it alone in a new window. */
export function popOutUrl(view: WorkspaceView): string {
  return `${window.location.pathname}${window.location.search}${POP_OUT_PREFIX}${encodeURIComponent(JSON.stringify(view))}`;
}

/** The view a pop-out window should show, or undefined for the normal app. */
export function readPopOutRoute(hash: string): WorkspaceView | undefined {
  if (!hash.startsWith(POP_OUT_PREFIX)) return undefined;
  try {
    const value = JSON.parse(decodeURIComponent(hash.slice(POP_OUT_PREFIX.length))) as Partial<WorkspaceView>;
    if (typeof value.id !== 'string' || typeof value.kind !== 'string' || typeof value.title !== 'string') return undefined;
    return { id: value.id, kind: value.kind, title: value.title, props: value.props };
  } catch {
    return undefined;
  }
}
