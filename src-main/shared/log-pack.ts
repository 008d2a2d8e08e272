// Log lines packed as bytes for the wire. Following a fast log, JSON cost on both sides scaled with the
// bytes, and an RFC 3339 timestamp was ~60% of them (30 characters beside an 18-character line). Packed,
// main copies each line's UTF-8 bytes as the engine sent them (no decoding per line) and a timestamp
// takes 8 bytes; the page decodes a batch's text with one TextDecoder call and splits it at '\n'. Over
// the WebSocket a packed batch rides in the binary stream frame (protocol.ts), over Electron's IPC as a
// Uint8Array (structured clone). Both may join adjacent batches into one array, so batches are
// self-delimiting: a byte run is read batch after batch.
//
// One batch, integers little-endian:
//   0  u8   format version (1)
//   1  u8   flags: 1 = lines name their source (compose logs)
//   2  u16  0 (reserved)
//   4  u32  the batch's length in bytes, this header included
//   8  u32  n, the number of lines
//  12  u32  0 (reserved; keeps the columns below aligned within the batch)
//  16  n × f64  whole epoch seconds of each line's timestamp (a double holds them exactly)
//      n × u32  nanoseconds of each line's timestamp (0xffffffff: the line has no timestamp)
//      n × u16  source index of each line (only with flag 1)
//      n × u8   kind of each line: 'o' stdout, 'e' stderr, 'm' a marker Berth adds
//      then the text: every line's UTF-8 bytes, joined by '\n' (lines never hold one), up to the end.
// A timestamp is exact to the nanosecond: "load earlier" pages back from one, and it reads back as the
// engine's RFC 3339 form with a 9-digit fraction (YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ, UTC).
import type { LogLineKind } from './contract/logs';
import { normalizeLogTimestamp } from './log-time';

export const PACK_VERSION = 1;
const FLAG_SOURCES = 1;
const HEADER_BYTES = 16;
/** Typed arrays are little-endian here (every platform Berth runs on): columns are copied whole. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const NO_TIMESTAMP = 0xffffffff;
const NEWLINE = 0x0a;

/** Lines column-wise, as the page keeps them: ts[i] the engine timestamp ('' when none), src only for several sources. */
export interface LogLines {
  text: string[];
  kinds: string;
  ts: string[];
  src?: number[];
}

/**
 * Gathers lines into one packed batch. Line bytes are copied in as they come (a view into a socket read
 * is fine: it is copied at once); `take()` hands the batch out and starts the next.
 */
export class LogLinePacker {
  private text = new Uint8Array(64 * 1024);
  private textLength = 0;
  private kinds = new Uint8Array(1024);
  private src = new Uint16Array(1024);
  private seconds = new Float64Array(1024);
  private nanos = new Uint32Array(1024);
  private n = 0;
  private readonly encoder = new TextEncoder();
  /** The last timestamp parsed, and its "YYYY-MM-DDTHH:MM:SS" prefix: lines of one second share it. */
  private cachedPrefix = '';
  private cachedSeconds = 0;

  constructor(private readonly withSources: boolean) {}

  /** Lines gathered so far. */
  get lines(): number {
    return this.n;
  }

  /** Bytes the batch would take now. */
  get bytes(): number {
    return HEADER_BYTES + this.n * (this.withSources ? 15 : 13) + this.textLength;
  }

  /** A line given as bytes [start, end) of `data` (UTF-8, without its newline). */
  addBytes(data: Uint8Array, start: number, end: number, kind: LogLineKind, ts: string, source = 0): void {
    const length = end - start;
    this.reserveText(length + 1);
    if (this.n > 0) this.text[this.textLength++] = NEWLINE;
    // Short lines (the common case) copy faster byte by byte than through set()'s native call.
    if (length < 64) {
      const text = this.text;
      let at = this.textLength;
      for (let i = start; i < end; i++) text[at++] = data[i];
    } else {
      this.text.set(data.subarray(start, end), this.textLength);
    }
    this.textLength += length;
    this.addColumns(kind, ts, source);
  }

