// Output on its way into xterm. Batches from main are queued here and handed to xterm only while xterm holds
// less than a bound, so what is still queued can be dropped: when main says it skips a flood's backlog after
// Ctrl+C (`skipping`), everything queued before that goes at once instead of being drawn for seconds.
// Between the key and main's answer the queue holds (feeds xterm nothing), so the page is free to take in
// what is still on its way — to be dropped too — instead of drawing it.
// Each batch is acknowledged once xterm has parsed it (or it was dropped): main's flow control counts on it.
// When more plain text is queued than xterm keeps, the lines the rest would push out of its scrollback are
// not handed to it at all (unseen-lines-skipper.ts): xterm ends in the same state, a flood goes by faster.
import type { ExecChunk, ExecNotice } from '../../src-main/shared/contract/exec';
import { concatBytes } from '../../src-main/shared/protocol';
import { UnseenLinesSkipper } from './unseen-lines-skipper';

export interface OutputTarget {
  /** term.write of output bytes (xterm decodes the UTF-8): `parsed` runs once xterm has parsed them. */
  write(data: Uint8Array, parsed: () => void): void;
  /** A notice in its place between the outputs (the output before it is written, not necessarily parsed). */
  notice(notice: ExecNotice): void;
  ack(bytes: number): void;
  /**
   * How many LFs of plain text push a line out of xterm's scrollback, or undefined while xterm is in a state
   * where skipping lines would change what it shows (xterm-unseen-lines.ts). Absent: nothing is skipped.
   */
  linesKept?(): number | undefined;
  /** Told how output flows, to draw floods a few times a second (flood-render-pacer.ts). */
  pacer?: {
    writing(flooding: boolean): void;
    drained(): void;
    interrupted(): void;
  };
}

interface Entry {
  data?: Uint8Array;
  notice?: ExecNotice;
  /** The batch's byte count rides on its last entry, acknowledged once that entry is parsed. */
  bytes: number;
}

/** Bytes handed to xterm and not yet parsed: a few ms of parsing, enough to keep it busy. */
const XTERM_PENDING_LIMIT = 128 * 1024;
/** After lines were skipped, xterm may be handed this much at once (a few ms of parsing more on Ctrl+C). */
const TAIL_HANDOVER_BYTES = 512 * 1024;
/** Output of at least this much over the last ~250–500 ms is a flood (as main counts it). */
const FLOOD_BYTES = 256 * 1024;
const FLOOD_WINDOW_MS = 250;
/** How long to hold for main's `skipping` after an interrupt key; main did not skip if none came. */
const HOLD_MS = 400;
/** An empty write: its callback acknowledges bytes that rode on a notice, in order with the output. */
const NOTHING = new Uint8Array(0);

export class TerminalOutputQueue {
  private queue: Entry[] = [];
  private inXterm = 0;
  private disposed = false;
  /** Bytes dropped after `skipping` notices since the last take. */
  private dropped = 0;
  private readonly skipper: UnseenLinesSkipper | undefined;
  private lookaheadTimer: ReturnType<typeof setTimeout> | undefined;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly recent = { windowStart: 0, current: 0, previous: 0 };

  private pumpScheduled = false;

  constructor(
    private readonly target: OutputTarget,
    private readonly pendingLimit = XTERM_PENDING_LIMIT,
    /** Runs the next hand-over after a parse (a task of its own in the page; tests pass a direct call). */
    private readonly nextTask: (task: () => void) => void = inFreshTask,
  ) {
    const linesKept = target.linesKept?.bind(target);
    this.skipper = linesKept ? new UnseenLinesSkipper(linesKept) : undefined;
  }

  /** Output bytes never handed to xterm because no one could have seen them (unseen-lines.ts). */
  get skippedUnseen(): number {
    return this.skipper?.skipped ?? 0;
  }

  /** One batch from main, in order. A run of output becomes one xterm write (far cheaper than one per chunk). */
  push(chunks: ExecChunk[], bytes: number): void {
    if (this.disposed) return;
    this.count(bytes);
    this.skipper?.arrived();
    let run: Uint8Array[] = [];
    for (const chunk of chunks) {
      if (chunk instanceof Uint8Array) {
        run.push(chunk);
        continue;
      }
      if (run.length) this.queue.push({ data: joined(run), bytes: 0 });
      run = [];
      if (chunk.kind === 'skipping') {
        this.dropQueued();
        this.release();
      }
      else this.queue.push({ notice: chunk, bytes: 0 });
    }
    if (run.length) this.queue.push({ data: joined(run), bytes: 0 });
    const last = this.queue[this.queue.length - 1];
    if (last) last.bytes += bytes;
    else if (bytes) this.target.ack(bytes);
    this.pump();
  }

