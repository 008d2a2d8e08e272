// Plugs the terminal into the app: a workspace view kind, a row/header action on every container, and
// the details pane's "Exec" tab. Loaded by main.tsx with every other *.register file.
import { SquareTerminal } from 'lucide-react';
import { registerContainerAction, registerDetailsTab } from '../panels/containers/extensions';
import { registerViewKind } from '../ui/workspace';
import { ExecTab } from './ExecTab';
import { openTerminal, TERMINAL_VIEW_KIND } from './open-terminal';
import type { TerminalViewProps } from './terminal-options';
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