  /** A line given as text (markers, merged compose lines). */
  addText(text: string, kind: LogLineKind, ts: string, source = 0): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserveText(text.length * 3 + 1);
    if (this.n > 0) this.text[this.textLength++] = NEWLINE;
    this.textLength += this.encoder.encodeInto(text, this.text.subarray(this.textLength)).written;
    this.addColumns(kind, ts, source);
  }

  /** The batch so far as one packed array (undefined when empty); the packer starts afresh. */
  take(): Uint8Array | undefined {
    if (this.n === 0) return undefined;
    const n = this.n;
    const size = this.bytes;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint8(0, PACK_VERSION);
    view.setUint8(1, this.withSources ? FLAG_SOURCES : 0);
    view.setUint16(2, 0, true);
    view.setUint32(4, size, true);
    view.setUint32(8, n, true);
    view.setUint32(12, 0, true);
    let at = HEADER_BYTES;
    if (LITTLE_ENDIAN) {
      new Float64Array(out.buffer, at, n).set(this.seconds.subarray(0, n));
      new Uint32Array(out.buffer, at + 8 * n, n).set(this.nanos.subarray(0, n));
      if (this.withSources) new Uint16Array(out.buffer, at + 12 * n, n).set(this.src.subarray(0, n));
      at += n * (this.withSources ? 14 : 12);
    } else {
      for (let i = 0; i < n; i++, at += 8) view.setFloat64(at, this.seconds[i], true);
      for (let i = 0; i < n; i++, at += 4) view.setUint32(at, this.nanos[i], true);
      if (this.withSources) for (let i = 0; i < n; i++, at += 2) view.setUint16(at, this.src[i], true);
    }
    out.set(this.kinds.subarray(0, n), at);
    at += n;
    out.set(this.text.subarray(0, this.textLength), at);
    this.n = 0;
    this.textLength = 0;
    return out;
  }

  private addColumns(kind: LogLineKind, ts: string, source: number): void {
    if (this.n === this.kinds.length) this.growColumns();
    const i = this.n++;
    this.kinds[i] = kind.charCodeAt(0);
    this.src[i] = source;
    const time = this.parse(ts);
    this.seconds[i] = time ? time.s : 0;
    this.nanos[i] = time ? time.ns : NO_TIMESTAMP;
  }

  private parse(ts: string): { s: number; ns: number } | undefined {
    if (ts.length !== 30) {
      if (!ts) return undefined;
      ts = normalizeLogTimestamp(ts); // RFC3339Nano trims trailing zeros of the fraction
      if (ts.length !== 30) return undefined;
    }
    // The normalised engine form: YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ. Lines of one second share the prefix.
    if (ts.charCodeAt(19) !== 0x2e || ts.charCodeAt(29) !== 0x5a) return undefined;
    let ns = 0;
    for (let i = 20; i < 29; i++) {
      const digit = ts.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) return undefined;
      ns = ns * 10 + digit;
    }
    if (!this.cachedPrefix || !ts.startsWith(this.cachedPrefix)) {
      const seconds = wholeSeconds(ts);
      if (seconds === undefined) return undefined;
      this.cachedPrefix = ts.slice(0, 19);
      this.cachedSeconds = seconds;
    }
    return { s: this.cachedSeconds, ns };
  }

  private reserveText(extra: number): void {
    if (this.textLength + extra <= this.text.length) return;
    const grown = new Uint8Array(Math.max(this.text.length * 2, this.textLength + extra));
    grown.set(this.text.subarray(0, this.textLength));
    this.text = grown;
  }

  private growColumns(): void {
    const size = this.kinds.length * 2;
    const grow = <T extends Uint8Array | Uint16Array | Float64Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.src = grow(this.src, (n) => new Uint16Array(n));
    this.seconds = grow(this.seconds, (n) => new Float64Array(n));
    this.nanos = grow(this.nanos, (n) => new Uint32Array(n));
  }
}

