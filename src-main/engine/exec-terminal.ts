// A terminal over a hijacked engine socket (exec start or container attach with stdin): keystrokes go in,
// output comes out as the bytes the socket read (xterm decodes the UTF-8), resizes are coalesced, and back-pressure pauses
// the socket (reads only: keystrokes, Ctrl+C included, still go through during a flood).
// When the output ends, the backend says how the process ended; when the consumer closes, it ends the process.
// Ctrl+C during a flood skips the stale backlog (exec-output-skip.ts).
import type { Duplex } from 'node:stream';
import type { StreamControl, StreamSink } from '../ipc/router';
import type { ExecChunk } from '../shared/contract/exec';
import { TERMINAL_HIGH_WATER_BYTES } from '../shared/protocol';
import { lfToCrlf, Utf8Boundary } from './exec-bytes';
import { StreamDemuxer } from './exec-demux';
import { classifyExecFailure, execFailureError, type ExecFailureContext } from './exec-failures';
import { DEFAULT_SKIP_OPTIONS, FloodMeter, isInterrupt, TailKeeper, type OutputSkipOptions } from './exec-output-skip';

export interface TerminalEnd {
  exitCode: number | null;
  reason?: string;
}

export interface TerminalBackend {
  /** Resizes the process's TTY; only called once the process started. */
  resize(cols: number, rows: number): Promise<void>;
  /** How the process ended, asked once its output stream ended. */
  ended(): Promise<TerminalEnd>;
  /** The consumer went away while the process still ran: end it (or, for attach, just let go). */
  terminate(): Promise<void>;
  /** Always runs last, however the session ended (removes a debug sidecar). */
  cleanup?(): Promise<void>;
}

export interface TerminalPipeOptions {
  /** A TTY stream is raw bytes; without a TTY the engine multiplexes stdout and stderr in frames. */
  tty: boolean;
  /** Input is accepted (attach to a process that does not read stdin is view-only). */
  writable?: boolean;
  cols?: number;
  rows?: number;
  /** Lets an exec that could not start (unknown user, missing shell) end with a clear error. */
  failureContext?: ExecFailureContext;
  log?: (message: string, err?: unknown) => void;
  /** Tuning of the backlog skip after Ctrl+C (tests); `false` turns it off. */
  skip?: Partial<OutputSkipOptions> | false;
}

interface Skipping {
  tail: TailKeeper;
  quietTimer?: ReturnType<typeof setTimeout>;
  maxTimer: ReturnType<typeof setTimeout>;
}

/** Longest input waits for the first size to reach the engine. */
const INPUT_BEFORE_SIZE_MAX_MS = 1000;

/** Output kept from the start of a session to recognise the engine's "could not start" text. */
const EARLY_OUTPUT_BYTES = 2048;

export class TerminalPipe implements StreamControl {
  /** Echoes of keystrokes must not wait for the batch window (P6). */
  readonly interactive = true;
  /** Room for the page to look ahead in a flood (TERMINAL_HIGH_WATER_BYTES). */
  readonly highWaterBytes = TERMINAL_HIGH_WATER_BYTES;
  /** Settles when the session is over and everything it started is cleaned up (for tests and shutdown). */
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private closedByConsumer = false;
  private over = false;
  private size: { cols: number; rows: number } | undefined;
  private appliedSize = '';
  private resizing = false;
  /**
   * Input typed before the first size reached the engine. The TTY starts at 0×0, so a command typed at once
   * (`stty size`, a pasted script, an editor) would see no size; it waits for the first resize (a few ms).
   */
  private inputBeforeSize: string[] | undefined;
  private finishing?: Promise<void>;
  private earlyOutput = '';
  /** Without a TTY, stdout and stderr frames interleave: each keeps its characters whole on its own. */
  private readonly boundaries = { stdout: new Utf8Boundary(), stderr: new Utf8Boundary() };
  private readonly demuxer?: StreamDemuxer;
  private readonly skipOptions?: OutputSkipOptions;
  private readonly floodMeter?: FloodMeter;
  private skipping?: Skipping;
  private pausedByConsumer = false;

