// Turns log bytes (demuxed payload pieces, or a TTY's raw stream) into lines, as bytes: a line is handed
// out as a range of the bytes it came in (no copy, no decoding) when it lies within one piece — the
// common case — else assembled from its pieces. The engine's timestamp prefix is taken off and kept
// apart, stdout and stderr kept apart. Nothing is decoded here: the bytes go onto the wire as they are
// (log-pack.ts) and the page decodes a whole batch at once. A multi-byte character split across frames
// or reads is joined again simply by joining the bytes.
//
// Where the timestamp sits: the engine prefixes every *message* with "<RFC3339Nano> ". Multiplexed
// streams frame each message, and a long line is split into several messages (16 KiB each), so the
// prefix is at each frame start — sometimes mid-line, sometimes splitting a multi-byte character. It
// is therefore removed at the byte level. TTY streams have no frames; messages are lines there, so the
// prefix follows each newline.
import { STREAM_STDERR, STREAM_STDOUT } from './demux';

export type LineKind = 'o' | 'e';

/** A line: bytes [start, end) of `data` (UTF-8, no newline). The view is valid only during the call. */
export type LineHandler = (data: Buffer, start: number, end: number, kind: LineKind, ts: string) => void;

/** A line that never ends (a progress bar drawn with \r, binary output) is broken here, at a character boundary. */
export const MAX_LINE_BYTES = 64 * 1024;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

class KindState {
  /** Bytes of the line being assembled: partial[0, partialLength). */
  partial = Buffer.allocUnsafe(256);
  partialLength = 0;
  /** Timestamp of the frame (message) where the partial line began. */
  partialTs = '';
  /** Timestamp of the current frame. */
  frameTs = '';
  /** The next bytes are a timestamp prefix, up to a space. */
  expectTs = false;
  /** A timestamp prefix split across pieces. */
  tsSoFar = '';

  constructor(readonly kind: LineKind) {}

  append(data: Buffer, start: number, end: number): void {
    const need = this.partialLength + end - start;
    if (need > this.partial.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.partial.length * 2));
      this.partial.copy(grown, 0, 0, this.partialLength);
      this.partial = grown;
    }
    data.copy(this.partial, this.partialLength, start, end);
    this.partialLength = need;
  }
}

function indexOfByte(data: Buffer, byte: number, start: number, end: number): number {
  const at = data.indexOf(byte, start);
  return at === -1 || at >= end ? -1 : at;
}

/** Where to cut bytes [start, …) to at most `max` bytes without splitting a UTF-8 character. */
function cutAt(data: Buffer, start: number, max: number): number {
  let cut = start + max;
  // Back off over continuation bytes (10xxxxxx) to the start of the character they belong to.
  for (let back = 0; back < 3 && (data[cut] & 0xc0) === 0x80; back++) cut--;
  return (data[cut] & 0xc0) === 0x80 ? start + max : cut;
}

export interface LineAssemblerOptions {
  /** The engine was asked for timestamps (Berth always asks: it needs them to resume and merge). */
  timestamps: boolean;
  /** The container has a TTY: one raw stream, no frames. */
  tty: boolean;
}

export class LineAssembler {
  private readonly stdout = new KindState('o');
  private readonly stderr = new KindState('e');

  constructor(
    private readonly options: LineAssemblerOptions,
    private readonly onLine: LineHandler,
  ) {
    if (options.tty && options.timestamps) this.stdout.expectTs = true;
  }

  /** A piece of a demuxed frame's payload (see FrameDemuxer). */
  pushPiece(kind: number, data: Buffer, start: number, end: number, frameStart: boolean): void {
    const state = kind === STREAM_STDERR ? this.stderr : kind === STREAM_STDOUT ? this.stdout : undefined;
    if (!state) return;
    if (frameStart && this.options.timestamps) state.expectTs = true;
    this.consume(state, data, start, end);
  }

  /** Raw bytes of a TTY container's stream. */
  pushRaw(data: Buffer): void {
    this.consume(this.stdout, data, 0, data.length);
  }

  /** The stream ended: what is left of an unterminated line is a line too. */
  flush(): void {
    for (const state of [this.stdout, this.stderr]) {
      if (state.partialLength > 0) this.emit(state, state.partial, 0, state.partialLength, state.partialTs);
      state.partialLength = 0;
      state.expectTs = this.options.tty && this.options.timestamps;
      state.tsSoFar = '';
    }
  }

  private consume(state: KindState, data: Buffer, start: number, end: number): void {
    const perLine = this.options.tty && this.options.timestamps;
    while (start < end) {
      if (state.expectTs) {
        const space = indexOfByte(data, SPACE, start, end);
        if (space === -1) {
          state.tsSoFar += data.toString('latin1', start, end);
          return;
        }
        state.frameTs = state.tsSoFar + data.toString('latin1', start, space);
        state.tsSoFar = '';
        state.expectTs = false;
        start = space + 1;
        if (start >= end) return;
      }
      const newline = indexOfByte(data, NEWLINE, start, end);
      if (newline === -1) {
        this.hold(state, data, start, end);
        return;
      }
      if (state.partialLength === 0) {
        this.emit(state, data, start, newline, state.frameTs);
      } else {
        state.append(data, start, newline);
        this.emit(state, state.partial, 0, state.partialLength, state.partialTs);
        state.partialLength = 0;
      }
      start = newline + 1;
      if (perLine) state.expectTs = true;
    }
  }

  /** Keeps the start of a line whose end has not come; one that grew past the limit goes out in pieces. */
  private hold(state: KindState, data: Buffer, start: number, end: number): void {
    if (state.partialLength === 0) state.partialTs = state.frameTs;
    state.append(data, start, end);
    if (state.partialLength < MAX_LINE_BYTES) return;
    let from = 0;
    while (state.partialLength - from >= MAX_LINE_BYTES) {
      const cut = cutAt(state.partial, from, MAX_LINE_BYTES);
      this.onLine(state.partial, from, cut, state.kind, state.partialTs);
      from = cut;
    }
    state.partial.copy(state.partial, 0, from, state.partialLength);
    state.partialLength -= from;
  }

  private emit(state: KindState, data: Buffer, start: number, end: number, ts: string): void {
    // A line within one piece that is longer than the limit (a TTY's big read) goes out in pieces too.
    while (end - start > MAX_LINE_BYTES) {
      const cut = cutAt(data, start, MAX_LINE_BYTES);
      this.onLine(data, start, cut, state.kind, ts);
      start = cut;
    }
    // TTYs (and Windows programs) end lines with \r\n.
    this.onLine(data, start, end > start && data[end - 1] === CARRIAGE_RETURN ? end - 1 : end, state.kind, ts);
  }
}
