// Interleaving several containers' logs by time (compose project logs). Pure: no engine here.
//
// The backlog (what the containers logged so far) is merged exactly: a line goes out only when every
// source still reading has a line queued, so nothing older can still arrive. Live lines (following)
// cannot wait for a silent container, so they are gathered for a short window and sorted within it.
// Timestamps are normalised RFC 3339 strings (fixed 9-digit fraction), which sort as strings.

export interface TimedLine {
  ts: string;
}

class Queue<L> {
  private items: L[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: L): void {
    this.items.push(item);
  }

  peek(): L {
    return this.items[this.head];
  }

  shift(): L {
    const item = this.items[this.head++];
    // Compact now and then so the array does not grow with everything ever queued.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

export class BacklogMerge<L extends TimedLine> {
  private readonly queues: Queue<L>[];
  private readonly ended: boolean[];

  constructor(
    sourceCount: number,
    private readonly emit: (line: L, source: number) => void,
  ) {
    this.queues = Array.from({ length: sourceCount }, () => new Queue<L>());
    this.ended = new Array<boolean>(sourceCount).fill(false);
  }

  push(source: number, line: L): void {
    this.queues[source].push(line);
    this.drain();
  }

  /** The source has sent its whole backlog. */
  end(source: number): void {
    this.ended[source] = true;
    this.drain();
  }

  queued(source: number): number {
    return this.queues[source].size;
  }

  get complete(): boolean {
    return this.ended.every((ended, i) => ended && this.queues[i].size === 0);
  }

  private drain(): void {
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.queues.length; i++) {
        const queue = this.queues[i];
        if (queue.size === 0) {
          if (!this.ended[i]) return; // this source may still send something older
          continue;
        }
        if (best === -1 || queue.peek().ts < this.queues[best].peek().ts) best = i;
      }
      if (best === -1) return;
      this.emit(this.queues[best].shift(), best);
    }
  }
}

/** Gathers live lines from several sources and releases them sorted by time, one window at a time. */
export class LiveMerge<L extends TimedLine> {
  private pending: { line: L; source: number }[] = [];
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly emit: (line: L, source: number) => void,
    private readonly windowMs = 50,
  ) {}

  push(source: number, line: L): void {
    this.pending.push({ line, source });
    this.timer ??= setInterval(() => this.flush(), this.windowMs);
  }

  flush(): void {
    if (this.pending.length === 0) {
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const batch = this.pending;
    this.pending = [];
    // Array.prototype.sort is stable: lines of one source with equal times keep their order.
    batch.sort((a, b) => (a.line.ts < b.line.ts ? -1 : a.line.ts > b.line.ts ? 1 : 0));
    for (const { line, source } of batch) this.emit(line, source);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
