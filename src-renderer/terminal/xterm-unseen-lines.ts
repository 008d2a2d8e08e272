// When xterm is in a state where lines of plain text scroll out of its scrollback one LF at a time, and
// how many LFs that takes (see unseen-lines.ts). It must be the normal screen (the alternate one keeps no
// scrollback), with the scroll region the whole screen (inside a smaller region, lines scroll away without
// reaching the scrollback, and the rows outside it stay), and the view following the output (someone
// scrolled up is reading). The scroll region is not in xterm's public API: this reads xterm 6's internals
// (pinned in package.json); without them nothing is ever skipped.

/** What of xterm's Terminal this needs (the browser's and @xterm/headless's alike). */
export interface TerminalLike {
  readonly rows: number;
  readonly options: { readonly scrollback?: number };
  readonly buffer: { readonly active: { readonly type: string; readonly viewportY: number; readonly baseY: number } };
}

/** Rows the screen may grow by while the output after a cut is still being parsed. */
const RESIZE_MARGIN_ROWS = 200;

interface ScrollRegion {
  scrollTop?: number;
  scrollBottom?: number;
}

export function xtermLinesKept(term: TerminalLike): (() => number | undefined) | undefined {
  const bufferService = (term as unknown as { _core?: { _bufferService?: { buffer?: ScrollRegion } } })._core?._bufferService;
  if (typeof bufferService?.buffer?.scrollTop !== 'number' || typeof bufferService.buffer.scrollBottom !== 'number') return undefined;
  return () => {
    const active = term.buffer.active;
    if (active.type !== 'normal' || active.viewportY !== active.baseY) return undefined;
    const region = bufferService.buffer!;
    if (region.scrollTop !== 0 || region.scrollBottom !== term.rows - 1) return undefined;
    // The rows a span touched are out once the screen has scrolled by all it holds: up to a screen's worth
    // of LFs may only move the cursor down to the last row, then every kept row must be new. The margin
    // covers the screen growing (a resize) between the cut and xterm parsing what follows it.
    return (term.options.scrollback ?? 1000) + 2 * term.rows + RESIZE_MARGIN_ROWS;
  };
}
