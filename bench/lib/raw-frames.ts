// The engine's multiplexed log stream (8-byte header: stream, 0, 0, 0, then the payload's size, big-endian)
// read the plainest way, for the benchmarks' bare references: each read's whole payloads, the header
// stripped; a frame split across reads waits for its rest. Berth's own demuxer is src-main/engine/demux.ts.
export class RawFrameReader {
  private pending: Buffer = Buffer.alloc(0);

  /** The payloads of the frames this read completes, in order. */
  push(chunk: Buffer): Buffer[] {
    const data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const payloads: Buffer[] = [];
    let offset = 0;
    while (data.length - offset >= 8) {
      const size = data.readUInt32BE(offset + 4);
      if (data.length - offset - 8 < size) break;
      payloads.push(data.subarray(offset + 8, offset + 8 + size));
      offset += 8 + size;
    }
    this.pending = data.subarray(offset);
    return payloads;
  }
}