  /** What `skipping` notices dropped here since the last call (the page's share of a skip). */
  takeDropped(): number {
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }

  /**
   * An interrupt key was typed: if output floods, stop feeding xterm until main answers with `skipping`
   * (or, if it does not skip, for a moment at most).
   */
  interrupted(): void {
    if (this.disposed) return;
    this.target.pacer?.interrupted();
    this.skipper?.interrupted();
    if (this.holdTimer || !this.flooding()) return;
    this.holdTimer = setTimeout(() => this.release(), HOLD_MS);
  }

  dispose(): void {
    this.disposed = true;
    this.queue = [];
    clearTimeout(this.holdTimer);
    clearTimeout(this.lookaheadTimer);
  }

  private release(): void {
    if (!this.holdTimer) return;
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    this.pump();
  }

  private count(bytes: number): void {
    this.flooding(); // rolls the window
    this.recent.current += bytes;
  }

  private flooding(): boolean {
    const now = performance.now();
    const recent = this.recent;
    const elapsed = now - recent.windowStart;
    if (elapsed >= FLOOD_WINDOW_MS) {
      recent.previous = elapsed < 2 * FLOOD_WINDOW_MS ? recent.current : 0;
      recent.current = 0;
      recent.windowStart = now;
    }
    return this.floodingRecently() || this.queue.length > 0;
  }

  /** At least FLOOD_BYTES arrived over the last ~250–500 ms. */
  private floodingRecently(): boolean {
    return this.recent.current + this.recent.previous >= FLOOD_BYTES;
  }

  private dropQueued(): void {
    let bytes = 0;
    for (const entry of this.queue) {
      this.dropped += entry.data?.length ?? 0;
      bytes += entry.bytes;
    }
    this.queue = [];
    if (bytes) this.target.ack(bytes);
  }

  /** Hands xterm more once the current task is over (see inFreshTask); one scheduled hand-over at a time. */
  private pumpSoon(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    this.nextTask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.disposed || this.holdTimer) return;
    let limit = this.pendingLimit;
    // Only once xterm has parsed all it was given: its state is then the state the queue starts from.
    if (this.inXterm === 0 && this.skipper && this.queue.length > 0) {
      const wait = this.floodingRecently() ? this.skipper.waitForLookahead(this.queue) : 0;
      if (wait > 0) {
        this.lookaheadTimer ??= setTimeout(() => {
          this.lookaheadTimer = undefined;
          this.pump();
        }, wait);
        return;
      }
      // After a cut, what is left is the look-ahead's tail: handed over in one go, it is parsed in one run
      // and the next look scans only what came meanwhile.
      if (this.skipper.skip(this.queue)) limit = Math.max(limit, TAIL_HANDOVER_BYTES);
    }
    while (!this.disposed && !this.holdTimer && this.queue.length > 0 && this.inXterm < limit) {
      const entry = this.queue.shift()!;
      if (entry.notice) this.target.notice(entry.notice);
      if (!entry.data && !entry.bytes) continue;
      const length = entry.data?.length ?? 0;
      if (length) this.target.pacer?.writing(this.flooding());
      this.inXterm += length;
      this.target.write(entry.data ?? NOTHING, () => {
        this.inXterm -= length;
        if (this.disposed) return;
        if (entry.bytes) this.target.ack(entry.bytes);
        // Refill once xterm has parsed all it holds, from a task of our own (see inFreshTask).
        if (this.inXterm !== 0) return;
        if (this.queue.length > 0) this.pumpSoon();
        else this.target.pacer?.drained();
      });
    }
  }
}

/**
 * A task of its own (a MessageChannel message, not a timer). xterm parses in 12 ms slices and continues with
 * setTimeout(0) from its own timer task; refilled from inside its parsed callback, a flood keeps that chain
 * of timers going, and Chromium clamps timers nested more than 5 deep to 4 ms — an idle wait after every
 * slice. Refilled from a fresh task once xterm's buffer is empty, xterm's next timer starts a new chain.
 */
function inFreshTask(task: () => void): void {
  freshTasks.push(task);
  if (freshTasks.length === 1) taskChannel().postMessage(null);
}

const freshTasks: (() => void)[] = [];
let channel: MessagePort | undefined;

function taskChannel(): MessagePort {
  if (!channel) {
    const pair = new MessageChannel();
    pair.port1.onmessage = () => {
      for (const task of freshTasks.splice(0)) task();
    };
    channel = pair.port2;
  }
  return channel;
}

/** One array for a run of output (the WebSocket frame already joins a batch's run: usually just that one). */
function joined(run: Uint8Array[]): Uint8Array {
  return run.length === 1 ? run[0] : concatBytes(run);
}
