// Turns log bytes (demuxed payload pieces, or a TTY's raw stream) into lines: UTF-8 decoded across
// chunk and frame boundaries (one StringDecoder per stream kind), the engine's timestamp prefix taken
// off and kept apart, stdout and stderr kept apart.
//
// Where the timestamp sits: the engine prefixes every *message* with "<RFC3339Nano> ". Multiplexed
// streams frame each message, and a long line is split into several messages (16 KiB each), so the
// prefix is at each frame start — sometimes mid-line, sometimes splitting a multi-byte character. It
// is therefore removed at the byte level, before decoding. TTY streams have no frames; messages are
// lines there, so the prefix follows each newline.
import { StringDecoder } from 'node:string_decoder';
import { STREAM_STDERR, STREAM_STDOUT } from './demux';

export type LineKind = 'o' | 'e';

export type LineHandler = (text: string, kind: LineKind, ts: string) => void;

/** A line that never ends (a progress bar drawn with \r, binary output) is broken here. */
export const MAX_LINE_CHARS = 64 * 1024;

const SPACE = 0x20;
const NEWLINE = 0x0a;

class KindState {
  readonly decoder = new StringDecoder('utf8');
  /** Text of the line being assembled. */
  partial = '';
  /** Timestamp of the frame (message) where the partial line began. */
  partialTs = '';
  /** Timestamp of the current frame. */
  frameTs = '';
  /** The next bytes are a timestamp prefix, up to a space. */
  expectTs = false;
  /** A timestamp prefix split across pieces. */
  tsSoFar = '';
  /** The decoder holds no bytes of an unfinished character (the last byte it saw was ASCII). */
  decoderClean = true;

  constructor(readonly kind: LineKind) {}
}

function indexOfByte(data: Buffer, byte: number, start: number, end: number): number {
  const at = data.indexOf(byte, start);
  return at === -1 || at >= end ? -1 : at;
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
      const rest = state.decoder.end();
      state.decoderClean = true;
      if (rest) this.text(state, rest);
      if (state.partial) this.emit(state, state.partial, state.partialTs);
      state.partial = '';
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
      if (perLine) {
        const newline = indexOfByte(data, NEWLINE, start, end);
        const stop = newline === -1 ? end : newline + 1;
        this.decode(state, data, start, stop);
        if (newline !== -1) state.expectTs = true;
        start = stop;
      } else {
        // The common case: a frame is one whole line. Decode just that line, skipping the decoder.
        if (state.decoderClean && !state.partial && end - start < MAX_LINE_CHARS && data.indexOf(NEWLINE, start) === end - 1) {
          this.emit(state, data.toString('utf8', start, end - 1), state.frameTs);
          return;
        }
        this.decode(state, data, start, end);
        return;
      }
    }
  }

  private decode(state: KindState, data: Buffer, start: number, end: number): void {
    this.text(state, state.decoder.write(data.subarray(start, end)));
    state.decoderClean = data[end - 1] < 0x80;
  }

  private text(state: KindState, text: string): void {
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      if (newline === -1) {
        if (from < text.length) {
          if (!state.partial) state.partialTs = state.frameTs;
          state.partial += text.slice(from);
          while (state.partial.length >= MAX_LINE_CHARS) {
            // Never cut a surrogate pair in half.
            const high = state.partial.charCodeAt(MAX_LINE_CHARS - 1);
            const cut = high >= 0xd800 && high <= 0xdbff ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
            this.emit(state, state.partial.slice(0, cut), state.partialTs);
            state.partial = state.partial.slice(cut);
          }
        }
        return;
      }
      if (state.partial) {
        this.emit(state, state.partial + text.slice(from, newline), state.partialTs);
        state.partial = '';
      } else {
        this.emit(state, text.slice(from, newline), state.frameTs);
      }
      from = newline + 1;
    }
  }

  private emit(state: KindState, line: string, ts: string): void {
    // TTYs (and Windows programs) end lines with \r\n.
    this.onLine(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, state.kind, ts);
  }
}
