// Batches a stream's chunks for the wire: flush every ~16 ms or at 200 KB, whichever comes first, so a
// flood of small writes becomes a few messages and a trickle still arrives within a frame.
import { STREAM_BATCH_BYTES, STREAM_BATCH_MS } from '../shared/protocol';

/** A small push this long after the previous one is a new burst (an echo), not part of a flood's reads. */
const QUIET_MS = 5;
const ECHO_BYTES = 1024;

export class StreamBatcher<D> {
  private chunks: D[] = [];
  private bytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushAt = -Infinity;
  private lastPushAt = -Infinity;
  /**
   * Interactive streams (terminals): a push after a quiet spell goes out at once, so a keystroke's echo
   * does not wait out the window — even when the previous echo went out a moment ago; pushes that follow
   * each other closely (a flood's reads) are batched as usual.
   */
  flushWhenIdle = false;

  constructor(
    private readonly flushTo: (chunks: D[], bytes: number) => void,
    private readonly maxDelayMs = STREAM_BATCH_MS,
    private readonly maxBytes = STREAM_BATCH_BYTES,
  ) {}

  push(chunk: D, bytes: number): void {
    const now = Date.now();
    const quiet = now - this.lastPushAt >= QUIET_MS && bytes <= ECHO_BYTES;
    this.lastPushAt = now;
    this.chunks.push(chunk);
    this.bytes += bytes;
    if (this.bytes >= this.maxBytes) this.flush();
    else if (!this.timer && this.flushWhenIdle && (quiet || now - this.lastFlushAt >= this.maxDelayMs)) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.maxDelayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.chunks.length === 0) return;
    const chunks = this.chunks;
    const bytes = this.bytes;
    this.chunks = [];
    this.bytes = 0;
    this.lastFlushAt = Date.now();
    this.flushTo(chunks, bytes);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.chunks = [];
    this.bytes = 0;
  }
}
