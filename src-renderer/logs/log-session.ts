// One open log view's data: the stream from main, the ring buffer and its search/filter index, pause
// and "load earlier". Lives outside React: chunks go straight into the buffer and are acknowledged at
// once (the buffer is bounded, so acknowledging never lets memory grow); React hears about it at most
// once per animation frame, through subscribe().
import type { StreamHandle, StreamHandlers } from '../ipc/client';
import type { StreamOpen } from '../../src-main/shared/contract';
import type { LogChunk, LogSourceInfo, LogStreamState } from '../../src-main/shared/contract/logs';
import { unpackLogChunks, type UnpackedLogChunk } from '../../src-main/shared/log-pack';
import { Backfill, FIRST_SCREEN_LINES } from './log-backfill';
import { DEFAULT_LOG_CAPACITY, LogBuffer, type LogLineBatch } from './log-buffer';
import { LogIndex, type LogFilter } from './log-index';

export type OpenLogStream = (payload: StreamOpen<'logs.open'>, handlers: StreamHandlers<LogChunk>) => StreamHandle;

export interface LogTarget {
  engineId: string;
  containers: { id: string; label?: string }[];
}

export interface LogOpenOptions {
  tail: number | 'all';
  since: string;
  until: string;
  follow: boolean;
}

export const DEFAULT_OPEN_OPTIONS: LogOpenOptions = { tail: 1000, since: '', until: '', follow: true };

export type LogSessionStatus = 'opening' | LogStreamState | 'error';

/** Fastest the rows repaint while lines pour in (~30 per second). */
const NOTIFY_INTERVAL_MS = 30;
/**
 * Faster streams repaint less often: each repaint (render, layout, paint, raster) costs the same whatever
 * it shows, and beyond reading speed those frames only take the CPU that receiving the lines needs. A
 * busy stream (over 10,000 lines a second) repaints ~20 times a second; a flood — a backlog drained as
 * fast as the engine sends it — ~10 times.
 */
const RAPID_LINES_PER_SECOND = 10_000;
const RAPID_INTERVAL_MS = 50;
const FLOOD_LINES_PER_SECOND = 60_000;
const FLOOD_INTERVAL_MS = 100;

/** The wait between repaints for lines arriving at this rate. */
export function repaintInterval(linesPerSecond: number): number {
  if (linesPerSecond > FLOOD_LINES_PER_SECOND) return FLOOD_INTERVAL_MS;
  if (linesPerSecond > RAPID_LINES_PER_SECOND) return RAPID_INTERVAL_MS;
  return NOTIFY_INTERVAL_MS;
}

/** Acknowledge the live stream's data in bunches of at least this many bytes (or with each repaint). */
const ACK_BYTES = 64 * 1024;

/** How many lines one "load earlier" asks for. */
export const EARLIER_PAGE = 5000;

export class LogSession {
  readonly buffer: LogBuffer;
  readonly index: LogIndex;
  options: LogOpenOptions;
  status: LogSessionStatus = 'opening';
  statusMessage?: string;
  error?: string;
  sources: LogSourceInfo[] = [];
  /** The view holds still; lines keep arriving and are counted. */
  paused = false;
  arrivedWhilePaused = 0;
  /** Newest lines not kept because "load earlier" filled the buffer from the old end. */
  missedNewer = 0;
  /** Older lines of a "tail all" that main counted instead of sending (part of buffer.droppedOldest). */
  private olderNotSent = 0;
  earlier: 'idle' | 'loading' | 'start-reached' | 'error' = 'idle';
  earlierError?: string;
  /** Bumped when the view should jump to the newest line (resume, reopen). */
  jumpToEndRequest = 0;
  /** Bumped after lines were added above the first kept one, so the view can hold its place. */
  prependedLines = 0;
  /** Changes once per frame with any change: React's snapshot. */
  version = 0;

