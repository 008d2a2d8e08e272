import { describe, expect, it, vi } from 'vitest';
import { BacklogMerge, LiveMerge } from './logs-merge';

const at = (n: number) => `2024-05-01T10:00:00.${String(n).padStart(9, '0')}Z`;

describe('BacklogMerge', () => {
  it('releases a line only when no source can still send an older one', () => {
    const out: string[] = [];
    const merge = new BacklogMerge<{ ts: string; text: string }>(2, (line, source) => out.push(`${source}:${line.text}`));
    merge.push(0, { ts: at(5), text: 'a5' });
    merge.push(0, { ts: at(7), text: 'a7' });
    expect(out).toEqual([]); // source 1 has said nothing yet
    merge.push(1, { ts: at(6), text: 'b6' });
    expect(out).toEqual(['0:a5', '1:b6']);
    merge.push(1, { ts: at(9), text: 'b9' });
    expect(out).toEqual(['0:a5', '1:b6', '0:a7']);
    merge.end(0);
    expect(out).toEqual(['0:a5', '1:b6', '0:a7', '1:b9']);
    expect(merge.complete).toBe(false);
    merge.end(1);
    expect(merge.complete).toBe(true);
  });

  it('merges many interleaved lines into time order, keeping equal times in source order', () => {
    const out: number[] = [];
    const merge = new BacklogMerge<{ ts: string; n: number }>(3, (line) => out.push(line.n));
    for (let n = 0; n < 300; n++) merge.push(n % 3, { ts: at(n - (n % 2)), n });
    for (let s = 0; s < 3; s++) merge.end(s);
    expect(out).toHaveLength(300);
    for (let i = 1; i < out.length; i++) expect(at(out[i] - (out[i] % 2)) >= at(out[i - 1] - (out[i - 1] % 2))).toBe(true);
    expect(merge.queued(0)).toBe(0);
  });
});

describe('LiveMerge', () => {
  it('sorts what arrived within a window by time', () => {
    vi.useFakeTimers();
    const out: string[] = [];
    const merge = new LiveMerge<{ ts: string; text: string }>((line) => out.push(line.text), 50);
    merge.push(1, { ts: at(3), text: 'late' });
    merge.push(0, { ts: at(1), text: 'early' });
    expect(out).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(out).toEqual(['early', 'late']);
    merge.dispose();
    vi.useRealTimers();
  });
});
