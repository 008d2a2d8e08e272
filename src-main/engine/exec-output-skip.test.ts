// The pieces of the backlog skip after Ctrl+C: what counts as a flood, and which end of the output is kept.
import { describe, expect, it } from 'vitest';
import { FloodMeter, isInterrupt, TailKeeper } from './exec-output-skip';

describe('backlog skip', () => {
  it('knows the interrupt keys', () => {
    expect(isInterrupt('\x03')).toBe(true);
    expect(isInterrupt('\x1c')).toBe(true);
    expect(isInterrupt('ls\r')).toBe(false);
  });

  it('counts a flood over the current and the previous window only', () => {
    let now = 1000;
    const meter = new FloodMeter({ floodBytes: 100, floodWindowMs: 250 }, () => now);
    meter.record(60);
    expect(meter.flooding()).toBe(false);
    now += 300;
    meter.record(50);
    expect(meter.flooding()).toBe(true);
    now += 600;
    expect(meter.flooding()).toBe(false);
  });

  it('keeps the last bytes from a line start, and counts everything it saw', () => {
    const tail = new TailKeeper(16);
    tail.add(Buffer.from('aaaa\nbbbb\n'));
    tail.add(Buffer.from('cccc\ndd'));
    tail.add(Buffer.from('\x1b[31mee\nREADY> '));
    expect(tail.seen).toBe(32);
    expect(tail.take().toString()).toBe('READY> ');
  });

  it('keeps the raw end when there is no line break', () => {
    const tail = new TailKeeper(4);
    tail.add(Buffer.from('abcdefgh'));
    expect(tail.take().toString()).toBe('efgh');
  });
});