  constructor(
    private readonly socket: Duplex,
    private readonly sink: StreamSink<ExecChunk>,
    private readonly backend: TerminalBackend,
    private readonly options: TerminalPipeOptions,
  ) {
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    if (!options.tty) this.demuxer = new StreamDemuxer((which, data) => this.outputFrame(which, data));
    // A TTY's output is one byte stream that can be cut at a line; multiplexed frames are left whole.
    else if (options.skip !== false) {
      this.skipOptions = { ...DEFAULT_SKIP_OPTIONS, ...options.skip };
      this.floodMeter = new FloodMeter(this.skipOptions);
    }
    socket.on('data', (chunk: Buffer) => {
      if (this.demuxer) this.demuxer.push(chunk);
      else if (this.skipping) this.skipped(chunk);
      else this.output(chunk);
    });
    socket.once('end', () => void this.outputEnded());
    socket.once('close', () => void this.outputEnded());
    socket.on('error', (err) => {
      this.log('terminal socket error', err);
      void this.outputEnded();
    });
    if (options.cols && options.rows) {
      this.inputBeforeSize = [];
      this.resize(options.cols, options.rows);
      // An engine that does not answer the resize must not keep the keys forever.
      setTimeout(() => this.releaseInputBeforeSize(), INPUT_BEFORE_SIZE_MAX_MS).unref();
    }
  }

  write(data: string): void {
    if (this.over || this.options.writable === false) return;
    if (this.inputBeforeSize) {
      this.inputBeforeSize.push(data);
      return;
    }
    this.socket.write(data);
    if (this.floodMeter && isInterrupt(data) && (this.pausedByConsumer || this.floodMeter.flooding())) this.startSkipping();
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    void this.applySize();
  }

  pause(): void {
    this.pausedByConsumer = true;
    // While skipping, the socket is drained regardless: what it reads is not sent on.
    if (!this.skipping) this.socket.pause();
  }

  resume(): void {
    this.pausedByConsumer = false;
    this.socket.resume();
  }

  close(): void {
    if (this.closedByConsumer) return;
    this.closedByConsumer = true;
    const wasOver = this.over;
    this.over = true;
    this.stopSkipping();
    this.socket.destroy();
    void this.finish(wasOver ? undefined : () => this.backend.terminate());
  }

  /** TTY output: the socket's bytes as they are (a UTF-8 character cut between reads is xterm's to join). */
  private output(data: Buffer): void {
    if (this.earlyOutput.length < EARLY_OUTPUT_BYTES) this.earlyOutput += data.toString('latin1').slice(0, EARLY_OUTPUT_BYTES);
    this.floodMeter?.record(data.length);
    if (data.length) this.sink.push(data, data.length);
  }

  /** A stdout or stderr frame without a TTY: whole characters only, and \r\n line ends. */
  private outputFrame(which: 'stdout' | 'stderr', data: Buffer): void {
    if (this.earlyOutput.length < EARLY_OUTPUT_BYTES) this.earlyOutput += data.toString('latin1').slice(0, EARLY_OUTPUT_BYTES);
    const whole = this.boundaries[which].push(data);
    // Flow control counts the engine's bytes, whatever the line-end fix adds.
    if (whole.length) this.sink.push(lfToCrlf(whole), whole.length);
  }

  /** An interrupt key during a flood: tell the page to drop what it holds, and drain the socket. */
  private startSkipping(): void {
    const options = this.skipOptions;
    if (this.skipping || !options || this.over) return;
    this.skipping = { tail: new TailKeeper(options.tailBytes), maxTimer: setTimeout(() => this.endSkipping(), options.maxSkipMs) };
    this.sink.push({ kind: 'skipping' }, 0);
    // If nothing more comes (the flood had just ended), the skip ends after the quiet spell all the same.
    this.skipping.quietTimer = setTimeout(() => this.endSkipping(), options.quietMs);
    this.socket.resume();
  }

