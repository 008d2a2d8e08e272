// The engine's multiplexed stream format (non-TTY logs and attach): frames of an 8-byte header —
// [kind, 0, 0, 0, size as uint32 big-endian] — then `size` bytes of payload. kind 1 is stdout,
// 2 stderr, 3 an error the engine hit while streaming.
//
// docker-modem's demuxStream concatenates every chunk onto what is left and copies each frame out;
// on chunks holding hundreds of frames that is quadratic-ish and allocation-bound. This parser walks
// each chunk by offset and hands out (buffer, start, end) views of the payload: no copy at all. A
// header split across chunks is kept in an 8-byte scratch buffer; a payload split across chunks is
// handed out piece by piece, flagged so consumers know where frames start.

export const STREAM_STDIN = 0;
export const STREAM_STDOUT = 1;
export const STREAM_STDERR = 2;
export const STREAM_SYSTEM_ERROR = 3;

/**
 * One piece of a frame's payload: bytes [start, end) of `data`. `frameStart` is true for the first
 * piece of a frame, `frameEnd` for its last (both, when the frame lies within one chunk).
 * The view is only valid during the call unless the consumer keeps a reference to `data`.
 */
export type PayloadHandler = (
  kind: number,
  data: Buffer,
  start: number,
  end: number,
  frameStart: boolean,
  frameEnd: boolean,
) => void;

export class FrameDemuxer {
  private readonly header = Buffer.alloc(8);
  private headerFill = 0;
  /** Payload bytes of the current frame still to come. */
  private remaining = 0;
  private kind = 0;

  constructor(private readonly onPayload: PayloadHandler) {}

  /** True when the stream stopped in the middle of a frame (header or payload). */
  get midFrame(): boolean {
    return this.headerFill > 0 || this.remaining > 0;
  }

  push(chunk: Buffer): void {
    const length = chunk.length;
    let offset = 0;
    while (offset < length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, length - offset);
        this.remaining -= take;
        this.onPayload(this.kind, chunk, offset, offset + take, false, this.remaining === 0);
        offset += take;
        continue;
      }

      let size: number;
      if (this.headerFill === 0 && length - offset >= 8) {
        this.kind = chunk[offset];
        size = chunk.readUInt32BE(offset + 4);
        offset += 8;
      } else {
        const take = Math.min(8 - this.headerFill, length - offset);
        chunk.copy(this.header, this.headerFill, offset, offset + take);
        this.headerFill += take;
        offset += take;
        if (this.headerFill < 8) return;
        this.headerFill = 0;
        this.kind = this.header[0];
        size = this.header.readUInt32BE(4);
      }

      if (size === 0) continue;
      const take = Math.min(size, length - offset);
      this.remaining = size - take;
      this.onPayload(this.kind, chunk, offset, offset + take, true, this.remaining === 0);
      offset += take;
    }
  }
}

/**
 * A best-effort check for "this stream is multiplexed": the first bytes look like a frame header.
 * Berth decides by the container's Config.Tty instead; this only guards against a mismatch.
 */
export function looksMultiplexed(firstChunk: Buffer): boolean {
  if (firstChunk.length < 8) return false;
  return firstChunk[0] <= STREAM_SYSTEM_ERROR && firstChunk[1] === 0 && firstChunk[2] === 0 && firstChunk[3] === 0;
}