  private handle?: StreamHandle;
  /** Bytes of the live stream taken but not yet acknowledged (acks go out in bunches, see acknowledge). */
  private unacked = 0;
  private backfill?: Backfill;
  private earlierHandle?: StreamHandle;
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  private frame = 0;
  /** Lines taken since the last repaint, and the wait before the next one (longer in a flood). */
  private linesSinceNotify = 0;
  private interval = NOTIFY_INTERVAL_MS;
  private timer?: ReturnType<typeof setTimeout>;
  private lastNotify = -Infinity;
  /** Whether the last repaint had lines: until it does, the first lines are the first screen. */
  private shownLines = false;
  private microtask = false;
  private disposed = false;

  constructor(
    private readonly openStream: OpenLogStream,
    readonly target: LogTarget,
    options: LogOpenOptions = DEFAULT_OPEN_OPTIONS,
    capacity = DEFAULT_LOG_CAPACITY,
  ) {
    this.options = options;
    this.buffer = new LogBuffer(capacity);
    this.index = new LogIndex(this.buffer);
  }

  get multiSource(): boolean {
    return this.target.containers.length > 1;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /**
   * What the view around the lines shows (status, pause, notices, match count) as one comparable value:
   * the toolbars and notices re-render when it changes, not with every batch of lines.
   */
  getShape = (): string =>
    [
      this.status,
      this.statusMessage ?? '',
      this.error ?? '',
      this.sources.length,
      this.paused,
      this.earlier,
      this.earlierError ?? '',
      this.buffer.size > 0,
      this.buffer.droppedOldest > 0,
      this.buffer.droppedNewest > 0,
      this.index.hasQuery ? this.index.matchCount : -1,
      this.options.follow,
    ].join('|');

  /** (Re)opens the stream with these options: the view starts afresh. */
  open(options: LogOpenOptions = this.options): void {
    this.closeStreams();
    const generation = ++this.generation;
    this.options = options;
    this.buffer.clear();
    this.index.update();
    this.status = 'opening';
    this.statusMessage = undefined;
    this.error = undefined;
    this.paused = false;
    this.arrivedWhilePaused = 0;
    this.missedNewer = 0;
    this.earlier = 'idle';
    this.earlierError = undefined;
    this.jumpToEndRequest++;
    const range = {
      ...(options.since.trim() ? { since: options.since.trim() } : {}),
      ...(options.until.trim() ? { until: options.until.trim() } : {}),
    };
    const target = { engineId: this.target.engineId, containers: this.target.containers };
    // A single container's tail that the buffer holds: first screen first, the rest beside it.
    let split =
      !this.multiSource && typeof options.tail === 'number' && options.tail > FIRST_SCREEN_LINES && options.tail <= this.buffer.capacity;
    // The rest of the tail is asked for once the first screen is in, so the engine serves that first.
    // Only for a first screen that came from the log as it was: if the stream first reports a stopped
    // container, or starts with a restart marker, its lines are a new run's and the tail adds nothing.
    const startBackfill = () => {
      if (!split || this.backfill || generation !== this.generation) return;
      this.backfill = new Backfill(
        (handlers) => this.openStream({ ...target, tail: options.tail, ...range, follow: false }, handlers),
        (older) => {
          if (generation !== this.generation) return;
          this.buffer.prepend(older);
          this.prependedLines++;
          this.changed();
        },
        (message) => {
          if (generation !== this.generation) return;
          this.earlier = 'error';
          this.earlierError = message;
          this.changed();
        },
      );
    };
    // The whole log: only what the buffer keeps is sent; main counts the older lines ("older" chunks).
    const keep = options.tail === 'all' ? { keep: this.buffer.capacity } : {};
    this.olderNotSent = 0;
    const handle = this.openStream(
      { ...target, tail: split ? FIRST_SCREEN_LINES : options.tail, ...range, follow: options.follow, ...keep },
      {
        onData: (packed, bytes) => {
          if (generation !== this.generation) return;
          const chunks = unpackLogChunks(packed);
          for (const chunk of chunks) {
            if (this.backfill || !split) break;
            if (chunk.t === 'state' && chunk.state === 'waiting') split = false;
            else if (chunk.t === 'lines' && chunk.text.length > 0) {
              if (chunk.kinds[0] === 'm') split = false;
              else startBackfill();
            }
          }
          let urgent = false;
          for (const chunk of chunks) {
            this.take(chunk);
            if (chunk.t !== 'lines') urgent = true;
          }
          this.acknowledge(handle, bytes);
          this.changed(urgent);
        },
        onEnd: (error) => {
          if (generation !== this.generation) return;
          this.handle = undefined;
          if (!error) startBackfill();
          this.backfill?.liveEnded();
          if (error) {
            this.status = 'error';
            this.error = error.message;
          } else if (this.status === 'opening' || this.status === 'streaming' || this.status === 'waiting') {
            this.status = 'ended';
          }
          this.changed(true);
        },
      },
    );
    this.handle = handle;
    handle.opened.catch((error: Error) => {
      if (generation !== this.generation) return;
      this.handle = undefined;
      this.status = 'error';
      this.error = error.message;
      this.changed();
    });
    this.changed();
  }

  /**
   * The lines are in the (bounded) buffer, so they can be acknowledged at once — but one message per
   * batch back to main is wasted work at tens of thousands of lines a second. Acks go out once 64 KB
   * are owed (main pauses the engine only past 512 KB), and the rest with the next repaint.
   */
  private acknowledge(handle: StreamHandle, bytes: number): void {
    this.unacked += bytes;
    if (this.unacked >= ACK_BYTES) this.flushAck();
  }

  private flushAck(): void {
    if (this.unacked > 0) this.handle?.ack(this.unacked);
    this.unacked = 0;
  }

  private take(chunk: UnpackedLogChunk<LogChunk>): void {
    if (chunk.t === 'lines') {
      const count = chunk.text.length;
      if (count > 0) this.backfill?.liveStarted({ ts: chunk.ts[0], kind: chunk.kinds[0], text: chunk.text[0] });
      if (this.buffer.droppedNewest > 0) {
        this.missedNewer += count;
        return;
      }
      this.buffer.append(chunk);
      this.linesSinceNotify += count;
      if (this.paused) this.arrivedWhilePaused += count;
    } else if (chunk.t === 'older') {
      // Lines before the first kept one that were never sent: to the view they are lines that left it.
      this.buffer.droppedOldest += chunk.lines - this.olderNotSent;
      this.olderNotSent = chunk.lines;
    } else if (chunk.t === 'state') {
      this.status = chunk.state;
      this.statusMessage = chunk.message;
    } else {
      this.sources = chunk.sources;
    }
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.arrivedWhilePaused = 0;
    this.changed();
  }

  /** Back to the live end: if "load earlier" pushed newer lines out, that means reopening. */
  resume(): void {
    if (this.buffer.droppedNewest > 0) {
      this.open();
      return;
    }
    this.paused = false;
    this.arrivedWhilePaused = 0;
    this.jumpToEndRequest++;
    this.changed();
  }

  clear(): void {
    this.backfill?.close();
    this.buffer.clear();
    this.missedNewer = 0;
    this.earlier = 'idle';
    this.changed();
  }

  setCapacity(capacity: number): void {
    this.buffer.resize(capacity);
    this.changed();
  }

  setFilter(filter: LogFilter): void {
    this.index.setFilter(filter);
    this.changed();
  }

  /** Pages in the EARLIER_PAGE lines before the oldest kept one, from the engine. */
  loadEarlier(): void {
    if (this.earlier === 'loading' || this.buffer.size === 0) return;
    const before = this.oldestTimestamp();
    if (!before) return;
    const generation = this.generation;
    const page: LogLineBatch = { text: [], kinds: '', ts: [], src: this.multiSource ? [] : undefined };
    this.earlier = 'loading';
    this.earlierError = undefined;
    const handle = this.openStream(
      {
        engineId: this.target.engineId,
        containers: this.target.containers,
        tail: EARLIER_PAGE,
        before,
        ...(this.options.since.trim() ? { since: this.options.since.trim() } : {}),
        follow: false,
      },
      {
        onData: (chunks, bytes) => {
          for (const chunk of unpackLogChunks(chunks)) {
            if (chunk.t !== 'lines') continue;
            page.text.push(...chunk.text);
            page.kinds += chunk.kinds;
            page.ts.push(...chunk.ts);
            if (page.src && chunk.src) page.src.push(...chunk.src);
          }
          handle.ack(bytes);
        },
        onEnd: (error) => {
          if (generation !== this.generation) return;
          this.earlierHandle = undefined;
          if (error) {
            this.earlier = 'error';
            this.earlierError = error.message;
          } else if (page.text.length === 0) {
            this.earlier = 'start-reached';
          } else {
            this.buffer.prepend(page);
            this.prependedLines++;
            this.earlier = page.text.length < EARLIER_PAGE ? 'start-reached' : 'idle';
            if (this.buffer.droppedNewest > 0) this.paused = true;
          }
          this.changed();
        },
      },
    );
    this.earlierHandle = handle;
    handle.opened.catch((error: Error) => {
      if (generation !== this.generation) return;
      this.earlier = 'error';
      this.earlierError = error.message;
      this.changed();
    });
    this.changed();
  }

  private oldestTimestamp(): string | undefined {
    for (let pos = this.buffer.first; pos < this.buffer.end; pos++) {
      const ts = this.buffer.tsAt(pos);
      if (ts) return ts;
    }
    return undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.closeStreams();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  private closeStreams(): void {
    this.unacked = 0;
    this.backfill?.close();
    this.backfill = undefined;
    this.handle?.close();
    this.handle = undefined;
    this.earlierHandle?.close();
    this.earlierHandle = undefined;
  }

  /**
   * Coalesces changes into one notification per animation frame — at most one per NOTIFY_INTERVAL_MS:
   * under a flood, repainting the rows 60 times a second costs as much CPU as receiving the lines and
   * shows nothing anyone can read; a trickle still appears within a frame or two. Within the interval it
   * waits on a timer, then asks for one frame: polling every frame would make the page produce a frame
   * (style, layout, commit) 60 times a second for nothing.
   */
  private changed(urgent = false): void {
    if (this.disposed || this.microtask) return;
    // The first lines of a view (or of a reopen) are the first screen: they never wait out the interval
    // that an earlier repaint (the view opening, a state) started.
    if (!this.shownLines && this.buffer.size > 0) urgent = true;
    if (urgent && (this.frame || this.timer)) {
      // A state change (stopped, ended, removed) shows at once; it also carries the lines before it.
      if (this.frame) cancelAnimationFrame(this.frame);
      if (this.timer) clearTimeout(this.timer);
      this.frame = 0;
      this.timer = undefined;
    }
    if (this.frame || this.timer) return;
    const notify = (now: number) => {
      const elapsed = now - this.lastNotify;
      this.interval = elapsed > 0 && elapsed < 1000 ? repaintInterval((this.linesSinceNotify * 1000) / elapsed) : NOTIFY_INTERVAL_MS;
      this.linesSinceNotify = 0;
      this.lastNotify = now;
      this.shownLines = this.buffer.size > 0;
      this.flushAck();
      this.index.update();
      this.version++;
      for (const listener of this.listeners) listener();
    };
    // Not shown anything for a while: show this before the next paint (the first screen of a log, a
    // line of a slow one) instead of waiting a frame for it. Within the interval, wait for a frame.
    const since = performance.now() - this.lastNotify;
    if (urgent || since >= this.interval) {
      this.microtask = true;
      queueMicrotask(() => {
        this.microtask = false;
        if (!this.disposed) notify(performance.now());
      });
      return;
    }
    const onFrame = (now: number) => {
      this.frame = 0;
      if (!this.disposed) notify(now);
    };
    // A frame is ~16 ms away: a wait shorter than that is the frame's own.
    const wait = this.interval - since - 16;
    if (wait <= 0) {
      this.frame = requestAnimationFrame(onFrame);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) this.frame = requestAnimationFrame(onFrame);
    }, wait);
  }
}
