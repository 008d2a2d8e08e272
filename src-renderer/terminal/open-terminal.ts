// Opening terminal tabs in the workspace. The row action focuses the container's open terminal if there is
// one (a second click should not spawn shells); "New tab" always opens another session.
import { openView, useWorkspace, type WorkspaceView } from '../ui/workspace';
import { defaultTerminalOptions, terminalTitle, type TerminalOptions, type TerminalViewProps } from './terminal-options';

export const TERMINAL_VIEW_KIND = 'terminal';

export interface TerminalTarget {
  engineId: string;
  id: string;
  name: string;
}

let opened = 0;

function terminalsOf(target: TerminalTarget, mode: TerminalOptions['mode']): WorkspaceView<TerminalViewProps>[] {
  return (useWorkspace.getState().views as WorkspaceView<TerminalViewProps>[]).filter(
    (v) =>
      v.kind === TERMINAL_VIEW_KIND &&
      v.props.engineId === target.engineId &&
      v.props.containerId === target.id &&
      v.props.options.mode === mode,
  );
}

export function openTerminal(
  target: TerminalTarget,
  options: TerminalOptions = defaultTerminalOptions(),
  { newTab = false }: { newTab?: boolean } = {},
): void {
  const existing = terminalsOf(target, options.mode);
  if (!newTab && existing.length > 0) {
    useWorkspace.getState().activate(existing[0].id);
    return;
  }
  opened += 1;
  openView({
    id: `terminal:${target.engineId}:${target.id}:${Date.now().toString(36)}${opened}`,
    title: terminalTitle(target.name, options.mode, existing.length + 1),
    kind: TERMINAL_VIEW_KIND,
    props: { engineId: target.engineId, containerId: target.id, containerName: target.name, options } satisfies TerminalViewProps,
  });
}
