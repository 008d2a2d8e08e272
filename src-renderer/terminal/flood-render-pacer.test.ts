// When a flood's drawing is held and released; timers are a fake clock.
import { describe, expect, it } from 'vitest';
import { FloodRenderPacer, type PacerTimers, type RenderHold } from './flood-render-pacer';

function setUp(canHold = true) {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: PacerTimers = {
    set: (run, ms) => (timers.set(nextId, { at: now + ms, run }), nextId++),
    clear: (id) => void timers.delete(id),
    now: () => now,
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  const log: string[] = [];
  const hold: RenderHold = {
    hold: () => (log.push('hold'), canHold),
    release: () => void log.push('release'),
  };
  const pacer = new FloodRenderPacer(hold, { frameMs: 100, settleMs: 40, afterInterruptMs: 1000 }, clock);
  return { pacer, log, advance };
}

describe('FloodRenderPacer', () => {
  it('never holds output that is not a flood', () => {
    const { pacer, log, advance } = setUp();
    pacer.writing(false);
    pacer.drained();
    advance(500);
    expect(log).toEqual([]);
  });

  it('draws a flood once per frame interval while it lasts', () => {
    const { pacer, log, advance } = setUp();
    pacer.writing(true);
    expect(pacer.holding).toBe(true);
    for (let t = 0; t < 250; t += 10) {
      pacer.writing(true);
      advance(10);
    }
    expect(log).toEqual(['hold', 'release', 'hold', 'release', 'hold']);
  });

  it('draws soon after the flood stops: drained and nothing more within the settle time', () => {
    const { pacer, log, advance } = setUp();
    pacer.writing(true);
    pacer.drained();
    advance(30);
    pacer.writing(true); // more came: still flooding
    pacer.drained();
    advance(39);
    expect(log).toEqual(['hold']);
    advance(1);
    expect(log).toEqual(['hold', 'release']);
    expect(pacer.holding).toBe(false);
  });

  it('draws at once on an interrupt key, and holds nothing for a moment after it', () => {
    const { pacer, log, advance } = setUp();
    pacer.writing(true);
    pacer.interrupted();
    expect(log).toEqual(['hold', 'release']);
    pacer.writing(true);
    advance(999);
    pacer.writing(true);
    expect(log).toEqual(['hold', 'release']);
    advance(1);
    pacer.writing(true);
    expect(log).toEqual(['hold', 'release', 'hold']);
  });

  it('leaves drawing alone when the hold is refused (the program synchronizes its own output)', () => {
    const { pacer, log, advance } = setUp(false);
    pacer.writing(true);
    expect(pacer.holding).toBe(false);
    advance(200);
    expect(log).toEqual(['hold']);
  });

  it('releases a hold when disposed, and does nothing after', () => {
    const { pacer, log, advance } = setUp();
    pacer.writing(true);
    pacer.dispose();
    pacer.writing(true);
    advance(200);
    expect(log).toEqual(['hold', 'release']);
  });
});
