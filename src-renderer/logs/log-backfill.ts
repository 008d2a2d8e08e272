// The first screen of a log, fast: a view asking for the last 1,000 lines opens its live stream with only
// the last FIRST_SCREEN_LINES — the lines the screen shows, which arrive in a few ms — and fetches the
// whole tail beside it, without following. When both have spoken, the tail's lines stored before the
// live stream's first line go in above it. The seam is found by the line itself (time, stream and text),
// not by comparing times: the engine stores stdout and stderr as it reads each, so times are not in order
// across the two, and the view must show the engine's order — the order `docker logs` prints.
import type { StreamHandle, StreamHandlers } from '../ipc/client';
import type { LogChunk } from '../../src-main/shared/contract/logs';
import { unpackLogChunks } from '../../src-main/shared/log-pack';
import type { LogLineBatch } from './log-buffer';

export const FIRST_SCREEN_LINES = 100;

export interface FirstLine {
  ts: string;
  kind: string;
  text: string;
}

export class Backfill {
  private readonly lines: LogLineBatch = { text: [], kinds: '', ts: [] };
  private fetched = false;
  /** The live stream's first line; null once it ended with none; undefined until then. */
  private liveFirst: FirstLine | null | undefined;
  private handle?: StreamHandle;
  private closed = false;

  constructor(
    open: (handlers: StreamHandlers<LogChunk>) => StreamHandle,
    private readonly onReady: (older: LogLineBatch) => void,
    private readonly onError: (message: string) => void,
  ) {
    const handle = open({
      onData: (chunks, bytes) => {
        for (const chunk of unpackLogChunks(chunks)) {
          if (chunk.t !== 'lines') continue;
          this.lines.text.push(...chunk.text);
          this.lines.kinds += chunk.kinds;
          this.lines.ts.push(...chunk.ts);
        }
        handle.ack(bytes);
      },
      onEnd: (error) => {
        this.handle = undefined;
        if (this.closed) return;
        if (error) {
          this.closed = true;
          this.onError(error.message);
          return;
        }
        this.fetched = true;
        this.apply();
      },
    });
    this.handle = handle;
    handle.opened.catch((error: Error) => {
      if (this.closed) return;
      this.closed = true;
      this.onError(error.message);
    });
  }

  /** The live stream's first lines arrived, starting with this one. */
  liveStarted(first: FirstLine): void {
    if (this.liveFirst !== undefined) return;
    this.liveFirst = first;
    this.apply();
  }

  /** The live stream ended without a line. */
  liveEnded(): void {
    if (this.liveFirst !== undefined) return;
    this.liveFirst = null;
    this.apply();
  }

  close(): void {
    this.closed = true;
    this.handle?.close();
    this.handle = undefined;
  }

  private apply(): void {
    if (this.closed || !this.fetched || this.liveFirst === undefined) return;
    this.closed = true;
    const first = this.liveFirst;
    let keep = this.lines.text.length;
    if (first !== null) {
      // Where the live stream begins within the tail; not there (the log moved on by more than the
      // tail between the two requests) → the tail holds nothing older to add.
      keep = -1;
      for (let i = this.lines.text.length - 1; i >= 0; i--) {
        if (this.lines.ts[i] === first.ts && this.lines.text[i] === first.text && this.lines.kinds[i] === first.kind) {
          keep = i;
          break;
        }
      }
    }
    if (keep <= 0) return;
    this.onReady({
      text: this.lines.text.slice(0, keep),
      kinds: this.lines.kinds.slice(0, keep),
      ts: this.lines.ts.slice(0, keep),
    });
  }
}
