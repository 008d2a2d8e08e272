// Plugs the command palette in: Ctrl/⌘+K anywhere (except inside a terminal, where the shell owns the
// keys — the sidebar button still works there), and the palette's own commands in the order their
// groups are listed. Loaded by main.tsx with every other *.register file.
import { actionCommands, appearanceCommands, engineCommands, navigationCommands } from './builtin-commands';
import { registerCommandProvider } from './command-registry';
import { togglePalette } from './palette-root';
import { containerCommands, imageCommands } from './resource-commands';

registerCommandProvider('actions', actionCommands);
registerCommandProvider('navigation', navigationCommands);
registerCommandProvider('containers', containerCommands);
registerCommandProvider('images', imageCommands);
registerCommandProvider('engines', engineCommands);
registerCommandProvider('appearance', appearanceCommands);

window.addEventListener(
  'keydown',
  (event) => {
    if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (event.target instanceof Element && event.target.closest('.xterm')) return;
    event.preventDefault();
    togglePalette();
  },
  // Capture: the shortcut works wherever focus is, even in a control that handles its own keys.
  { capture: true },
);
