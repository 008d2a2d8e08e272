// "Tail all" into a view that keeps only its newest N lines: the stream asks the engine for the last N
// lines (with timestamps, as always) and this counts the lines before them, which the view would drop
// anyway — sending a million lines only for the view to throw 900,000 away costs the engine its
// timestamps and Berth two decodes per line, for nothing anyone sees.
//
// Where "before" ends: the first line sent has timestamp T0. The engine's until is inclusive and its
// reader stops at the first line after it, so counting up to T0 also counts the lines at T0 that were
// sent; those (the sent lines up to the first one after T0) are taken off again.
import type { LogChunk } from '../shared/contract/logs';
import type { LogTime } from '../shared/log-time';
import { parseLogTimestamp } from '../shared/log-time';
import type { EngineConnection } from './connection';
import { countLogLines, type LineCount } from './logs-count';

type OlderChunk = Extract<LogChunk, { t: 'older' }>;

export class OlderLinesCount {
  private firstTs = '';
  /** Lines sent so far that the count also covers (timestamp ≤ the first one's), and whether that is final. */
  private sentAtFirst = 0;
  private sentAtFirstFinal = false;
  private count?: LineCount;
  private reported = -1;
  private closed = false;
  /** Settles when the count is in and reported (or failed, or closed): a finite stream ends after it. */
  readonly settled: Promise<void>;
  private settle!: () => void;

  constructor(
    private readonly engine: EngineConnection,
    private readonly container: { id: string; tty: boolean },
    private readonly since: LogTime | undefined,
    private readonly push: (chunk: OlderChunk, bytes: number) => void,
  ) {
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  /** Every line the stream sends, in order (normalised timestamps). */
  sent(ts: string): void {
    if (this.sentAtFirstFinal || this.closed) return;
    if (!this.firstTs) {
      this.firstTs = ts;
      this.sentAtFirst = 1;
      this.start(ts);
    } else if (ts <= this.firstTs) {
      this.sentAtFirst++;
    } else {
      this.sentAtFirstFinal = true;
    }
  }

  /** The stream sent no line at all and is done: there is nothing older to count. */
  nothingSent(): void {
    if (!this.firstTs) this.finish();
  }

  close(): void {
    this.closed = true;
    this.count?.close();
    this.finish();
  }

  private start(ts: string): void {
    const until = parseLogTimestamp(ts);
    if (!until) return this.finish();
    this.count = countLogLines(this.engine, this.container, { since: this.since, until }, (soFar) => this.report(soFar));
    this.count.done.then(
      (total) => {
        this.sentAtFirstFinal = true;
        this.report(total);
        this.finish();
      },
      // The older lines stay in the engine; "Load earlier" still pages them in. The view just can't say how many.
      () => this.finish(),
    );
  }

  private report(countedUpToFirst: number): void {
    if (this.closed) return;
    const lines = Math.max(0, countedUpToFirst - this.sentAtFirst);
    if (lines === this.reported || (lines === 0 && this.reported === -1)) return;
    this.reported = lines;
    this.push({ t: 'older', lines }, 32);
  }

  private finish(): void {
    this.settle();
  }
}
