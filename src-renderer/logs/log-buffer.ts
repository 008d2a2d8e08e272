// The lines a log view keeps: a ring buffer of fixed capacity (default 100,000), outside React and
// outside zustand — a log can deliver tens of thousands of lines a second, and each must cost a few
// array writes, not a state update. Appending past capacity drops the oldest lines (counted, so the
// view can say so); "load earlier" prepends older lines, and when that overflows, the newest go (the
// view then is no longer at the live end, and says so).
//
// Lines are addressed by position: a number that stays with a line while others come and go. The
// oldest kept line is at `first`, the newest at `first + size - 1`; prepending makes positions below
// the old `first`, so positions can be negative.
import type { LogLineKind } from '../../src-main/shared/contract/logs';

export const DEFAULT_LOG_CAPACITY = 100_000;

export interface LogLineBatch {
  text: string[];
  kinds: string;
  ts: string[];
  src?: number[];
}

export class LogBuffer {
  private text: string[];
  private ts: string[];
  private kinds: Uint8Array;
  private src: Uint16Array;
  /** Ring index of the oldest kept line. */
  private head = 0;
  private count = 0;
  private firstPos = 0;
  /** Lines dropped from the old end since the view opened (or was cleared). */
  droppedOldest = 0;
  /** Lines dropped from the new end by "load earlier": the view is no longer at the live end. */
  droppedNewest = 0;
  /** The longest line kept so far, in characters (for the no-wrap scroll width). */
  longest = 0;

  constructor(private cap: number = DEFAULT_LOG_CAPACITY) {
    this.text = new Array<string>(cap);
    this.ts = new Array<string>(cap);
    this.kinds = new Uint8Array(cap);
    this.src = new Uint16Array(cap);
  }

  get capacity(): number {
    return this.cap;
  }

  get size(): number {
    return this.count;
  }

  /** Position of the oldest kept line. */
  get first(): number {
    return this.firstPos;
  }

  /** Position after the newest kept line. */
  get end(): number {
    return this.firstPos + this.count;
  }

  has(pos: number): boolean {
    return pos >= this.firstPos && pos < this.firstPos + this.count;
  }

  private index(pos: number): number {
    return (this.head + (pos - this.firstPos)) % this.cap;
  }

  textAt(pos: number): string {
    return this.text[this.index(pos)];
  }

  tsAt(pos: number): string {
    return this.ts[this.index(pos)];
  }

  kindAt(pos: number): LogLineKind {
    return String.fromCharCode(this.kinds[this.index(pos)]) as LogLineKind;
  }

  srcAt(pos: number): number {
    return this.src[this.index(pos)];
  }

  /** Appends newest lines; returns how many old ones had to go. */
  append(batch: LogLineBatch): number {
    const n = batch.text.length;
    let dropped = 0;
    // More than the capacity in one batch: only its newest lines can stay.
    const skip = Math.max(0, n - this.cap);
    if (skip > 0) {
      dropped += this.count + skip;
      this.firstPos += this.count + skip;
      this.head = 0;
      this.count = 0;
    }
    for (let i = skip; i < n; i++) {
      if (this.count === this.cap) {
        this.head = (this.head + 1) % this.cap;
        this.firstPos++;
        this.count--;
        dropped++;
      }
      const at = (this.head + this.count) % this.cap;
      const line = batch.text[i];
      this.text[at] = line;
      this.ts[at] = batch.ts[i];
      this.kinds[at] = batch.kinds.charCodeAt(i);
      this.src[at] = batch.src ? batch.src[i] : 0;
      if (line.length > this.longest) this.longest = line.length;
      this.count++;
    }
    this.droppedOldest += dropped;
    return dropped;
  }

  /** Prepends older lines (oldest first in the batch); returns how many of the newest had to go. */
  prepend(batch: LogLineBatch): number {
    const n = Math.min(batch.text.length, this.cap);
    const offset = batch.text.length - n; // a page bigger than the buffer keeps its newest lines
    let dropped = 0;
    for (let i = batch.text.length - 1; i >= offset; i--) {
      if (this.count === this.cap) {
        this.count--;
        dropped++;
      }
      this.head = (this.head - 1 + this.cap) % this.cap;
      this.firstPos--;
      this.count++;
      const line = batch.text[i];
      this.text[this.head] = line;
      this.ts[this.head] = batch.ts[i];
      this.kinds[this.head] = batch.kinds.charCodeAt(i);
      this.src[this.head] = batch.src ? batch.src[i] : 0;
      if (line.length > this.longest) this.longest = line.length;
    }
    this.droppedNewest += dropped;
    return dropped;
  }

  /** Empties the buffer; positions continue from where they were. */
  clear(): void {
    this.firstPos += this.count;
    this.head = 0;
    this.count = 0;
    this.text = new Array<string>(this.cap);
    this.ts = new Array<string>(this.cap);
    this.droppedOldest = 0;
    this.droppedNewest = 0;
    this.longest = 0;
  }

  /** Changes the capacity, keeping the newest lines that fit. */
  resize(capacity: number): void {
    if (capacity === this.cap) return;
    const keep = Math.min(this.count, capacity);
    const from = this.end - keep;
    const text = new Array<string>(capacity);
    const ts = new Array<string>(capacity);
    const kinds = new Uint8Array(capacity);
    const src = new Uint16Array(capacity);
    for (let i = 0; i < keep; i++) {
      const at = this.index(from + i);
      text[i] = this.text[at];
      ts[i] = this.ts[at];
      kinds[i] = this.kinds[at];
      src[i] = this.src[at];
    }
    this.droppedOldest += this.count - keep;
    this.text = text;
    this.ts = ts;
    this.kinds = kinds;
    this.src = src;
    this.cap = capacity;
    this.head = 0;
    this.firstPos = from;
    this.count = keep;
  }
}
