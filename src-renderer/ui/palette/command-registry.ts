// The command palette's commands. Features add fixed ones at module load, and providers that make
// commands from live state (one per container, per image…), evaluated each time the palette looks:
//
//   registerCommand({ id: 'run.new', title: 'Run a container…', group: 'Actions', keywords: ['docker run'],
//                     run: () => openRunDialog(engineId), isEnabled: () => !!engineId });
//   registerCommandProvider('containers', () => containers.map((c) => ({ id: `stop:${c.id}`, … })));
//
// Commands whose isEnabled() is false are left out. Registering an id again replaces the earlier entry.
// `usePaletteCommands(active)` gives the current list and keeps it current while `active` is true.
import type { LucideIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useBerth } from '../../store';

export interface PaletteCommand {
  id: string;
  title: string;
  /** Heading the command is listed under. */
  group: string;
  /** Other words it should be found by ("exec", "shell" for a terminal). */
  keywords?: readonly string[];
  /** Shown on the right, e.g. "current" or a container's state. */
  hint?: string;
  icon?: LucideIcon;
  isEnabled?(): boolean;
  run(): void;
}

export type CommandProvider = () => readonly PaletteCommand[];

let commands: readonly PaletteCommand[] = [];
let providers: readonly { id: string; provide: CommandProvider }[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function registerCommand(command: PaletteCommand): () => void {
  commands = [...commands.filter((c) => c.id !== command.id), command];
  changed();
  return () => {
    commands = commands.filter((c) => c !== command);
    changed();
  };
}

export function registerCommandProvider(id: string, provide: CommandProvider): () => void {
  const entry = { id, provide };
  providers = [...providers.filter((p) => p.id !== id), entry];
  changed();
  return () => {
    providers = providers.filter((p) => p !== entry);
    changed();
  };
}

/** Every enabled command right now: fixed ones first, then each provider's, in registration order. */
export function currentCommands(): PaletteCommand[] {
  const all = [...commands, ...providers.flatMap((p) => p.provide())];
  return all.filter((command) => {
    try {
      return command.isEnabled?.() ?? true;
    } catch {
      return false; // a provider's stale command must not break the palette
    }
  });
}

/**
 * The commands, recomputed while `active` whenever the registry or the app's state changes (a
 * container starting turns its "Start" into "Stop"). Inactive, it costs nothing.
 */
export function usePaletteCommands(active: boolean): PaletteCommand[] {
  const [list, setList] = useState<PaletteCommand[]>(() => (active ? currentCommands() : []));
  useEffect(() => {
    if (!active) return;
    let scheduled = false;
    const refresh = () => {
      if (scheduled) return;
      scheduled = true;
      // Coalesce bursts of store updates (event storms) into one recompute per frame.
      requestAnimationFrame(() => {
        scheduled = false;
        setList(currentCommands());
      });
    };
    setList(currentCommands());
    listeners.add(refresh);
    const unsubscribe = useBerth.subscribe(refresh);
    return () => {
      listeners.delete(refresh);
      unsubscribe();
    };
  }, [active]);
  return list;
}
