// Byte-level output fixes for sessions without a TTY: line ends, and characters cut between frames.
import { describe, expect, it } from 'vitest';
import { lfToCrlf, Utf8Boundary } from './exec-bytes';

describe('lfToCrlf', () => {
  it('adds a \\r before every bare \\n and leaves \\r\\n alone', () => {
    expect(lfToCrlf(Buffer.from('a\nb\r\nc\n\n')).toString()).toBe('a\r\nb\r\nc\r\n\r\n');
    expect(lfToCrlf(Buffer.from('\nx')).toString()).toBe('\r\nx');
  });

  it('returns the same buffer when there is nothing to change', () => {
    const data = Buffer.from('no line ends\r\n');
    expect(lfToCrlf(data)).toBe(data);
  });
});

describe('Utf8Boundary', () => {
  it('holds a cut character until its rest arrives', () => {
    const boundary = new Utf8Boundary();
    const text = Buffer.from('a€b😀');
    const out = [boundary.push(text.subarray(0, 2)), boundary.push(text.subarray(2, 6)), boundary.push(text.subarray(6))];
    expect(out.map((part) => part.toString())).toEqual(['a', '€b', '😀']);
    expect(boundary.end()).toHaveLength(0);
  });

  it('passes whole characters and plain bytes straight through', () => {
    const boundary = new Utf8Boundary();
    const data = Buffer.from('plain ü');
    expect(boundary.push(data)).toBe(data);
  });

  it('gives back a character that never completed at the end', () => {
    const boundary = new Utf8Boundary();
    expect(boundary.push(Buffer.from([0x41, 0xe2, 0x82])).toString()).toBe('A');
    expect([...boundary.end()]).toEqual([0xe2, 0x82]);
  });
});
