import { describe, expect, it } from 'vitest';
import { RawFrameReader } from './raw-frames';

const frame = (stream: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};

describe('RawFrameReader', () => {
  it('strips the headers of whole frames, in order', () => {
    const reader = new RawFrameReader();
    const payloads = reader.push(Buffer.concat([frame(1, 'a\n'), frame(2, 'bc\n')]));
    expect(payloads.map(String)).toEqual(['a\n', 'bc\n']);
  });

  it('keeps a frame split across reads (in its header or its payload) until its rest arrives', () => {
    const reader = new RawFrameReader();
    const bytes = Buffer.concat([frame(1, 'first\n'), frame(1, 'second\n')]);
    expect(reader.push(bytes.subarray(0, 5))).toEqual([]);
    expect(reader.push(bytes.subarray(5, 20)).map(String)).toEqual(['first\n']);
    expect(reader.push(bytes.subarray(20)).map(String)).toEqual(['second\n']);
  });
});
