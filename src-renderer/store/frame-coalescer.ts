// Applies the first item of a quiet spell at once, then gathers whatever arrives before the next animation
// frame and applies it in one go — so a single change has no added latency, and a flood costs one render
// per frame instead of one per message.
export function createFrameCoalescer<T>(
  apply: (items: T[]) => void,
  nextFrame: (callback: () => void) => void = (callback) => requestAnimationFrame(() => callback()),
): (item: T) => void {
  let queue: T[] = [];
  let frameBusy = false;

  const onFrame = () => {
    if (queue.length === 0) {
      frameBusy = false;
      return;
    }
    const items = queue;
    queue = [];
    apply(items);
    nextFrame(onFrame); // stay coalescing while the flood lasts
  };

  return (item: T) => {
    if (frameBusy) {
      queue.push(item);
      return;
    }
    frameBusy = true;
    apply([item]);
    nextFrame(onFrame);
  };
}
