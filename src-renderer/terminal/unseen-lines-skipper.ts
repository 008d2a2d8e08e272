// The output queue's side of skipping unseen lines (unseen-lines.ts): when to look, and cutting the span out
// of the queued batches.
//
// Lines can only be skipped if the queue holds more than a scrollback's worth of lines ahead of xterm. It
// rarely does on its own: the page reads the WebSocket only between xterm's parse slices, and the browser
// sends no more than the page reads, so during a flood what arrives goes straight to xterm. So while a flood
// of plain text streams in, the queue lets xterm run dry for a moment (at most LOOKAHEAD_WAIT_MS, and only
// while output keeps arriving) to gather a look-ahead. The page then reads at full speed, and what it need
// not parse, it skips. Nothing is drawn during a flood but every 100 ms anyway (flood-render-pacer.ts).
import { concatBytes, TERMINAL_HIGH_WATER_BYTES } from '../../src-main/shared/protocol';
import { lookForUnseenSpan } from './unseen-lines';

/** A queued batch of output: its bytes may be cut; what it acknowledges is not the skipper's business. */
export interface QueuedOutput {
  data?: Uint8Array;
}

/** Below this much queued output, a scan is not worth it. */
const MIN_LOOKAHEAD_BYTES = 64 * 1024;
/**
 * Enough to look past 5,000 lines of ~400 bytes (2 MB). No more than main sends unacknowledged once it
 * resumes (half its high water): waiting for more than that would wait for output that cannot come.
 */
const LOOKAHEAD_BYTES = TERMINAL_HIGH_WATER_BYTES / 2;
/** Longest xterm is left without output to gather a look-ahead. */
const LOOKAHEAD_WAIT_MS = 25;
/** Output counts as still streaming in if a batch came this recently. */
const STREAMING_MS = 10;
/** After an interrupt key, no waiting for this long: the prompt that follows shows at once. */
const AFTER_INTERRUPT_MS = 1000;

export class UnseenLinesSkipper {
  /** Output bytes cut so far. */
  skipped = 0;
  private lastArrival = -Infinity;
  private waitingSince: number | undefined;
  /** The last look found plain text (or there was none yet): waiting for a look-ahead may pay. */
  private plainSoFar = true;
  private noWaitUntil = -Infinity;

  constructor(
    /** How many LFs push a line out of xterm's scrollback, or undefined when nothing may be skipped now. */
    private readonly linesKept: () => number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A batch of output arrived. */
  arrived(): void {
    this.lastArrival = this.now();
  }

  /** An interrupt key (Ctrl+C) was typed. */
  interrupted(): void {
    this.noWaitUntil = this.now() + AFTER_INTERRUPT_MS;
    this.waitingSince = undefined;
  }

  /**
   * xterm has parsed all it was given and a flood is on: how long to hold off feeding it, to let the
   * look-ahead fill (0: feed it now).
   */
  waitForLookahead(queued: readonly QueuedOutput[]): number {
    const now = this.now();
    const streaming = now - this.lastArrival < STREAMING_MS;
    if (!this.plainSoFar || !streaming || now < this.noWaitUntil || leadingOutputBytes(queued).bytes >= LOOKAHEAD_BYTES || this.linesKept() === undefined) {
      this.waitingSince = undefined;
      return 0;
    }
    this.waitingSince ??= now;
    const left = this.waitingSince + LOOKAHEAD_WAIT_MS - now;
    if (left <= 0) this.waitingSince = undefined;
    return Math.max(0, left);
  }

  /** Cuts, in place, the lines that the rest of the queued output pushes out of the scrollback; true if any. */
  skip(queued: readonly QueuedOutput[]): boolean {
    this.waitingSince = undefined;
    const { count, bytes } = leadingOutputBytes(queued);
    if (bytes < MIN_LOOKAHEAD_BYTES) return false;
    const linesKept = this.linesKept();
    if (linesKept === undefined) return false;
    const outputs = queued.slice(0, count);
    const { span, plainToEnd } = lookForUnseenSpan(
      outputs.map((entry) => entry.data!),
      linesKept,
    );
    this.plainSoFar = span !== undefined || plainToEnd;
    if (!span) return false;
    let start = 0;
    for (const entry of outputs) {
      const data = entry.data!;
      const end = start + data.length;
      if (end > span.from && start < span.to) {
        const head = span.from > start ? data.subarray(0, span.from - start) : undefined;
        const tail = span.to < end ? data.subarray(span.to - start) : undefined;
        entry.data = head && tail ? concatBytes([head, tail]) : (head ?? tail);
      }
      start = end;
    }
    this.skipped += span.to - span.from;
    return true;
  }
}

/** The run of output batches at the head of the queue (up to the first notice) and its size. */
function leadingOutputBytes(queued: readonly QueuedOutput[]): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  while (count < queued.length && queued[count].data) bytes += queued[count++].data!.length;
  return { count, bytes };
}
