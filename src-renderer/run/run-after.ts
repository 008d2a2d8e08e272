// After a successful run: say so, and show the container the way its mode asks — a terminal for -it
// (when the terminal feature is there), its logs for attached output (when logs are there).
import type { RunResult } from '../../src-main/shared/contract/run';
import type { RunSpec } from '../../src-main/shared/run';
import { logsViewFor, LOGS_VIEW_KIND } from '../logs/logs-views';
import { useBerth } from '../store';
import { openTerminal, TERMINAL_VIEW_KIND } from '../terminal/open-terminal';
import { defaultTerminalOptions } from '../terminal/terminal-options';
import { openView, viewComponent } from '../ui/workspace';

export function afterRun(engineId: string, spec: RunSpec, result: RunResult): void {
  const name = result.name || result.id.slice(0, 12);
  const toast = useBerth.getState().pushToast;
  if (!result.running) {
    toast('success', spec.autoRemove ? `${name} ran and was removed (--rm).` : `${name} ran and exited.`);
  } else {
    toast('success', `${name} is running.`);
  }
  const target = { engineId, id: result.id, name };
  if (spec.interactive && spec.tty && !spec.detach && result.running && viewComponent(TERMINAL_VIEW_KIND)) {
    openTerminal(target, defaultTerminalOptions('attach'), { newTab: true });
  } else if (!spec.detach && !spec.interactive && !spec.autoRemove && viewComponent(LOGS_VIEW_KIND)) {
    openView(logsViewFor(engineId, [{ id: result.id }], name));
  }
}
