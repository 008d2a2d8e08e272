import { describe, expect, it } from 'vitest';
import { parseAnsi } from './ansi';
import {
  describeStatus,
  formatBytes,
  formatCount,
  formatLogTimestamp,
  highlightSegments,
  parseTailInput,
  plural,
} from './logs.presentation';

describe('highlightSegments', () => {
  it('marks matches inside and across coloured segments, keeping the colours', () => {
    const segments = parseAnsi('ab\x1b[31mcdef\x1b[0mgh');
    expect(highlightSegments(segments, [[1, 3], [5, 7]])).toEqual([
      { text: 'a', style: undefined },
      { text: 'b', style: undefined, hit: true },
      { text: 'c', style: { fg: 1 }, hit: true },
      { text: 'de', style: { fg: 1 } },
      { text: 'f', style: { fg: 1 }, hit: true },
      { text: 'g', style: undefined, hit: true },
      { text: 'h', style: undefined },
    ]);
  });

  it('returns the segments untouched without matches', () => {
    const segments = parseAnsi('plain');
    expect(highlightSegments(segments, [])).toBe(segments);
  });

  it('keeps every character exactly once', () => {
    const segments = parseAnsi('\x1b[1mone\x1b[0m two \x1b[32mthree\x1b[0m');
    const pieces = highlightSegments(segments, [[0, 2], [2, 9], [10, 13]]);
    expect(pieces.map((p) => p.text).join('')).toBe('one two three');
  });
});

describe('formatting', () => {
  it('shows engine timestamps in local time to the millisecond', () => {
    const text = formatLogTimestamp('2024-05-01T10:00:00.123456789Z');
    const d = new Date(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(text).toBe(
      `${d.getFullYear()}-05-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:00:00.123`,
    );
    expect(formatLogTimestamp('')).toBe('');
  });

  it('formats counts and sizes', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(plural(1, 'line')).toBe('1 line');
    expect(plural(2500, 'line')).toBe('2,500 lines');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });

  it('describes the stream state', () => {
    expect(describeStatus('streaming', true, false)).toEqual({ label: 'Following', tone: 'ok' });
    expect(describeStatus('streaming', true, true)).toEqual({ label: 'Paused', tone: 'warn' });
    expect(describeStatus('removed', true, false).tone).toBe('danger');
  });
});

describe('parseTailInput', () => {
  it('accepts a number of lines or all', () => {
    expect(parseTailInput('1000')).toEqual({ ok: true, tail: 1000 });
    expect(parseTailInput(' ALL ')).toEqual({ ok: true, tail: 'all' });
    expect(parseTailInput('')).toEqual({ ok: true, tail: 'all' });
    expect(parseTailInput('0')).toEqual({ ok: true, tail: 0 });
  });

  it('says what is wrong otherwise', () => {
    expect(parseTailInput('-5')).toMatchObject({ ok: false });
    expect(parseTailInput('10k')).toMatchObject({ ok: false, error: expect.stringMatching(/number of lines/) });
    expect(parseTailInput('999999999999')).toMatchObject({ ok: false });
  });
});
