import { describe, expect, it } from 'vitest';
import { StreamDemuxer, type DemuxedStream } from './exec-demux';

function frame(type: number, text: string): Buffer {
  const body = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

function collect() {
  const out: Record<DemuxedStream, string> = { stdout: '', stderr: '' };
  const demuxer = new StreamDemuxer((stream, data) => (out[stream] += data.toString()));
  return { out, demuxer };
}

describe('StreamDemuxer', () => {
  it('splits stdout and stderr frames held in one chunk', () => {
    const { out, demuxer } = collect();
    demuxer.push(Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world')]));
    expect(out).toEqual({ stdout: 'hello world', stderr: 'oops' });
  });

  it('reassembles frames and headers split at every byte', () => {
    const { out, demuxer } = collect();
    const bytes = Buffer.concat([frame(1, 'abc'), frame(2, 'de'), frame(1, 'f')]);
    for (const byte of bytes) demuxer.push(Buffer.from([byte]));
    expect(out).toEqual({ stdout: 'abcf', stderr: 'de' });
  });

  it('passes empty frames without emitting data', () => {
    const { out, demuxer } = collect();
    demuxer.push(Buffer.concat([frame(1, ''), frame(1, 'x')]));
    expect(out.stdout).toBe('x');
  });
});
