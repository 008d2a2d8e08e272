// The queue in front of xterm: bounded hand-over, acknowledgements once parsed, and the drop after Ctrl+C.
import { describe, expect, it, vi } from 'vitest';
import type { ExecNotice } from '../../src-main/shared/contract/exec';
import { TerminalOutputQueue } from './terminal-output-queue';

function fakeXterm() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  const acks: number[] = [];
  const notices: ExecNotice[] = [];
  const queue = new TerminalOutputQueue(
    {
      write: (text, parsed) => {
        written.push(text);
        pending.push(parsed);
      },
      notice: (notice) => notices.push(notice),
      ack: (bytes) => acks.push(bytes),
    },
    10,
  );
  const parseAll = () => {
    while (pending.length) pending.shift()!();
  };
  return { queue, written, acks, notices, parseAll };
}

describe('TerminalOutputQueue', () => {
  it('writes a batch’s text as one write and acknowledges it once parsed', () => {
    const { queue, written, acks, parseAll } = fakeXterm();
    queue.push(['ab', 'cd'], 4);
    expect(written).toEqual(['abcd']);
    expect(acks).toEqual([]);
    parseAll();
    expect(acks).toEqual([4]);
  });

  it('hands xterm no more than its bound and keeps notices in place', () => {
    const { queue, written, notices, parseAll } = fakeXterm();
    queue.push(['0123456789ab'], 12);
    queue.push(['cd', { kind: 'exited', exitCode: 0 }], 2);
    expect(written).toEqual(['0123456789ab']);
    expect(notices).toEqual([]);
    parseAll();
    // The batch's bytes ride on its last entry, the notice: an empty write acknowledges them once parsed.
    expect(written).toEqual(['0123456789ab', 'cd', '']);
    expect(notices).toEqual([{ kind: 'exited', exitCode: 0 }]);
  });

  it('drops what is queued when main starts skipping, acknowledging it, and counts it', () => {
    const { queue, written, acks, parseAll } = fakeXterm();
    queue.push(['0123456789'], 10);
    queue.push(['stale'], 5);
    queue.push(['more', { kind: 'skipping' }], 4);
    expect(acks).toEqual([5, 4]);
    expect(queue.takeDropped()).toBe(9);
    queue.push([{ kind: 'skipped', bytes: 100 }, 'READY> '], 7);
    parseAll();
    expect(written).toEqual(['0123456789', 'READY> ']);
    expect(acks).toEqual([5, 4, 10, 7]);
  });

  it('holds xterm’s feed after an interrupt key during a flood, until main skips or for a moment', () => {
    vi.useFakeTimers();
    try {
      const { queue, written, parseAll } = fakeXterm();
      queue.push(['a'.repeat(300 * 1024)], 300 * 1024);
      queue.push(['stale'], 5);
      queue.interrupted();
      parseAll();
      expect(written).toHaveLength(1); // held: 'stale' waits for main's answer
      queue.push([{ kind: 'skipping' }, { kind: 'skipped', bytes: 0 }, 'READY> '], 7);
      parseAll();
      expect(written.slice(1)).toEqual(['READY> ']);

      queue.push(['b'.repeat(300 * 1024)], 300 * 1024);
      queue.push(['next'], 4);
      queue.interrupted();
      parseAll();
      vi.advanceTimersByTime(1000); // main did not skip: carry on
      expect(written.slice(-1)).toEqual(['next']);
    } finally {
      vi.useRealTimers();
    }
  });
});
