// The palette's own commands: go to a panel, run a container, retry the engine, switch engine, theme.
// Made by providers (not fixed entries) so their hints and availability follow the app's state.
import { Container, Layers, Monitor, Moon, Plus, RefreshCw, Server, Sun } from 'lucide-react';
import { openRunDialog } from '../../run/run-actions';
import { useBerth } from '../../store';
import type { PanelId, ThemePreference } from '../../store/ui-slice';
import { reconnectEngine } from '../shell/engine-actions';
import type { PaletteCommand } from './command-registry';

const panels: { id: PanelId; title: string; icon: PaletteCommand['icon'] }[] = [
  { id: 'containers', title: 'Go to Containers', icon: Container },
  { id: 'images', title: 'Go to Images', icon: Layers },
];

const themes: { value: ThemePreference; title: string; icon: PaletteCommand['icon'] }[] = [
  { value: 'light', title: 'Theme: Light', icon: Sun },
  { value: 'dark', title: 'Theme: Dark', icon: Moon },
  { value: 'system', title: 'Theme: System', icon: Monitor },
];

const state = () => useBerth.getState();

function selectedEngine() {
  const { selectedEngineId, engines } = state();
  return selectedEngineId ? engines[selectedEngineId] : undefined;
}

export function navigationCommands(): PaletteCommand[] {
  const current = state().panel;
  return panels.map((panel) => ({
    id: `go:${panel.id}`,
    title: panel.title,
    group: 'Navigation',
    keywords: ['panel', 'show', 'open'],
    icon: panel.icon,
    ...(panel.id === current ? { hint: 'current' } : {}),
    run: () => state().setPanel(panel.id),
  }));
}

export function actionCommands(): PaletteCommand[] {
  const engine = selectedEngine();
  if (!engine) return [];
  const commands: PaletteCommand[] = [];
  if (engine.state === 'connected') {
    commands.push({
      id: 'run:new',
      title: 'Run a container…',
      group: 'Actions',
      keywords: ['docker run', 'new', 'create'],
      icon: Plus,
      run: () => openRunDialog(engine.engineId),
    });
  } else {
    commands.push({
      id: 'engine:retry',
      title: 'Retry engine connection',
      group: 'Actions',
      keywords: ['reconnect', 'engine', 'docker'],
      hint: `${engine.name} is ${engine.state}`,
      icon: RefreshCw,
      run: () => void reconnectEngine(engine.engineId),
    });
  }
  return commands;
}

export function engineCommands(): PaletteCommand[] {
  const { engineOrder, engines, selectedEngineId } = state();
  if (engineOrder.length < 2) return [];
  return engineOrder
    .filter((id) => id !== selectedEngineId)
    .map((id) => ({
      id: `engine:select:${id}`,
      title: `Switch to engine ${engines[id].name}`,
      group: 'Engines',
      keywords: ['engine', 'docker host', engines[id].endpoint],
      hint: engines[id].state,
      icon: Server,
      run: () => state().selectEngine(id),
    }));
}

export function appearanceCommands(): PaletteCommand[] {
  const current = state().theme;
  return themes.map((theme) => ({
    id: `theme:${theme.value}`,
    title: theme.title,
    group: 'Appearance',
    keywords: ['appearance', 'colour', 'color', 'mode'],
    icon: theme.icon,
    ...(theme.value === current ? { hint: 'current' } : {}),
    run: () => state().setTheme(theme.value),
  }));
}
