import { describe, expect, it } from 'vitest';
import { ChunkedDecoder } from './logs-chunked';

function encode(pieces: string[], trailer = ''): Buffer {
  const body = pieces.map((piece) => `${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`).join('');
  return Buffer.from(`${body}0\r\n${trailer}\r\n`);
}

function decodeIn(parts: Buffer[]): { text: string; done: boolean; calls: number } {
  const out: Buffer[] = [];
  const decoder = new ChunkedDecoder((payload) => out.push(Buffer.from(payload)));
  for (const part of parts) decoder.push(part);
  return { text: Buffer.concat(out).toString('utf8'), done: decoder.done, calls: out.length };
}

describe('ChunkedDecoder', () => {
  const pieces = Array.from({ length: 300 }, (_, i) => `line ${i} — ünïcode ${'x'.repeat(i % 37)}\n`);
  const encoded = encode(pieces);

  it('hands out the payload of every chunk in one read as one buffer', () => {
    const result = decodeIn([encoded]);
    expect(result.text).toBe(pieces.join(''));
    expect(result.calls).toBe(1);
    expect(result.done).toBe(true);
  });

  it('decodes a body split at every byte', () => {
    const parts = [...encoded].map((byte) => Buffer.from([byte]));
    const result = decodeIn(parts);
    expect(result.text).toBe(pieces.join(''));
    expect(result.done).toBe(true);
  });

  it('decodes a body split at odd places (sizes, CRLFs, payloads)', () => {
    for (const step of [2, 3, 7, 64, 1000]) {
      const parts: Buffer[] = [];
      for (let i = 0; i < encoded.length; i += step) parts.push(encoded.subarray(i, i + step));
      expect(decodeIn(parts).text).toBe(pieces.join(''));
    }
  });

  it('accepts upper-case sizes, chunk extensions and trailers', () => {
    const body = Buffer.from('A;name=value\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\n');
    const result = decodeIn([body]);
    expect(result.text).toBe('0123456789');
    expect(result.done).toBe(true);
  });

  it('is not done before the terminating chunk', () => {
    const result = decodeIn([encode(['abc\n']).subarray(0, 9)]);
    expect(result.text).toBe('abc\n');
    expect(result.done).toBe(false);
  });

  it('refuses a malformed size', () => {
    const decoder = new ChunkedDecoder(() => {});
    expect(() => decoder.push(Buffer.from('zz\r\n'))).toThrow(/malformed/);
  });
});
