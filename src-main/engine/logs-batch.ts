// Collects lines into column-wise chunks for the wire. The engine sends about one HTTP chunk per log
// line, so pushing each line to the stream sink would make a million tiny chunks; this gathers what
// arrives in one turn of the event loop (or up to a size) into one chunk. The client session then
// batches chunks again at ~16 ms / 200 KB for the transport.
import type { LogChunk, LogLineKind } from '../shared/contract/logs';

type LinesChunk = Extract<LogChunk, { t: 'lines' }>;

const MAX_LINES = 4096;
const MAX_BYTES = 256 * 1024;
/** Rough wire cost of a line beside its text: its timestamp, kind, JSON quoting and commas. */
const LINE_OVERHEAD_BYTES = 40;

export class LineBatcher {
  private text: string[] = [];
  private kinds = '';
  private ts: string[] = [];
  private src: number[] = [];
  private bytes = 0;
  private scheduled?: ReturnType<typeof setImmediate>;

  constructor(
    private readonly flushTo: (chunk: LinesChunk, bytes: number) => void,
    /** Several sources (compose logs): each line names its source. */
    private readonly withSources: boolean,
  ) {}

  add(text: string, kind: LogLineKind, ts: string, source = 0): void {
    this.text.push(text);
    this.kinds += kind;
    this.ts.push(ts);
    if (this.withSources) this.src.push(source);
    this.bytes += text.length + LINE_OVERHEAD_BYTES;
    if (this.text.length >= MAX_LINES || this.bytes >= MAX_BYTES) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.text.length === 0) return;
    const chunk: LinesChunk = { t: 'lines', text: this.text, kinds: this.kinds, ts: this.ts };
    if (this.withSources) chunk.src = this.src;
    const bytes = this.bytes;
    this.text = [];
    this.kinds = '';
    this.ts = [];
    this.src = [];
    this.bytes = 0;
    this.flushTo(chunk, bytes);
  }

  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.text = [];
    this.ts = [];
    this.src = [];
  }
}
