import { describe, expect, it } from 'vitest';
import { displayLags, engineStampMs } from './display-lag';

describe('displayLags', () => {
  // Lines 1–4 stamped at 1000, 1010, 1020, then a pause, line 4 at 1200.
  const stamps = new Map([
    [1, 1000],
    [2, 1010],
    [3, 1020],
    [4, 1200],
  ]);
  const stampOf = (line: number) => stamps.get(line);

  it('is the age of the oldest line stamped but not shown yet', () => {
    expect(displayLags([{ at: 1050, newest: 1 }], stampOf)).toEqual([40]); // line 2, stamped at 1010
  });

  it('is 0 while the screen shows every line stamped so far (a pause in the output is not lag)', () => {
    expect(displayLags([{ at: 1100, newest: 3 }, { at: 1199, newest: 3 }], stampOf)).toEqual([0, 0]);
  });

  it('grows again once the next line is stamped and not shown', () => {
    expect(displayLags([{ at: 1230, newest: 3 }], stampOf)).toEqual([30]);
  });

  it('is 0 after the last line', () => {
    expect(displayLags([{ at: 5000, newest: 4 }], stampOf)).toEqual([0]);
  });
});

describe('engineStampMs', () => {
  it('reads the engine’s nanosecond stamps to the microsecond', () => {
    expect(engineStampMs('2026-11-23T22:30:00.123456789Z')).toBeCloseTo(Date.UTC(2026, 10, 23, 22, 30, 0) + 123.456789, 3);
    expect(engineStampMs('2026-11-23T22:30:00Z')).toBe(Date.UTC(2026, 10, 23, 22, 30, 0));
  });
});
