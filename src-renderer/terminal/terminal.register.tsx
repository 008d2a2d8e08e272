// Plugs the terminal into the app: a workspace view kind, a row/header action on every container, and
// the details pane's "Exec" tab. Loaded by main.tsx with every other *.register file.
import { Bug, SquareTerminal } from 'lucide-react';
import { registerContainerAction, registerDetailsTab } from '../panels/containers/extensions';
import { useBerth } from '../store';
import { registerCommandProvider } from '../ui/palette/command-registry';
import { registerViewKind } from '../ui/workspace';
import { ExecTab } from './ExecTab';
import { openTerminal, TERMINAL_VIEW_KIND } from './open-terminal';
import { defaultTerminalOptions, type TerminalViewProps } from './terminal-options';
import { TerminalView } from './TerminalView';

registerViewKind<TerminalViewProps>(TERMINAL_VIEW_KIND, TerminalView);

registerContainerAction({
  id: 'terminal',
  label: 'Terminal',
  icon: SquareTerminal,
  isEnabled: (container) => container.state === 'running',
  run: (container) => openTerminal({ engineId: container.engineId, id: container.id, name: container.name }),
});

registerDetailsTab({ id: 'exec', label: 'Exec', render: (container) => <ExecTab container={container} /> });

// "Open terminal in …" is among the palette's container commands; the debug shell is added here.
registerCommandProvider('terminal-debug', () => {
  const { selectedEngineId, containers, engines } = useBerth.getState();
  if (!selectedEngineId || engines[selectedEngineId]?.state !== 'connected') return [];
  return Object.values(containers[selectedEngineId]?.byId ?? {})
    .filter((c) => c.state === 'running')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => ({
      id: `debug-shell:${c.id}`,
      title: `Debug shell in ${c.name}`,
      group: 'Containers',
      keywords: ['exec', 'sidecar', 'distroless', 'scratch', 'no shell', c.image],
      hint: c.image,
      icon: Bug,
      run: () => openTerminal({ engineId: c.engineId, id: c.id, name: c.name }, defaultTerminalOptions('debug')),
    }));
});
