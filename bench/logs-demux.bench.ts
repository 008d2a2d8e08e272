// Demuxing the engine's multiplexed log stream: Berth's offset-based FrameDemuxer against docker-modem's
// demuxStream (which concatenates each chunk onto the rest and copies every frame out), on the same
// multi-frame chunks as the engine sends when a log is read fast: 64 KiB chunks of ~40-byte lines.
// Both sides get the same bytes and hand each payload to a consumer that counts it.
import { EventEmitter } from 'node:events';
import Modem from 'docker-modem';
import { FrameDemuxer } from '../src-main/engine/demux';
import { defineBenchmark } from './lib/benchmark';
import { runPairs } from './lib/harness';
import { pairedMetric } from './lib/results';

const TOTAL_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** The payload bytes of `lines` log lines as frames, cut into CHUNK_BYTES chunks regardless of frame borders. */
function makeChunks(): { chunks: Buffer[]; payloadBytes: number } {
  const frames: Buffer[] = [];
  let size = 0;
  let payloadBytes = 0;
  for (let n = 1; size < TOTAL_BYTES; n++) {
    const payload = Buffer.from(`2024-05-01T10:00:00.000000000Z ${n % 3 === 0 ? 'stderr' : 'stdout'} line ${n}\n`);
    const header = Buffer.alloc(8);
    header[0] = n % 3 === 0 ? 2 : 1;
    header.writeUInt32BE(payload.length, 4);
    frames.push(header, payload);
    size += 8 + payload.length;
    payloadBytes += payload.length;
  }
  const all = Buffer.concat(frames);
  const chunks: Buffer[] = [];
  for (let at = 0; at < all.length; at += CHUNK_BYTES) chunks.push(all.subarray(at, at + CHUNK_BYTES));
  return { chunks, payloadBytes };
}

function mbPerSecond(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

export default defineBenchmark({
  name: 'logs-demux',
  metrics: ['LOGS-DEMUX'],
  description: 'demux 32 MiB of multiplexed log frames in 64 KiB chunks: FrameDemuxer vs docker-modem demuxStream (MB/s)',
  async run(ctx) {
    const { chunks, payloadBytes } = makeChunks();
    const totalBytes = chunks.reduce((n, c) => n + c.length, 0);
    ctx.log(`${chunks.length} chunks, ${(totalBytes / 1048576).toFixed(1)} MiB, payload ${(payloadBytes / 1048576).toFixed(1)} MiB`);

    const berth = async () => {
      let seen = 0;
      const demuxer = new FrameDemuxer((_kind, _data, start, end) => {
        seen += end - start;
      });
      const started = performance.now();
      for (const chunk of chunks) demuxer.push(chunk);
      const ms = performance.now() - started;
      if (seen !== payloadBytes) throw new Error(`FrameDemuxer saw ${seen} of ${payloadBytes} payload bytes`);
      return mbPerSecond(totalBytes, ms);
    };

    const modem = new Modem({ socketPath: '/var/run/docker.sock' });
    const reference = async () => {
      let seen = 0;
      const sink = { write: (buffer: Buffer) => ((seen += buffer.length), true) };
      const source = new EventEmitter();
      modem.demuxStream(source as never, sink as never, sink as never);
      const started = performance.now();
      for (const chunk of chunks) source.emit('data', chunk);
      const ms = performance.now() - started;
      if (seen !== payloadBytes) throw new Error(`demuxStream saw ${seen} of ${payloadBytes} payload bytes`);
      return mbPerSecond(totalBytes, ms);
    };

    const samples = await runPairs(berth, reference, { ...ctx.options, log: ctx.log });
    return [
      pairedMetric(
        {
          id: 'LOGS-DEMUX',
          name: 'demux multi-frame chunks (64 KiB, ~45-byte frames)',
          unit: 'MB/s',
          referenceName: "docker-modem demuxStream",
          goal: 'faster than the reference (higher is better)',
          goalMet: ({ berth: b, reference: r }) => b.median > r.median,
          details: { chunkBytes: CHUNK_BYTES, totalBytes },
        },
        samples,
      ),
    ];
  },
});
