// Holding xterm's drawing during a flood (see flood-render-pacer.ts). xterm has the mechanism itself —
// synchronized output (DECSET 2026): while a program sets it, rows are not drawn, and resetting it draws
// them — but no public way for the embedder to set it, and it does not cover the work xterm does on every
// scroll besides drawing rows (the selection layer redrawn whole, the scrollbar and the input textarea
// moved). So this reaches into xterm's internals, pinned to the exact version in package.json: if any of
// them is missing (another xterm), there is no hold and the terminal simply draws every frame, as before.
// While held, the buffer's scroll event (fired for every line a flood scrolls, and fanned out by xterm to a
// chain of listeners that, held, have nothing left to do) fires once, at release, with where the buffer is
// then: every listener takes it as "the position changed", so one event stands for all of them.
// e2e/terminal.spec.ts checks the hold exists with the xterm we ship.
import type { Terminal } from '@xterm/xterm';
import type { RenderHold } from './flood-render-pacer';

/** The parts of xterm 6's CoreBrowserTerminal used here. */
interface XtermCore {
  coreService?: { decPrivateModes?: { synchronizedOutput?: boolean } };
  _selectionService?: Record<string, unknown>;
  _viewport?: Record<string, unknown>;
  _syncTextArea?: () => void;
  _bufferService?: { _onScroll?: Record<string, unknown>; buffer?: { ydisp?: number } };
}

/** Per-scroll work put off while held: [object, method] pairs, each called once on release. */
type Deferred = [Record<string, unknown>, string];

export function xtermRenderHold(term: Terminal): RenderHold | undefined {
  const core = (term as unknown as { _core?: XtermCore })._core;
  const modes = core?.coreService?.decPrivateModes;
  if (!core || !modes || typeof modes.synchronizedOutput !== 'boolean') return undefined;
  const deferrable: Deferred[] = [];
  const add = (target: Record<string, unknown> | undefined, method: string) => {
    // A method of the class (not the object's own): an own no-op shadows it while held, deleting it restores it.
    if (target && typeof target[method] === 'function' && !Object.hasOwn(target, method)) deferrable.push([target, method]);
  };
  add(core._selectionService, 'refresh');
  add(core._viewport, 'queueSync');
  add(core._viewport, '_sync');
  add(core as unknown as Record<string, unknown>, '_syncTextArea');
  if (deferrable.length !== 4) return undefined;
  const bufferService = core._bufferService;
  const scrollEvent = bufferService?._onScroll;
  if (!bufferService || !scrollEvent || typeof scrollEvent.fire !== 'function' || Object.hasOwn(scrollEvent, 'fire')) return undefined;

  const skip = () => undefined;
  const selection = core._selectionService;
  let scrolled = false;
  let selectedWhenHeld = false;
  const noteScroll = () => {
    scrolled = true;
  };
  return {
    hold() {
      // The program synchronizes its own output: its frames are its business.
      if (modes.synchronizedOutput) return false;
      modes.synchronizedOutput = true;
      selectedWhenHeld = term.hasSelection();
      for (const [target, method] of deferrable) target[method] = skip;
      scrollEvent.fire = noteScroll;
      return true;
    },
    release() {
      // With nothing selected before or now, the selection layer has nothing to redraw (a few ms a frame,
      // since xterm redraws it whole): its refresh stays off through the release's own scroll event.
      const selectionIdle = !selectedWhenHeld && !term.hasSelection();
      const resumed = deferrable.filter(([target]) => !(selectionIdle && target === selection));
      for (const [target, method] of resumed) delete target[method];
      delete scrollEvent.fire;
      modes.synchronizedOutput = false;
      if (scrolled) (scrollEvent.fire as (position: number) => void).call(scrollEvent, bufferService.buffer?.ydisp ?? 0);
      scrolled = false;
      for (const [target, method] of resumed) (target[method] as () => void).call(target);
      for (const [target, method] of deferrable) delete target[method];
      term.refresh(0, term.rows - 1);
    },
  };
}
