// Decodes an HTTP/1.1 chunked body by offset. The engine flushes every log message on its own, so a
// log response is one tiny HTTP chunk per line: Node's HTTP client would call back into JavaScript and
// push a Buffer through a stream for each of them — at a million lines that costs more than the rest
// of the pipeline. This walks each socket read once and hands out the payload of all the chunks in it
// as one Buffer.

const CR = 0x0d;
const LF = 0x0a;
const SEMICOLON = 0x3b;

type Phase = 'size' | 'extension' | 'data' | 'data-end' | 'trailer' | 'done';

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}

export class ChunkedDecoder {
  private phase: Phase = 'size';
  private size = 0;
  private sizeDigits = 0;
  /** Payload bytes of the current chunk still to come. */
  private remaining = 0;
  /** Characters on the current trailer line (an empty line ends the body). */
  private trailerLine = 0;

  /** `onPayload` gets each read's payload bytes (a fresh Buffer it may keep). */
  constructor(private readonly onPayload: (payload: Buffer) => void) {}

  /** The terminating zero-size chunk (and its trailer) has been read. */
  get done(): boolean {
    return this.phase === 'done';
  }

  /** Throws on a malformed body (the caller ends the stream with that error). */
  push(data: Buffer): void {
    const length = data.length;
    let out: Buffer | undefined;
    let outLength = 0;
    let offset = 0;
    while (offset < length) {
      switch (this.phase) {
        case 'size': {
          const byte = data[offset++];
          const digit = hexValue(byte);
          if (digit >= 0) {
            if (++this.sizeDigits > 12) throw new Error('the engine sent a malformed chunk size');
            this.size = this.size * 16 + digit;
          } else if (byte === LF) {
            this.endSizeLine();
          } else if (byte === SEMICOLON || byte === 0x20 || byte === 0x09) {
            this.phase = 'extension';
          } else if (byte !== CR) {
            throw new Error('the engine sent a malformed chunk size');
          }
          break;
        }
        case 'extension': {
          const newline = data.indexOf(LF, offset);
          if (newline === -1) {
            offset = length;
          } else {
            offset = newline + 1;
            this.endSizeLine();
          }
          break;
        }
        case 'data': {
          const take = Math.min(this.remaining, length - offset);
          out ??= Buffer.allocUnsafe(length - offset);
          data.copy(out, outLength, offset, offset + take);
          outLength += take;
          offset += take;
          this.remaining -= take;
          if (this.remaining === 0) this.phase = 'data-end';
          break;
        }
        case 'data-end': {
          const byte = data[offset++];
          if (byte === LF) this.phase = 'size';
          else if (byte !== CR) throw new Error('the engine sent a malformed chunk');
          break;
        }
        case 'trailer': {
          const byte = data[offset++];
          if (byte === LF) {
            if (this.trailerLine === 0) this.phase = 'done';
            this.trailerLine = 0;
          } else if (byte !== CR) {
            this.trailerLine++;
          }
          break;
        }
        case 'done':
          offset = length; // nothing may follow; ignore it
          break;
      }
    }
    if (out && outLength > 0) this.onPayload(outLength === out.length ? out : out.subarray(0, outLength));
  }

  private endSizeLine(): void {
    if (this.sizeDigits === 0) throw new Error('the engine sent a malformed chunk size');
    this.remaining = this.size;
    this.phase = this.size === 0 ? 'trailer' : 'data';
    this.size = 0;
    this.sizeDigits = 0;
    this.trailerLine = 0;
  }
}
