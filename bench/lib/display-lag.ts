// Display lag of a followed log, frame by frame: how far behind the stream the screen is. At a frame, the
// display is behind by the age of the oldest line the engine had already stamped but the screen did not
// show yet — the line after the newest one shown; when that line did not exist yet (the container wrote
// nothing new: fixture/logger writes in bursts, a tenth of a second apart), the display is current, lag 0.
// "The age of the newest line shown" is not lag: it grows through every pause in the output while the
// screen shows all there is.

/** A frame of the page: when it was (epoch ms), and the number of the newest line it showed. */
export interface ShownFrame {
  at: number;
  newest: number;
}

/**
 * The lag at each frame. `stampOf(n)` is the engine's timestamp (epoch ms) of line n, undefined past the
 * last line.
 */
export function displayLags(frames: ShownFrame[], stampOf: (line: number) => number | undefined): number[] {
  return frames.map(({ at, newest }) => {
    const next = stampOf(newest + 1);
    return next !== undefined && next <= at ? at - next : 0;
  });
}

/** "2026-11-23T22:30:00.123456789Z" (the engine's RFC 3339 with nanoseconds) → epoch ms, to the µs. */
export function engineStampMs(stamp: string): number {
  const whole = Date.parse(stamp.slice(0, 19) + 'Z');
  const fraction = /^\.(\d+)/.exec(stamp.slice(19));
  return whole + (fraction ? Number(`0.${fraction[1]}`) * 1000 : 0);
}
