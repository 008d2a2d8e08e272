// berth.test=foundation — the stream batcher's flush rules (pure logic; fake timers).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamBatcher } from './stream-batcher';

describe('StreamBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function recorder() {
    const flushes: { chunks: string[]; bytes: number }[] = [];
    return { flushes, flushTo: (chunks: string[], bytes: number) => flushes.push({ chunks, bytes }) };
  }

  it('batches small pushes into one flush after the delay', () => {
    const { flushes, flushTo } = recorder();
    const batcher = new StreamBatcher(flushTo, 16, 1000);
    batcher.push('a', 1);
    batcher.push('b', 1);
    vi.advanceTimersByTime(15);
    expect(flushes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([{ chunks: ['a', 'b'], bytes: 2 }]);
  });

  it('flushes at once when the byte limit is reached, without waiting for the timer', () => {
    const { flushes, flushTo } = recorder();
    const batcher = new StreamBatcher(flushTo, 16, 10);
    batcher.push('12345', 5);
    batcher.push('67890', 5);
    expect(flushes).toEqual([{ chunks: ['12345', '67890'], bytes: 10 }]);
    vi.advanceTimersByTime(100);
    expect(flushes).toHaveLength(1);
  });

  it('starts a fresh window after each flush', () => {
    const { flushes, flushTo } = recorder();
    const batcher = new StreamBatcher(flushTo, 16, 1000);
    batcher.push('a', 1);
    vi.advanceTimersByTime(16);
    batcher.push('b', 1);
    vi.advanceTimersByTime(16);
    expect(flushes.map((f) => f.chunks)).toEqual([['a'], ['b']]);
  });

  it('flush() sends what is pending now and does nothing when empty', () => {
    const { flushes, flushTo } = recorder();
    const batcher = new StreamBatcher(flushTo, 16, 1000);
    batcher.flush();
    expect(flushes).toEqual([]);
    batcher.push('x', 3);
    batcher.flush();
    vi.advanceTimersByTime(100);
    expect(flushes).toEqual([{ chunks: ['x'], bytes: 3 }]);
  });

  it('dispose() drops pending chunks and cancels the timer', () => {
    const { flushes, flushTo } = recorder();
    const batcher = new StreamBatcher(flushTo, 16, 1000);
    batcher.push('lost', 4);
    batcher.dispose();
    vi.advanceTimersByTime(100);
    expect(flushes).toEqual([]);
  });

  it('uses the protocol defaults: ~16 ms or 200 KB', () => {
    const { flushes, flushTo } = recorder();
    const batcher = new StreamBatcher(flushTo);
    batcher.push('big', 200 * 1024);
    expect(flushes).toHaveLength(1);
    batcher.push('small', 10);
    vi.advanceTimersByTime(16);
    expect(flushes).toHaveLength(2);
  });
});
