// The queue in front of xterm: bounded hand-over, acknowledgements once parsed, and the drop after Ctrl+C.
import { describe, expect, it, vi } from 'vitest';
import type { ExecNotice } from '../../src-main/shared/contract/exec';
import { TerminalOutputQueue } from './terminal-output-queue';

const encoder = new TextEncoder();

function fakeXterm() {
  const written: string[] = [];
  const pending: (() => void)[] = [];
  const acks: number[] = [];
  const notices: ExecNotice[] = [];
  const queue = new TerminalOutputQueue(
    {
      write: (data, parsed) => {
        written.push(new TextDecoder().decode(data));
        pending.push(parsed);
      },
      notice: (notice) => notices.push(notice),
      ack: (bytes) => acks.push(bytes),
    },
    10,
    (task) => task(),
  );
  const parseAll = () => {
    while (pending.length) pending.shift()!();
  };
  /** Main's batch, output given as text for readability (it travels as bytes). */
  const push = (chunks: (string | ExecNotice)[], bytes: number) =>
    queue.push(chunks.map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk)), bytes);
  return { queue, push, written, acks, notices, parseAll };
}

describe('TerminalOutputQueue', () => {
  it('joins a batch’s byte chunks into one write, a character cut between them included', () => {
    const { queue, written } = fakeXterm();
    const euro = encoder.encode('€');
    queue.push([encoder.encode('a'), euro.subarray(0, 2), euro.subarray(2)], 4);
    expect(written).toEqual(['a€']);
  });

  it('refills xterm once it has parsed all it holds, not after each write', () => {
    const written: string[] = [];
    const pending: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const queue = new TerminalOutputQueue(
      { write: (data, parsed) => (written.push(new TextDecoder().decode(data)), pending.push(parsed)), notice: () => {}, ack: () => {} },
      10,
      (task) => tasks.push(task),
    );
    for (const text of ['aaaaaa', 'bbbbbb', 'cccccc']) queue.push([encoder.encode(text)], 6);
    expect(written).toEqual(['aaaaaa', 'bbbbbb']);
    pending.shift()!();
    expect(tasks).toEqual([]);
    pending.shift()!();
    expect(written).toEqual(['aaaaaa', 'bbbbbb']); // not from inside xterm's callback
    tasks.shift()!();
    expect(written).toEqual(['aaaaaa', 'bbbbbb', 'cccccc']);
  });

  it('writes a batch’s output as one write and acknowledges it once parsed', () => {
    const { push, written, acks, parseAll } = fakeXterm();
    push(['ab', 'cd'], 4);
    expect(written).toEqual(['abcd']);
    expect(acks).toEqual([]);
    parseAll();
    expect(acks).toEqual([4]);
  });

  it('hands xterm no more than its bound and keeps notices in place', () => {
    const { push, written, notices, parseAll } = fakeXterm();
    push(['0123456789ab'], 12);
    push(['cd', { kind: 'exited', exitCode: 0 }], 2);
    expect(written).toEqual(['0123456789ab']);
    expect(notices).toEqual([]);
    parseAll();
    // The batch's bytes ride on its last entry, the notice: an empty write acknowledges them once parsed.
    expect(written).toEqual(['0123456789ab', 'cd', '']);
    expect(notices).toEqual([{ kind: 'exited', exitCode: 0 }]);
  });

  it('drops what is queued when main starts skipping, acknowledging it, and counts it', () => {
    const { queue, push, written, acks, parseAll } = fakeXterm();
    push(['0123456789'], 10);
    push(['stale'], 5);
    push(['more', { kind: 'skipping' }], 4);
    expect(acks).toEqual([5, 4]);
    expect(queue.takeDropped()).toBe(9);
    push([{ kind: 'skipped', bytes: 100 }, 'READY> '], 7);
    parseAll();
    expect(written).toEqual(['0123456789', 'READY> ']);
    expect(acks).toEqual([5, 4, 10, 7]);
  });

  it('holds xterm’s feed after an interrupt key during a flood, until main skips or for a moment', () => {
    vi.useFakeTimers();
    try {
      const { queue, push, written, parseAll } = fakeXterm();
      push(['a'.repeat(300 * 1024)], 300 * 1024);
      push(['stale'], 5);
      queue.interrupted();
      parseAll();
      expect(written).toHaveLength(1); // held: 'stale' waits for main's answer
      push([{ kind: 'skipping' }, { kind: 'skipped', bytes: 0 }, 'READY> '], 7);
      parseAll();
      expect(written.slice(1)).toEqual(['READY> ']);

      push(['b'.repeat(300 * 1024)], 300 * 1024);
      push(['next'], 4);
      queue.interrupted();
      parseAll();
      vi.advanceTimersByTime(1000); // main did not skip: carry on
      expect(written.slice(-1)).toEqual(['next']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('TerminalOutputQueue → pacer', () => {
  it('says whether each write is part of a flood, when xterm has drained, and when an interrupt key came', () => {
    const calls: string[] = [];
    const pending: (() => void)[] = [];
    const queue = new TerminalOutputQueue(
      {
        write: (_data, parsed) => pending.push(parsed),
        notice: () => {},
        ack: () => {},
        pacer: {
          writing: (flooding) => calls.push(flooding ? 'flood' : 'calm'),
          drained: () => calls.push('drained'),
          interrupted: () => calls.push('interrupted'),
        },
      },
      1024 * 1024,
      (task) => task(),
    );
    queue.push([encoder.encode('$ ')], 2);
    pending.shift()!();
    expect(calls).toEqual(['calm', 'drained']);

    calls.length = 0;
    queue.push([encoder.encode('y\n'.repeat(200 * 1024))], 400 * 1024); // 400 KB at once: a flood
    queue.push([encoder.encode('y\n')], 2);
    expect(calls).toEqual(['flood', 'flood']);
    pending.shift()!();
    expect(calls).toEqual(['flood', 'flood']); // one more write still in xterm
    pending.shift()!();
    expect(calls).toEqual(['flood', 'flood', 'drained']);

    queue.interrupted();
    expect(calls.at(-1)).toBe('interrupted');
  });
});
