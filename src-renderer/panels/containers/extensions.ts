// Extension points of the Containers panel, for features that live elsewhere (logs, terminal, …):
//
//   registerContainerAction({
//     id: 'logs', label: 'Logs', icon: ScrollText,
//     isEnabled: (c) => c.state !== 'created',
//     run: (c) => openView({ id: `logs:${c.engineId}:${c.id}`, title: `Logs · ${c.name}`, kind: 'logs', props: { … } }),
//   });
//   registerDetailsTab({ id: 'stats', label: 'Stats', render: (c) => <StatsTab container={c} /> });
//
// Actions appear as icon buttons on every row (accessible name "<label> <container name>", e.g.
// "Logs web-1") — or, with `inRowMenu`, as items of the row's "More actions for <name>" menu, so a row
// keeps a handful of icons — and in the details pane header's "More" menu. Tabs appear after the built-in ones in the
// details pane. Project actions appear as labelled buttons on a compose project's group header row
// (accessible name from `describe`, e.g. "Show logs of compose project shop"); they get every container
// of the project on that engine, not only the ones the filter shows. Register at module load from a `*.register.ts(x)` file: main.tsx imports all of them
// before the first render. Registering the same id again replaces the earlier entry.
import type { LucideIcon } from 'lucide-react';
import { useSyncExternalStore, type ReactNode } from 'react';
import type { ContainerSummary } from '../../../src-main/shared/dto';

export interface ContainerActionExtension {
  id: string;
  label: string;
  icon: LucideIcon;
  /** Disabled (not hidden) when false, e.g. a terminal for a stopped container. */
  isEnabled(container: ContainerSummary): boolean;
  run(container: ContainerSummary): void;
  /** Listed in the row's "More actions" menu instead of as an icon of its own (for the less used ones). */
  inRowMenu?: boolean;
}

export interface DetailsTabExtension {
  id: string;
  label: string;
  /** Rendered while the tab is selected; the container is the live summary from the store. */
  render(container: ContainerSummary): ReactNode;
}

/** Every container of one compose project on one engine, as a project action receives it. */
export interface ComposeProjectRef {
  engineId: string;
  name: string;
  containers: ContainerSummary[];
}

export interface ProjectActionExtension {
  id: string;
  /** Short visible label, e.g. "Logs". */
  label: string;
  icon: LucideIcon;
  /** The button's accessible name for a project, e.g. "Show logs of compose project shop". */
  describe(project: string): string;
  run(project: ComposeProjectRef): void;
}

let actions: readonly ContainerActionExtension[] = [];
let projectActions: readonly ProjectActionExtension[] = [];
let tabs: readonly DetailsTabExtension[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerContainerAction(action: ContainerActionExtension): () => void {
  actions = [...actions.filter((a) => a.id !== action.id), action];
  changed();
  return () => {
    actions = actions.filter((a) => a !== action);
    changed();
  };
}

export function registerProjectAction(action: ProjectActionExtension): () => void {
  projectActions = [...projectActions.filter((a) => a.id !== action.id), action];
  changed();
  return () => {
    projectActions = projectActions.filter((a) => a !== action);
    changed();
  };
}

export function registerDetailsTab(tab: DetailsTabExtension): () => void {
  tabs = [...tabs.filter((t) => t.id !== tab.id), tab];
  changed();
  return () => {
    tabs = tabs.filter((t) => t !== tab);
    changed();
  };
}

export function useContainerActionExtensions(): readonly ContainerActionExtension[] {
  return useSyncExternalStore(subscribe, () => actions);
}

export function useProjectActionExtensions(): readonly ProjectActionExtension[] {
  return useSyncExternalStore(subscribe, () => projectActions);
}

export function useDetailsTabExtensions(): readonly DetailsTabExtension[] {
  return useSyncExternalStore(subscribe, () => tabs);
}
