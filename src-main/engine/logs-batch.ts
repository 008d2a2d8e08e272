// Collects lines into packed chunks for the wire (shared/log-pack.ts). The engine sends about one HTTP
// chunk per log line, so pushing each line to the stream sink would make a million tiny chunks; this
// gathers what arrives in one turn of the event loop (or up to a size) into one chunk. The client session
// then batches chunks again at ~16 ms / 200 KB for the transport. A line's bytes are copied straight from
// the engine's read into the batch: nothing is decoded or re-encoded on the way.
import type { LogLineKind } from '../shared/contract/logs';
import { LogLinePacker } from '../shared/log-pack';

const MAX_LINES = 4096;
const MAX_BYTES = 256 * 1024;

export class LineBatcher {
  private readonly packer: LogLinePacker;
  private scheduled?: ReturnType<typeof setImmediate>;

  constructor(
    private readonly flushTo: (chunk: Uint8Array, bytes: number) => void,
    /** Several sources (compose logs): each line names its source. */
    withSources: boolean,
  ) {
    this.packer = new LogLinePacker(withSources);
  }

  /** A line as bytes [start, end) of `data` (copied at once), or as text. */
  addBytes(data: Uint8Array, start: number, end: number, kind: LogLineKind, ts: string, source = 0): void {
    this.packer.addBytes(data, start, end, kind, ts, source);
    this.added();
  }

  add(text: Uint8Array | string, kind: LogLineKind, ts: string, source = 0): void {
    if (typeof text === 'string') this.packer.addText(text, kind, ts, source);
    else this.packer.addBytes(text, 0, text.length, kind, ts, source);
    this.added();
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const chunk = this.packer.take();
    if (chunk) this.flushTo(chunk, chunk.length);
  }

  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.packer.take();
  }

  private added(): void {
    if (this.packer.lines >= MAX_LINES || this.packer.bytes >= MAX_BYTES) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }
}
