// Ctrl+C during a flood (`yes`, a runaway `cat`): the process stops at once, but megabytes it already
// printed sit in the engine, the kernel and the way to the page, and the prompt would only show once all of
// it was drawn. Like mosh, a terminal then skips the stale backlog: main reads the socket as fast as it
// can, forwards nothing but the last few KB (cut at a line start), and says how much it skipped.

/** Keys that interrupt the foreground process: Ctrl+C (ETX) and Ctrl+\ (FS). */
const INTERRUPT_KEYS = ['\x03', '\x1c'];

export interface OutputSkipOptions {
  /** Output of at least this many bytes in the last `floodWindowMs` counts as a flood. */
  floodBytes: number;
  floodWindowMs: number;
  /** The flood is over once the socket stays quiet this long... */
  quietMs: number;
  /** ...or after this long in any case (a program that ignores the interrupt keeps printing). */
  maxSkipMs: number;
  /** How much of the output's end is kept (then cut at a line start). */
  tailBytes: number;
}

export const DEFAULT_SKIP_OPTIONS: OutputSkipOptions = {
  floodBytes: 256 * 1024,
  floodWindowMs: 250,
  quietMs: 20,
  maxSkipMs: 1500,
  tailBytes: 4096,
};

export function isInterrupt(data: string): boolean {
  return INTERRUPT_KEYS.some((key) => data.includes(key));
}

/** Output bytes in the current and the previous window: a cheap sliding estimate of the recent rate. */
export class FloodMeter {
  private windowStart = 0;
  private current = 0;
  private previous = 0;

  constructor(
    private readonly options: Pick<OutputSkipOptions, 'floodBytes' | 'floodWindowMs'> = DEFAULT_SKIP_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {}

  record(bytes: number): void {
    this.roll();
    this.current += bytes;
  }

  flooding(): boolean {
    this.roll();
    return this.current + this.previous >= this.options.floodBytes;
  }

  private roll(): void {
    const now = this.now();
    const elapsed = now - this.windowStart;
    if (elapsed < this.options.floodWindowMs) return;
    this.previous = elapsed < 2 * this.options.floodWindowMs ? this.current : 0;
    this.current = 0;
    this.windowStart = now;
  }
}

/** Keeps the last `limit` bytes of what it is given, and how much it saw in all. */
export class TailKeeper {
  private parts: Buffer[] = [];
  private kept = 0;
  seen = 0;

  constructor(private readonly limit: number) {}

  add(data: Buffer): void {
    this.seen += data.length;
    this.parts.push(data);
    this.kept += data.length;
    // Drop whole parts from the front while the rest still covers the limit.
    while (this.parts.length > 1 && this.kept - this.parts[0].length >= this.limit) this.kept -= this.parts.shift()!.length;
  }

  /**
   * The kept end, starting after its first line break so it never begins inside a line, an escape
   * sequence or a UTF-8 character (with no line break at all: the last `limit` bytes as they are).
   */
  take(): Buffer {
    const all = Buffer.concat(this.parts).subarray(-this.limit);
    this.parts = [];
    this.kept = 0;
    const lineBreak = all.indexOf(0x0a);
    return lineBreak === -1 ? all : all.subarray(lineBreak + 1);
  }
}
