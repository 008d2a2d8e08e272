import { describe, expect, it } from 'vitest';
import { createFrameCoalescer } from './frame-coalescer';

function manualFrames() {
  const callbacks: (() => void)[] = [];
  return {
    nextFrame: (callback: () => void) => void callbacks.push(callback),
    runFrame: () => callbacks.splice(0).forEach((callback) => callback()),
    pending: () => callbacks.length,
  };
}

describe('createFrameCoalescer', () => {
  it('applies a lone item at once', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const push = createFrameCoalescer<number>((items) => applied.push(items), frames.nextFrame);
    push(1);
    expect(applied).toEqual([[1]]);
  });

  it('gathers items that arrive within a frame into one apply', () => {
    const frames = manualFrames();
    const applied: number[][] = [];
    const push = createFrameCoalescer<number>((items) => applied.push(items), frames.nextFrame);
    push(1);
    push(2);
    push(3);
    expect(applied).toEqual([[1]]);
    frames.runFrame();
    expect(applied).toEqual([[1], [2, 3]]);
    frames.runFrame(); // a quiet frame ends the spell
    expect(frames.pending()).toBe(0);
    push(4);
    expect(applied).toEqual([[1], [2, 3], [4]]);
  });
});
