// Lines of a flood that no one can ever see. xterm keeps the screen plus its scrollback (5,000 lines) and
// drops older lines as new ones arrive. When the output queued for it holds more lines than that, the lines
// that the rest of the queue pushes out of the scrollback would be parsed only to be dropped: skipping them
// leaves xterm in exactly the state it would have reached (same screen, scrollback, cursor and modes).
//
// That holds only for plain text, so the skipped span and everything from it to the end of the look-ahead
// must be plain: printable characters, tabs, CR and LF, UTF-8 that is not a C1 control. An escape sequence
// could move the cursor, set a scroll region or switch to the alternate screen, after which lines no longer
// scroll out. The span starts and ends just after a CR LF, so the cursor is at the start of a line either
// way. What xterm itself must be in (normal screen, whole-screen scroll region, viewport following the
// output) is checked by the caller (xterm-unseen-lines.ts), which also says how many LFs must follow the
// span: enough to push every row the span would have touched out of the scrollback.

const LF = 0x0a;
const CR = 0x0d;

/** A span [from, to) of the data, in bytes from its start, that need not be parsed. */
export interface UnseenSpan {
  from: number;
  to: number;
}

/** The queued output as one sequence of bytes, read in place across its chunks. */
class ChunkedBytes {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(private readonly chunks: readonly Uint8Array[]) {
    let offset = 0;
    for (const chunk of chunks) {
      this.starts.push(offset);
      offset += chunk.length;
    }
    this.length = offset;
  }

  /** Calls `visit` with each chunk and its start offset, until it returns false. */
  forEach(visit: (chunk: Uint8Array, start: number) => boolean | void): void {
    for (let i = 0; i < this.chunks.length; i++) if (visit(this.chunks[i], this.starts[i]) === false) return;
  }

  /** The same, from the last chunk back. */
  forEachBackward(visit: (chunk: Uint8Array, start: number) => boolean | void): void {
    for (let i = this.chunks.length - 1; i >= 0; i--) if (visit(this.chunks[i], this.starts[i]) === false) return;
  }

  at(index: number): number {
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i] > index) i--;
    return this.chunks[i][index - this.starts[i]];
  }
}

/** How many continuation bytes a UTF-8 lead byte takes and the range of the first one; undefined: not plain. */
function utf8Lead(byte: number): { more: number; low: number; high: number } | undefined {
  if (byte === 0xc2) return { more: 1, low: 0xa0, high: 0xbf }; // C2 80–9F would be C1 controls
  if (byte >= 0xc3 && byte <= 0xdf) return { more: 1, low: 0x80, high: 0xbf };
  if (byte === 0xe0) return { more: 2, low: 0xa0, high: 0xbf }; // no overlong forms
  if (byte === 0xed) return { more: 2, low: 0x80, high: 0x9f }; // no surrogates
  if (byte >= 0xe1 && byte <= 0xef) return { more: 2, low: 0x80, high: 0xbf };
  if (byte === 0xf0) return { more: 3, low: 0x90, high: 0xbf };
  if (byte >= 0xf1 && byte <= 0xf3) return { more: 3, low: 0x80, high: 0xbf };
  if (byte === 0xf4) return { more: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/**
 * Where the plain text at the start of the data ends: the first byte that is not plain, or the start of a
 * UTF-8 character cut off by the end of the data. Also the offset just after the first CR LF (-1: none).
 * This runs over every queued byte during a flood, so printable ASCII takes a tight loop of its own.
 */
function plainPrefix(data: ChunkedBytes): { end: number; firstLineEnd: number } {
  let end = -1;
  let firstLineEnd = -1;
  let lastByte = -1;
  // Inside a UTF-8 character: continuation bytes still expected, the bounds of the next one, where it began.
  let more = 0;
  let low = 0x80;
  let high = 0xbf;
  let charStart = 0;
  data.forEach((chunk, start) => {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      let byte = chunk[i];
      if (more === 0) {
        while (byte >= 0x20 && byte <= 0x7e && ++i < length) byte = chunk[i];
        if (i === length) break;
        if (byte >= 0x20 && byte <= 0x7e) continue;
        if (byte === LF) {
          if (firstLineEnd === -1 && (i > 0 ? chunk[i - 1] : lastByte) === CR) firstLineEnd = start + i + 1;
        } else if (byte !== CR && byte !== 0x09) {
          const lead = byte >= 0x80 ? utf8Lead(byte) : undefined;
          if (!lead) {
            end = start + i;
            return false;
          }
          ({ more, low, high } = lead);
          charStart = start + i;
        }
      } else {
        if (byte < low || byte > high) {
          end = charStart;
          return false;
        }
        more--;
        low = 0x80;
        high = 0xbf;
      }
      i++;
    }
    if (length > 0) lastByte = chunk[length - 1];
    return true;
  });
  if (end === -1) end = more > 0 ? charStart : data.length;
  return { end, firstLineEnd: firstLineEnd !== -1 && firstLineEnd <= end ? firstLineEnd : -1 };
}

/**
 * The offset just after the last CR LF in [0, end) that still has at least `lineFeeds` LFs after it (up to
 * `end`), or -1.
 */
function lastLineEndBefore(data: ChunkedBytes, end: number, lineFeeds: number): number {
  let counted = 0;
  let found = -1;
  data.forEachBackward((chunk, start) => {
    if (start >= end) return true;
    for (let i = Math.min(chunk.length, end - start) - 1; i >= 0; i--) {
      if (chunk[i] !== LF) continue;
      const at = start + i;
      // Enough LFs after this one: it ends the span if a CR comes just before it.
      if (counted >= lineFeeds && at > 0 && (i > 0 ? chunk[i - 1] : data.at(at - 1)) === CR) {
        found = at + 1;
        return false;
      }
      counted++;
    }
    return true;
  });
  return found;
}

/** What a look at the queued output found. */
export interface UnseenLook {
  /** The span to skip, if any. */
  span: UnseenSpan | undefined;
  /** Whether the output is plain text to its end (so more of it may yet give a span). */
  plainToEnd: boolean;
}

/**
 * The span of `chunks` (read as one sequence of bytes) whose lines would be pushed out of the scrollback by
 * at least `lineFeedsAfter` LFs of plain text after it, if any.
 */
export function lookForUnseenSpan(chunks: readonly Uint8Array[], lineFeedsAfter: number): UnseenLook {
  const data = new ChunkedBytes(chunks);
  const { end, firstLineEnd } = plainPrefix(data);
  // A UTF-8 character cut off at the very end still counts as plain: the rest of it is on its way.
  const plainToEnd = end >= data.length - 3;
  if (firstLineEnd === -1) return { span: undefined, plainToEnd };
  const to = lastLineEndBefore(data, end, lineFeedsAfter);
  return { span: to > firstLineEnd ? { from: firstLineEnd, to } : undefined, plainToEnd };
}

export function findUnseenSpan(chunks: readonly Uint8Array[], lineFeedsAfter: number): UnseenSpan | undefined {
  return lookForUnseenSpan(chunks, lineFeedsAfter).span;
}
