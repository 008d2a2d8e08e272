// The engine's multiplexed stream format (non-TTY exec and attach): frames of an 8-byte header — stream
// type (0 stdin, 1 stdout, 2 stderr), three zero bytes, a big-endian length — then that many bytes.
// Offset-based: a chunk holding many frames is sliced, not re-concatenated per frame (docker-modem's
// demuxStream copies per frame and is an order of magnitude slower on floods).

export type DemuxedStream = 'stdout' | 'stderr';

export class StreamDemuxer {
  private pending: Buffer | undefined;
  /** Bytes still owed to the frame in progress, and its stream. */
  private remaining = 0;
  private current: DemuxedStream = 'stdout';

  constructor(private readonly emit: (stream: DemuxedStream, data: Buffer) => void) {}

  push(chunk: Buffer): void {
    const buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let offset = 0;
    while (offset < buffer.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, buffer.length - offset);
        this.emit(this.current, buffer.subarray(offset, offset + take));
        this.remaining -= take;
        offset += take;
        continue;
      }
      if (buffer.length - offset < 8) {
        // A header split across chunks: keep the few bytes for the next push.
        this.pending = Buffer.from(buffer.subarray(offset));
        return;
      }
      const type = buffer[offset];
      this.current = type === 2 ? 'stderr' : 'stdout';
      this.remaining = buffer.readUInt32BE(offset + 4);
      offset += 8;
    }
  }
}
