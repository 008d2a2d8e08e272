import { describe, expect, it } from 'vitest';
import {
  compareLogTime,
  normalizeLogTimestamp,
  parseDurationNs,
  parseLogTime,
  parseLogTimeRange,
  parseLogTimestamp,
  shiftLogTime,
  toEngineTime,
} from './log-time';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0); // 2024-05-01T12:00:00Z
const nowS = NOW / 1000;

function time(input: string) {
  const parsed = parseLogTime(input, NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.time;
}

describe('parseLogTime', () => {
  it('reads durations back from now', () => {
    expect(time('10m')).toEqual({ s: nowS - 600, ns: 0 });
    expect(time('1h30m')).toEqual({ s: nowS - 5400, ns: 0 });
    expect(time('1.5h')).toEqual({ s: nowS - 5400, ns: 0 });
    expect(time('2d')).toEqual({ s: nowS - 172800, ns: 0 });
    expect(time('500ms')).toEqual({ s: nowS - 1, ns: 500_000_000 });
    expect(parseDurationNs('45s')).toBe(45e9);
  });

  it('reads Unix timestamps with up to nanosecond precision', () => {
    expect(time('1700000000')).toEqual({ s: 1700000000, ns: 0 });
    expect(time('1700000000.5')).toEqual({ s: 1700000000, ns: 500_000_000 });
    expect(time('1700000000.000000001')).toEqual({ s: 1700000000, ns: 1 });
  });

  it('reads RFC 3339 times with a zone, and dates without one as local time', () => {
    expect(time('2024-05-01T10:00:00Z')).toEqual({ s: nowS - 7200, ns: 0 });
    expect(time('2024-05-01T10:00:00.123456789Z')).toEqual({ s: nowS - 7200, ns: 123456789 });
    expect(time('2024-05-01T12:00:00+02:00')).toEqual({ s: nowS - 7200, ns: 0 });
    expect(time('2024-05-01 15:04')).toEqual({ s: new Date(2024, 4, 1, 15, 4).getTime() / 1000, ns: 0 });
    expect(time('2024-05-01')).toEqual({ s: new Date(2024, 4, 1).getTime() / 1000, ns: 0 });
  });

  it('refuses what is not a time, saying what would be', () => {
    for (const bad of ['', 'yesterday', '10 minutes', '2024-02-31', '2024-13-01', '10x', '-5m']) {
      const parsed = parseLogTime(bad, NOW);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(10);
    }
  });
});

describe('parseLogTimeRange', () => {
  it('accepts an empty range and a well-ordered one', () => {
    expect(parseLogTimeRange(undefined, '', NOW)).toEqual({ ok: true, range: {} });
    const range = parseLogTimeRange('1h', '10m', NOW);
    expect(range.ok).toBe(true);
  });

  it('names the field at fault: since after until, or an unreadable value', () => {
    expect(parseLogTimeRange('10m', '1h', NOW)).toMatchObject({ ok: false, field: 'until', error: expect.stringMatching(/earlier/) });
    expect(parseLogTimeRange('soon', undefined, NOW)).toMatchObject({ ok: false, field: 'since' });
    expect(parseLogTimeRange(undefined, 'later', NOW)).toMatchObject({ ok: false, field: 'until' });
  });
});

describe('log timestamps', () => {
  it('converts between engine timestamps and query times', () => {
    const ts = parseLogTimestamp('2024-05-01T10:00:00.000000042Z')!;
    expect(ts).toEqual({ s: nowS - 7200, ns: 42 });
    expect(toEngineTime(ts)).toBe(`${nowS - 7200}.000000042`);
    expect(toEngineTime(shiftLogTime(ts, -43))).toBe(`${nowS - 7201}.999999999`);
    expect(compareLogTime(ts, shiftLogTime(ts, 1))).toBeLessThan(0);
    expect(parseLogTimestamp('not a time')).toBeUndefined();
  });

  it('pads RFC3339Nano fractions so timestamps sort as strings', () => {
    expect(normalizeLogTimestamp('2024-05-01T10:00:00.78Z')).toBe('2024-05-01T10:00:00.780000000Z');
    expect(normalizeLogTimestamp('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000000000Z');
    expect(normalizeLogTimestamp('2024-05-01T10:00:00.123456789Z')).toBe('2024-05-01T10:00:00.123456789Z');
  });
});
