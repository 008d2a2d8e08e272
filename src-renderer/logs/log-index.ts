// Which of a buffer's lines the view shows (stdout/stderr filters, "only matching lines") and which
// match the search — kept up to date line by line as lines arrive and leave, so a search over 100,000
// lines is paid once when the query changes, not on every batch.
import type { LogBuffer } from './log-buffer';
import { plainText, type CompiledQuery } from './log-search';

export interface LogFilter {
  stdout: boolean;
  stderr: boolean;
  query?: CompiledQuery;
  /** Show only lines that match the query. */
  onlyMatches: boolean;
}

/** A sorted list of positions that grows at both ends and is trimmed at both ends. */
class Positions {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  at(i: number): number {
    return this.items[this.head + i];
  }

  push(pos: number): void {
    this.items.push(pos);
  }

  prependAll(positions: number[]): void {
    if (positions.length === 0) return;
    this.items = positions.concat(this.items.slice(this.head));
    this.head = 0;
  }

  /** Drops positions below `min` and from `max` up. */
  trim(min: number, max: number): void {
    while (this.head < this.items.length && this.items[this.head] < min) this.head++;
    while (this.items.length > this.head && this.items[this.items.length - 1] >= max) this.items.pop();
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the first position ≥ pos. */
  lowerBound(pos: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export class LogIndex {
  private filter: LogFilter = { stdout: true, stderr: true, onlyMatches: false };
  private readonly visible = new Positions();
  private readonly matching = new Positions();
  /** Positions [indexedFrom, indexedTo) of the buffer have been looked at. */
  private indexedFrom = 0;
  private indexedTo = 0;

  constructor(private readonly buffer: LogBuffer) {
    this.indexedFrom = this.indexedTo = buffer.end;
  }

  /** Everything is shown: no list needed, position = first + index. */
  private get showsAll(): boolean {
    return this.filter.stdout && this.filter.stderr && !(this.filter.query && this.filter.onlyMatches);
  }

  get hasQuery(): boolean {
    return !!this.filter.query;
  }

  setFilter(filter: LogFilter): void {
    this.filter = filter;
    this.visible.clear();
    this.matching.clear();
    this.indexedFrom = this.indexedTo = this.buffer.first;
    this.update();
  }

  /** Brings the index up to date with the buffer (after appends, prepends, drops or a clear). */
  update(): void {
    const { first, end } = this.buffer;
    if (this.indexedTo < first || this.indexedFrom > end) {
      // Everything indexed has gone (a clear, or a flood larger than the buffer).
      this.visible.clear();
      this.matching.clear();
      this.indexedFrom = this.indexedTo = first;
    }
    this.visible.trim(first, end);
    this.matching.trim(first, end);
    this.indexedFrom = Math.max(this.indexedFrom, first);
    this.indexedTo = Math.min(this.indexedTo, end);
    if (this.showsAll && !this.filter.query) {
      // Nothing to list or match: no need to look at the lines.
      this.indexedFrom = first;
      this.indexedTo = end;
      return;
    }
    if (first < this.indexedFrom) {
      const visible: number[] = [];
      const matching: number[] = [];
      for (let pos = first; pos < this.indexedFrom; pos++) this.classify(pos, visible, matching);
      this.visible.prependAll(visible);
      this.matching.prependAll(matching);
      this.indexedFrom = first;
    }
    for (let pos = this.indexedTo; pos < end; pos++) this.classify(pos, this.visible, this.matching);
    this.indexedTo = end;
  }

  private classify(pos: number, visible: { push(pos: number): void }, matching: { push(pos: number): void }): void {
    const { stdout, stderr, query, onlyMatches } = this.filter;
    const kind = this.buffer.kindAt(pos);
    if ((kind === 'o' && !stdout) || (kind === 'e' && !stderr)) return;
    const matches = query ? kind !== 'm' && query.test(plainText(this.buffer.textAt(pos))) : false;
    if (matches) matching.push(pos);
    if (!this.showsAll && (!onlyMatches || matches)) visible.push(pos);
  }

  get visibleCount(): number {
    return this.showsAll ? this.buffer.size : this.visible.length;
  }

  /** The buffer position of the i-th shown line. */
  visibleAt(i: number): number {
    return this.showsAll ? this.buffer.first + i : this.visible.at(i);
  }

  /** Index among shown lines of the first shown line at or after pos. */
  visibleIndexOf(pos: number): number {
    if (this.showsAll) return Math.max(0, Math.min(this.buffer.size, pos - this.buffer.first));
    return this.visible.lowerBound(pos);
  }

  get matchCount(): number {
    return this.matching.length;
  }

  matchAt(i: number): number {
    return this.matching.at(i);
  }

  /** Index among matches of the first match at or after pos. */
  matchIndexOf(pos: number): number {
    return this.matching.lowerBound(pos);
  }

  isMatch(pos: number): boolean {
    const i = this.matching.lowerBound(pos);
    return i < this.matching.length && this.matching.at(i) === pos;
  }
}
