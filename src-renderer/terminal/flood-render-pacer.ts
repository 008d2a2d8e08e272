// While output floods the terminal, draw it a few times a second instead of on every frame. Nobody reads a
// flood line by line, and drawing is what the page spent most of its time on: every frame xterm redrew all
// rows (twice: once for the new lines, once for the selection layer, even with nothing selected), moved the
// scrollbar and the input textarea, and each of those DOM writes cost a style + layout + paint + a hover
// update — more than parsing the output. Held, xterm keeps parsing at full speed and draws the screen as it
// is at each release. Interactive output (typing, a prompt) never floods, so it is never held.
//
// The hold itself (what "not drawing" means inside xterm) is a RenderHold: see xterm-render-hold.ts.

export interface RenderHold {
  /** Stops drawing; false when it cannot (the program holds drawing itself, or xterm lacks the hooks). */
  hold(): boolean;
  /** Draws the screen as it is now and goes back to drawing every frame. */
  release(): void;
}

export interface PacerTimers {
  set(run: () => void, ms: number): number;
  clear(id: number): void;
  now(): number;
}

export interface PacerOptions {
  /** Longest a flood goes undrawn: the frame interval while flooding. */
  frameMs: number;
  /** After everything queued was parsed, how long output may pause before the flood counts as over. */
  settleMs: number;
  /** After an interrupt key, no holding for this long: the prompt that follows shows at once. */
  afterInterruptMs: number;
}

export const DEFAULT_PACING: PacerOptions = { frameMs: 100, settleMs: 40, afterInterruptMs: 1000 };

const browserTimers: PacerTimers = {
  set: (run, ms) => window.setTimeout(run, ms),
  clear: (id) => window.clearTimeout(id),
  now: () => performance.now(),
};

export class FloodRenderPacer {
  private held = false;
  private frameTimer: number | undefined;
  private settleTimer: number | undefined;
  private noHoldUntil = 0;
  private disposed = false;

  constructor(
    private readonly renderHold: RenderHold,
    private readonly options: PacerOptions = DEFAULT_PACING,
    private readonly timers: PacerTimers = browserTimers,
  ) {}

  /** Output is about to go to xterm; `flooding` says whether it is part of a flood. */
  writing(flooding: boolean): void {
    if (this.disposed) return;
    this.cancelSettle();
    if (!flooding || this.held || this.timers.now() < this.noHoldUntil) return;
    if (!this.renderHold.hold()) return;
    this.held = true;
    this.frameTimer = this.timers.set(() => {
      this.frameTimer = undefined;
      this.release();
    }, this.options.frameMs);
  }

  /** xterm parsed everything it was given and nothing is queued: if no more comes soon, draw now. */
  drained(): void {
    if (!this.held || this.settleTimer !== undefined) return;
    this.settleTimer = this.timers.set(() => {
      this.settleTimer = undefined;
      this.release();
    }, this.options.settleMs);
  }

  /** An interrupt key (Ctrl+C): draw now, and show what follows as it comes. */
  interrupted(): void {
    this.noHoldUntil = this.timers.now() + this.options.afterInterruptMs;
    this.release();
  }

  get holding(): boolean {
    return this.held;
  }

  dispose(): void {
    this.release();
    this.disposed = true;
  }

  private release(): void {
    this.cancelSettle();
    if (this.frameTimer !== undefined) this.timers.clear(this.frameTimer);
    this.frameTimer = undefined;
    if (!this.held) return;
    this.held = false;
    this.renderHold.release();
  }

  private cancelSettle(): void {
    if (this.settleTimer !== undefined) this.timers.clear(this.settleTimer);
    this.settleTimer = undefined;
  }
}
