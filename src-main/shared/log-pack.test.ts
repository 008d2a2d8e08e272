import { describe, expect, it } from 'vitest';
import { LogLinePacker, unpackLogChunks, unpackLogLines } from './log-pack';
import { concatBytes, decodeBinaryFrame, encodeBinaryFrame, mergeByteRuns } from './protocol';

const encoder = new TextEncoder();
const T1 = '2024-05-01T10:00:00.000000001Z';
const T2 = '2024-05-01T10:00:00.999999999Z';
const T3 = '2024-05-01T10:00:01.123456789Z';

function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

describe('LogLinePacker / unpackLogLines', () => {
  it('round-trips lines, kinds and timestamps exact to the nanosecond', () => {
    const packer = new LogLinePacker(false);
    const line = bytesOf('xx stdout line 1 yy');
    packer.addBytes(line, 3, line.length - 3, 'o', T1);
    packer.addText('stderr line 2', 'e', T2);
    packer.addText('— container restarted —', 'm', T3);
    const packed = packer.take();
    expect(packed).toBeInstanceOf(Uint8Array);
    expect(unpackLogLines(packed!)).toEqual([
      { text: ['stdout line 1', 'stderr line 2', '— container restarted —'], kinds: 'oem', ts: [T1, T2, T3] },
    ]);
  });

  it('keeps multi-byte characters, empty lines, ANSI escapes and long lines intact', () => {
    const lines = ['ünïcödé 日本語 🚢🚢', '', '\x1b[31mred\x1b[0m', 'x'.repeat(70_000) + '☃', '\r'];
    const packer = new LogLinePacker(false);
    for (const text of lines) {
      const bytes = bytesOf(text);
      packer.addBytes(bytes, 0, bytes.length, 'o', T1);
    }
    const [batch] = unpackLogLines(packer.take()!);
    expect(batch.text).toEqual(lines);
  });

  it('carries source indexes for compose logs', () => {
    const packer = new LogLinePacker(true);
    packer.addText('web line', 'o', T1, 0);
    packer.addText('worker line', 'e', T2, 3);
    packer.addText('— container removed —', 'm', T3, 65_535);
    expect(unpackLogLines(packer.take()!)).toEqual([
      { text: ['web line', 'worker line', '— container removed —'], kinds: 'oem', ts: [T1, T2, T3], src: [0, 3, 65_535] },
    ]);
  });

  it('keeps timestamps far apart and lines without one', () => {
    const packer = new LogLinePacker(false);
    const old = '0001-01-01T00:00:00.000000000Z';
    const late = '2262-04-11T23:47:16.854775807Z';
    packer.addText('a', 'm', old);
    packer.addText('b', 'o', late);
    packer.addText('c', 'm', '');
    packer.addText('d', 'o', '2024-05-01T10:00:00.5Z'); // a trimmed fraction reads back padded
    expect(unpackLogLines(packer.take()!)[0].ts).toEqual([old, late, '', '2024-05-01T10:00:00.500000000Z']);
  });

  it('starts afresh after take(); an empty packer gives nothing', () => {
    const packer = new LogLinePacker(false);
    expect(packer.take()).toBeUndefined();
    packer.addText('one', 'o', T1);
    const first = packer.take()!;
    packer.addText('two', 'o', T2);
    const second = packer.take()!;
    expect(unpackLogLines(first)[0].text).toEqual(['one']);
    expect(unpackLogLines(second)[0].text).toEqual(['two']);
    expect(packer.lines).toBe(0);
  });

  it('grows past its first column and text sizes', () => {
    const packer = new LogLinePacker(false);
    const expected: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const text = `line ${i} ${'é'.repeat(i % 50)}`;
      expected.push(text);
      packer.addText(text, i % 2 ? 'e' : 'o', T3);
    }
    const size = packer.bytes;
    const packed = packer.take()!;
    expect(packed.length).toBe(size);
    const [batch] = unpackLogLines(packed);
    expect(batch.text).toEqual(expected);
    expect(batch.kinds).toBe(expected.map((_, i) => (i % 2 ? 'e' : 'o')).join(''));
  });

  it('reads batches joined into one byte run (how both transports may deliver them)', () => {
    const a = new LogLinePacker(false);
    a.addText('first', 'o', T1);
    const b = new LogLinePacker(true);
    b.addText('second', 'e', T2, 1);
    b.addText('third', 'o', T3, 0);
    const joined = concatBytes([a.take()!, b.take()!]);
    expect(unpackLogLines(joined)).toEqual([
      { text: ['first'], kinds: 'o', ts: [T1] },
      { text: ['second', 'third'], kinds: 'eo', ts: [T2, T3], src: [1, 0] },
    ]);
  });

  it('rides the binary stream frame beside JSON chunks, in order', () => {
    const packer = new LogLinePacker(false);
    packer.addText('one', 'o', T1);
    const first = packer.take()!;
    packer.addText('two', 'e', T2);
    const second = packer.take()!;
    const chunks = [{ t: 'sources', sources: [] }, first, second, { t: 'state', state: 'ended' }];
    const frame = encodeBinaryFrame({ t: 'stream.data', sid: 's1', chunks, bytes: 99 })!;
    const message = decodeBinaryFrame(frame);
    expect(unpackLogChunks(message.chunks as object[])).toEqual([
      { t: 'sources', sources: [] },
      { t: 'lines', text: ['one'], kinds: 'o', ts: [T1] },
      { t: 'lines', text: ['two'], kinds: 'e', ts: [T2] },
      { t: 'state', state: 'ended' },
    ]);
    // Electron: structured clone of the merged runs.
    expect(unpackLogChunks(structuredClone(mergeByteRuns(chunks)) as object[])).toEqual(unpackLogChunks(message.chunks as object[]));
  });

  it('refuses malformed bytes', () => {
    const packer = new LogLinePacker(false);
    packer.addText('one', 'o', T1);
    const packed = packer.take()!;
    expect(() => unpackLogLines(packed.subarray(0, packed.length - 2))).toThrow(RangeError);
    expect(() => unpackLogLines(Uint8Array.of(9, 0, 0, 0))).toThrow(RangeError);
  });
});