/** Whole epoch seconds of "YYYY-MM-DDTHH:MM:SS…" (UTC); years below 100 too, which Date.UTC maps to 19xx. */
function wholeSeconds(ts: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(ts);
  if (!match) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(+match[1], +match[2] - 1, +match[3]);
  date.setUTCHours(+match[4], +match[5], +match[6], 0);
  const ms = date.getTime();
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** The lines of one packed byte run (one batch or several joined), batch by batch. Throws on malformed bytes. */
export function unpackLogLines(bytes: Uint8Array): LogLines[] {
  const batches: LogLines[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  const prefixes = new SecondsFormatter();
  let offset = 0;
  while (offset < bytes.length) {
    if (bytes.length - offset < HEADER_BYTES) throw new RangeError('truncated log lines batch');
    const version = view.getUint8(offset);
    if (version !== PACK_VERSION) throw new RangeError(`unknown log lines batch version ${version}`);
    const withSources = (view.getUint8(offset + 1) & FLAG_SOURCES) !== 0;
    const size = view.getUint32(offset + 4, true);
    const n = view.getUint32(offset + 8, true);
    const textStart = offset + HEADER_BYTES + n * (withSources ? 15 : 13);
    if (size < textStart - offset || offset + size > bytes.length) throw new RangeError('truncated log lines batch');
    // The columns are read through the DataView: a batch inside a stream frame need not be aligned.
    const secondsAt = offset + HEADER_BYTES;
    const nanosAt = secondsAt + 8 * n;
    let at = nanosAt + 4 * n;
    let src: number[] | undefined;
    if (withSources) {
      src = new Array<number>(n);
      for (let i = 0; i < n; i++, at += 2) src[i] = view.getUint16(at, true);
    }
    let kinds = '';
    for (let i = 0; i < n; i += 4096) {
      kinds += String.fromCharCode.apply(null, bytes.subarray(at + i, at + Math.min(n, i + 4096)) as unknown as number[]);
    }
    const ts = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const ns = view.getUint32(nanosAt + 4 * i, true);
      ts[i] = ns === NO_TIMESTAMP ? '' : prefixes.format(view.getFloat64(secondsAt + 8 * i, true), ns);
    }
    const text = n === 0 ? [] : decoder.decode(bytes.subarray(textStart, offset + size)).split('\n');
    if (text.length !== n) throw new RangeError(`log lines batch holds ${text.length} lines of text for ${n} lines`);
    batches.push(src ? { text, kinds, ts, src } : { text, kinds, ts });
    offset += size;
  }
  return batches;
}

/** Seconds + nanoseconds as the engine's RFC 3339 form; the date-time part is made once per second. */
class SecondsFormatter {
  private seconds = NaN;
  private prefix = '';

  format(seconds: number, ns: number): string {
    if (seconds !== this.seconds) {
      this.seconds = seconds;
      this.prefix = new Date(seconds * 1000).toISOString().slice(0, 19) + '.';
    }
    return `${this.prefix}${String(ns).padStart(9, '0')}Z`;
  }
}

/** A log stream's chunks with packed lines unpacked: what the page works with. */
export type UnpackedLogChunk<C> = Exclude<C, Uint8Array> | ({ t: 'lines' } & LogLines);

export function unpackLogChunks<C extends object>(chunks: readonly C[]): UnpackedLogChunk<C>[] {
  const out: UnpackedLogChunk<C>[] = [];
  for (const chunk of chunks) {
    if (chunk instanceof Uint8Array) for (const lines of unpackLogLines(chunk)) out.push({ t: 'lines', ...lines });
    else out.push(chunk as Exclude<C, Uint8Array>);
  }
  return out;
}

/** Column-wise lines as one packed batch (tests, and anything that holds lines as text already). */
export function packLogLines(lines: LogLines): Uint8Array {
  const packer = new LogLinePacker(!!lines.src);
  for (let i = 0; i < lines.text.length; i++) {
    packer.addText(lines.text[i], lines.kinds[i] as LogLineKind, lines.ts[i], lines.src?.[i] ?? 0);
  }
  return packer.take() ?? new Uint8Array(0);
}
