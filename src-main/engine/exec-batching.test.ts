// Terminals ask the client session's batcher to send output after a quiet spell at once (a keystroke's
// echo), while a flood is still batched per window.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamBatcher } from '../ipc/stream-batcher';

describe('StreamBatcher for interactive streams', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends an echo after a quiet spell at once and batches what follows within the window', () => {
    const flushes: string[][] = [];
    const batcher = new StreamBatcher<string>((chunks) => flushes.push(chunks), 16, 1000);
    batcher.flushWhenIdle = true;
    batcher.push('x', 1);
    expect(flushes).toEqual([['x']]);
    batcher.push('a', 1);
    batcher.push('b', 1);
    expect(flushes).toHaveLength(1);
    vi.advanceTimersByTime(16);
    expect(flushes).toEqual([['x'], ['a', 'b']]);
    vi.advanceTimersByTime(40);
    batcher.push('y', 1);
    expect(flushes).toEqual([['x'], ['a', 'b'], ['y']]);
  });

  it('sends an echo that follows the previous one closely at once, but batches a flood’s back-to-back reads', () => {
    const flushes: string[][] = [];
    const batcher = new StreamBatcher<string>((chunks) => flushes.push(chunks), 16, 100_000);
    batcher.flushWhenIdle = true;
    batcher.push('a', 1);
    vi.advanceTimersByTime(8);
    batcher.push('b', 1); // the next key's echo, 8 ms later: no reason to wait out the window
    expect(flushes).toEqual([['a'], ['b']]);
    vi.advanceTimersByTime(8);
    batcher.push('x'.repeat(4096), 4096); // a flood's reads, back to back
    batcher.push('y', 1);
    batcher.push('z', 1);
    expect(flushes).toHaveLength(2);
    vi.advanceTimersByTime(16);
    expect(flushes).toHaveLength(3);
  });

  it('leaves other streams batched as before', () => {
    const flushes: string[][] = [];
    const batcher = new StreamBatcher<string>((chunks) => flushes.push(chunks), 16, 1000);
    batcher.push('x', 1);
    expect(flushes).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(flushes).toEqual([['x']]);
  });
});
