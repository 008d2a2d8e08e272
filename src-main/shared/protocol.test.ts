// The binary stream frame: what goes in comes out (bytes as bytes, other chunks as JSON), runs are merged,
// batches without bytes are left to JSON, and a damaged frame is an error rather than a wrong message.
import { describe, expect, it } from 'vitest';
import { decodeBinaryFrame, encodeBinaryFrame, mergeByteRuns, type ServerMessage } from './protocol';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('binary stream frames', () => {
  it('round-trips a batch of bytes and notices, joining adjacent byte chunks into one', () => {
    const message: ServerMessage = {
      t: 'stream.data',
      sid: 's1-abc',
      chunks: [bytes('he'), bytes('llo €'), { kind: 'skipping' }, bytes('\x1b[0mREADY> ')],
      bytes: 123_456,
    };
    const frame = encodeBinaryFrame(message)!;
    expect(frame).toBeInstanceOf(Uint8Array);
    const decoded = decodeBinaryFrame(frame);
    expect(decoded.sid).toBe('s1-abc');
    expect(decoded.bytes).toBe(123_456);
    expect(decoded.chunks).toEqual([bytes('hello €'), { kind: 'skipping' }, bytes('\x1b[0mREADY> ')]);
  });

  it('keeps a UTF-8 character cut between two chunks whole in the merged run', () => {
    const euro = bytes('€');
    const frame = encodeBinaryFrame({ t: 'stream.data', sid: 's', chunks: [euro.subarray(0, 1), euro.subarray(1)], bytes: 3 })!;
    expect(new TextDecoder().decode(decodeBinaryFrame(frame).chunks[0] as Uint8Array)).toBe('€');
  });

  it('decodes a frame that sits inside a larger buffer (a view with an offset)', () => {
    const frame = encodeBinaryFrame({ t: 'stream.data', sid: 'sïd', chunks: [bytes('x')], bytes: 1 })!;
    const padded = new Uint8Array(frame.length + 7);
    padded.set(frame, 5);
    const decoded = decodeBinaryFrame(padded.subarray(5, 5 + frame.length));
    expect(decoded).toEqual({ t: 'stream.data', sid: 'sïd', chunks: [bytes('x')], bytes: 1 });
  });

  it('leaves batches without bytes (logs) and other messages to JSON', () => {
    expect(encodeBinaryFrame({ t: 'stream.data', sid: 's', chunks: ['text', { line: 1 }], bytes: 4 })).toBeUndefined();
    expect(encodeBinaryFrame({ t: 'event', name: 'x', payload: bytes('a') })).toBeUndefined();
    expect(encodeBinaryFrame({ t: 'stream.end', sid: 's' })).toBeUndefined();
  });

  it('refuses a truncated frame and an unknown frame kind', () => {
    const frame = encodeBinaryFrame({ t: 'stream.data', sid: 's', chunks: [bytes('hello')], bytes: 5 })!;
    expect(() => decodeBinaryFrame(frame.subarray(0, frame.length - 1))).toThrow(/truncated/);
    expect(() => decodeBinaryFrame(frame.subarray(0, 3))).toThrow(/truncated/);
    const wrongKind = frame.slice();
    wrongKind[0] = 9;
    expect(() => decodeBinaryFrame(wrongKind)).toThrow(/unknown binary frame kind/);
  });
});

describe('mergeByteRuns', () => {
  it('joins adjacent byte chunks into fresh arrays and keeps everything else in order', () => {
    const pool = bytes('xxabcdyy');
    const merged = mergeByteRuns([pool.subarray(2, 4), pool.subarray(4, 6), { kind: 'exited', exitCode: 0 }, bytes('z')]);
    expect(merged).toEqual([bytes('abcd'), { kind: 'exited', exitCode: 0 }, bytes('z')]);
    // A fresh array of its own size: structured clone would otherwise copy the whole pool behind a view.
    expect((merged[0] as Uint8Array).buffer.byteLength).toBe(4);
  });
});