  private skipped(data: Buffer): void {
    const skipping = this.skipping!;
    skipping.tail.add(data);
    if (skipping.quietTimer) clearTimeout(skipping.quietTimer);
    skipping.quietTimer = setTimeout(() => this.endSkipping(), this.skipOptions!.quietMs);
  }

  /** The flood is over (or would not stop): send its last lines and carry on as before. */
  private endSkipping(): void {
    const skipping = this.stopSkipping();
    if (!skipping || this.over) return;
    const tail = skipping.tail.take();
    // The tail starts at a line (a whole character); the page writes CAN first, which also drops any half
    // character xterm's decoder still held from before the cut.
    this.sink.push({ kind: 'skipped', bytes: skipping.tail.seen - tail.length }, 0);
    if (tail.length) this.output(tail);
    if (this.pausedByConsumer) this.socket.pause();
  }

  private stopSkipping(): Skipping | undefined {
    const skipping = this.skipping;
    if (!skipping) return undefined;
    this.skipping = undefined;
    clearTimeout(skipping.maxTimer);
    if (skipping.quietTimer) clearTimeout(skipping.quietTimer);
    return skipping;
  }

  /** One resize in flight at a time; a burst (dragging a splitter) ends with the latest size applied. */
  private async applySize(): Promise<void> {
    if (this.resizing || !this.size || this.over) return;
    const key = `${this.size.cols}x${this.size.rows}`;
    if (key === this.appliedSize) return;
    this.resizing = true;
    try {
      await this.backend.resize(this.size.cols, this.size.rows);
      this.appliedSize = key;
    } catch (err) {
      this.log('resize failed', err); // the process may just have exited; the end handler reports that
    } finally {
      this.resizing = false;
      this.releaseInputBeforeSize();
    }
    if (this.size && `${this.size.cols}x${this.size.rows}` !== this.appliedSize) void this.applySize();
  }

  private releaseInputBeforeSize(): void {
    const held = this.inputBeforeSize;
    this.inputBeforeSize = undefined;
    for (const data of held ?? []) this.write(data);
  }

  private async outputEnded(): Promise<void> {
    if (this.over) return;
    this.endSkipping();
    this.over = true;
    for (const boundary of Object.values(this.boundaries)) {
      const rest = boundary.end();
      if (rest.length) this.sink.push(rest, rest.length);
    }
    let end: TerminalEnd;
    try {
      end = await this.backend.ended();
    } catch (err) {
      this.log('could not learn how the session ended', err);
      end = { exitCode: null, reason: 'The engine did not say how the session ended.' };
    }
    const failure = this.options.failureContext && classifyExecFailure(this.earlyOutput, end.exitCode, this.options.failureContext);
    if (failure) this.sink.end(execFailureError(failure));
    else {
      this.sink.push({ kind: 'exited', exitCode: end.exitCode, ...(end.reason ? { reason: end.reason } : {}) }, 0);
      this.sink.end();
    }
    await this.finish();
  }

  private finish(terminate?: () => Promise<void>): Promise<void> {
    // Once: a consumer closing while the end is being reported must not clean up twice.
    this.finishing ??= this.runFinish(terminate);
    return this.finishing;
  }

  private async runFinish(terminate?: () => Promise<void>): Promise<void> {
    try {
      if (terminate) await terminate();
    } catch (err) {
      this.log('could not end the session’s process', err);
    }
    try {
      await this.backend.cleanup?.();
    } catch (err) {
      this.log('session cleanup failed', err);
    }
    this.resolveFinished();
  }

  private log(message: string, err?: unknown): void {
    this.options.log?.(message, err);
  }
}
