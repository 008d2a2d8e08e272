// When the queue waits for a look-ahead, and how a span is cut out of queued batches.
import { describe, expect, it } from 'vitest';
import { TERMINAL_HIGH_WATER_BYTES } from '../../src-main/shared/protocol';
import { UnseenLinesSkipper, type QueuedOutput } from './unseen-lines-skipper';

const encode = (text: string) => new TextEncoder().encode(text);
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\r\n`).join('');

function clock() {
  const time = { now: 1000 };
  return { time, now: () => time.now };
}

describe('UnseenLinesSkipper', () => {
  it('cuts the span across batches and counts it; a batch wholly inside is left without data', () => {
    const skipper = new UnseenLinesSkipper(() => 3);
    const text = lines(1, 20000);
    const bytes = encode(text);
    const third = Math.floor(bytes.length / 3);
    const queued: QueuedOutput[] = [{ data: bytes.subarray(0, third) }, { data: bytes.subarray(third, 2 * third) }, { data: bytes.subarray(2 * third) }];
    skipper.skip(queued);
    const kept = queued.map((entry) => (entry.data ? new TextDecoder().decode(entry.data) : '')).join('');
    expect(kept).toBe(lines(1, 1) + lines(19998, 20000));
    expect(queued[1].data).toBeUndefined();
    expect(skipper.skipped).toBe(bytes.length - encode(kept).length);
  });

  it('skips nothing when xterm says nothing may be skipped, or too little is queued', () => {
    const never = new UnseenLinesSkipper(() => undefined);
    const queued: QueuedOutput[] = [{ data: encode(lines(1, 20000)) }];
    never.skip(queued);
    expect(never.skipped).toBe(0);
    const small = new UnseenLinesSkipper(() => 3);
    small.skip([{ data: encode(lines(1, 100)) }]);
    expect(small.skipped).toBe(0);
  });

  it('waits for a look-ahead only while output streams in, and for 25 ms at most', () => {
    const { time, now } = clock();
    const skipper = new UnseenLinesSkipper(() => 5027, now);
    const queued: QueuedOutput[] = [{ data: encode(lines(1, 1000)) }];
    expect(skipper.waitForLookahead(queued)).toBe(0); // nothing arrived yet
    skipper.arrived();
    expect(skipper.waitForLookahead(queued)).toBe(25);
    time.now += 5;
    skipper.arrived();
    expect(skipper.waitForLookahead(queued)).toBe(20);
    time.now += 20;
    skipper.arrived();
    expect(skipper.waitForLookahead(queued)).toBe(0); // waited long enough: feed xterm
    time.now += 1;
    skipper.arrived();
    expect(skipper.waitForLookahead(queued)).toBe(25); // a new wait
    time.now += 15;
    expect(skipper.waitForLookahead(queued)).toBe(0); // nothing came for 15 ms: the flood is over
  });

  it('does not wait for a second after an interrupt key', () => {
    const { time, now } = clock();
    const skipper = new UnseenLinesSkipper(() => 5027, now);
    const queued: QueuedOutput[] = [{ data: encode(lines(1, 1000)) }];
    skipper.interrupted();
    skipper.arrived();
    expect(skipper.waitForLookahead(queued)).toBe(0);
    time.now += 1000;
    skipper.arrived();
    expect(skipper.waitForLookahead(queued)).toBe(25);
  });

  it('does not wait once the queue holds a full look-ahead, or when xterm cannot skip', () => {
    const { now } = clock();
    const skipper = new UnseenLinesSkipper(() => 5027, now);
    skipper.arrived();
    expect(skipper.waitForLookahead([{ data: new Uint8Array(TERMINAL_HIGH_WATER_BYTES / 2).fill(0x61) }])).toBe(0);
    const alternateScreen = new UnseenLinesSkipper(() => undefined, now);
    alternateScreen.arrived();
    expect(alternateScreen.waitForLookahead([{ data: encode(lines(1, 10)) }])).toBe(0);
  });

  it('stops waiting after a look at output that is not plain text, and waits again once it is', () => {
    const { now } = clock();
    const skipper = new UnseenLinesSkipper(() => 3, now);
    skipper.arrived();
    const coloured = encode(`\x1b[31m${lines(1, 10000)}`);
    skipper.skip([{ data: coloured }]);
    expect(skipper.skipped).toBe(0);
    expect(skipper.waitForLookahead([{ data: coloured }])).toBe(0);
    skipper.skip([{ data: encode(lines(1, 10000)) }]);
    expect(skipper.waitForLookahead([{ data: encode(lines(1, 10)) }])).toBe(25);
  });
});
