// The wire messages both transports carry (Electron IPC and the headless WebSocket bridge): the same
// shapes, so the router and the renderer client do not care which one they run over.
import type { SerializedError } from './errors';

/** Renderer → main. */
export type ClientMessage =
  | { t: 'invoke'; id: number; name: string; payload: unknown }
  /** The client names the stream (sid, unique per client) so data arriving before the open's result has a home. */
  | { t: 'stream.open'; id: number; sid: string; name: string; payload: unknown }
  | { t: 'stream.write'; sid: string; data: string }
  | { t: 'stream.resize'; sid: string; cols: number; rows: number }
  /** The consumer has processed this many bytes: the producer may send that many more. */
  | { t: 'stream.ack'; sid: string; bytes: number }
  | { t: 'stream.close'; sid: string };

/** Main → renderer. */
export type ServerMessage =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'error'; id: number; error: SerializedError }
  | { t: 'event'; name: string; payload: unknown }
  /** A batch of chunks (each as the producer pushed it) and their total size in bytes, for acks. */
  | { t: 'stream.data'; sid: string; chunks: unknown[]; bytes: number }
  | { t: 'stream.end'; sid: string; error?: SerializedError };

/** The answer to an invoke or stream.open, as one value. */
export type Envelope<T> = { result: T } | { error: SerializedError };

/** Flow-control figures shared by producers and consumers. */
export const STREAM_BATCH_MS = 16;
export const STREAM_BATCH_BYTES = 200 * 1024;
/** Bytes a producer may have unacknowledged before it is paused. */
export const STREAM_HIGH_WATER_BYTES = 512 * 1024;
/**
 * A terminal's: more, so that the page can look past its 5,000-line scrollback in what is queued and skip
 * lines a flood would push out of it before they could be seen (src-renderer/terminal/unseen-lines.ts).
 */
export const TERMINAL_HIGH_WATER_BYTES = 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Binary stream frames. A stream whose chunks are bytes (terminal output: `Uint8Array` in the contract)
// would pay for UTF-8 decoding, JSON escaping and parsing on every byte if it went as JSON text. Over the
// WebSocket such a batch goes as one binary frame instead; the page gets views into the frame (no copy) and
// xterm decodes the UTF-8 itself, across chunk boundaries. Batches without bytes (logs) stay JSON text.
// Electron's IPC carries Uint8Array natively (structured clone): it only needs the byte runs merged.
//
// Layout, integers big-endian:
//   u8  frame kind: 1 = stream.data
//   u32 the batch's byte count (for acks)
//   u16 sid length in bytes, then the sid (UTF-8)
//   then parts up to the end: u8 part kind (0 = bytes, 1 = a JSON value), u32 length, the payload.
// Adjacent byte chunks become one part: a batch of many socket reads is one write into xterm.

export type StreamDataMessage = Extract<ServerMessage, { t: 'stream.data' }>;

const FRAME_STREAM_DATA = 1;
const PART_BYTES = 0;
const PART_JSON = 1;
const FRAME_HEADER_BYTES = 1 + 4 + 2;
const PART_HEADER_BYTES = 1 + 4;

/** Chunks in order, adjacent byte chunks joined into one fresh Uint8Array each (other chunks as they are). */
export function mergeByteRuns(chunks: readonly unknown[]): unknown[] {
  const merged: unknown[] = [];
  let run: Uint8Array[] = [];
  const closeRun = () => {
    if (run.length) merged.push(concatBytes(run));
    run = [];
  };
  for (const chunk of chunks) {
    if (chunk instanceof Uint8Array) run.push(chunk);
    else {
      closeRun();
      merged.push(chunk);
    }
  }
  closeRun();
  return merged;
}

/** The message as one binary frame when it is a batch carrying bytes; undefined: send it as JSON text. */
export function encodeBinaryFrame(message: ServerMessage): Uint8Array | undefined {
  if (message.t !== 'stream.data' || !message.chunks.some((chunk) => chunk instanceof Uint8Array)) return undefined;
  const encoder = new TextEncoder();
  const sid = encoder.encode(message.sid);
  if (sid.length > 0xffff) throw new RangeError('stream id too long for a binary frame');
  const parts = mergeRunsForFrame(message.chunks, encoder);
  const size = FRAME_HEADER_BYTES + sid.length + parts.reduce((sum, part) => sum + PART_HEADER_BYTES + part.length, 0);
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  view.setUint8(0, FRAME_STREAM_DATA);
  view.setUint32(1, message.bytes);
  view.setUint16(5, sid.length);
  frame.set(sid, FRAME_HEADER_BYTES);
  let offset = FRAME_HEADER_BYTES + sid.length;
  for (const part of parts) {
    view.setUint8(offset, part.kind);
    view.setUint32(offset + 1, part.length);
    offset += PART_HEADER_BYTES;
    for (const piece of part.pieces) {
      frame.set(piece, offset);
      offset += piece.length;
    }
  }
  return frame;
}

/** A binary frame back into its message; byte chunks are views into `frame`. Throws on a malformed frame. */
export function decodeBinaryFrame(frame: Uint8Array): StreamDataMessage {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const need = (offset: number, length: number) => {
    if (offset + length > frame.length) throw new RangeError('truncated binary frame');
  };
  need(0, FRAME_HEADER_BYTES);
  if (view.getUint8(0) !== FRAME_STREAM_DATA) throw new RangeError(`unknown binary frame kind ${view.getUint8(0)}`);
  const bytes = view.getUint32(1);
  const sidLength = view.getUint16(5);
  need(FRAME_HEADER_BYTES, sidLength);
  const decoder = new TextDecoder();
  const sid = decoder.decode(frame.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + sidLength));
  const chunks: unknown[] = [];
  let offset = FRAME_HEADER_BYTES + sidLength;
  while (offset < frame.length) {
    need(offset, PART_HEADER_BYTES);
    const kind = view.getUint8(offset);
    const length = view.getUint32(offset + 1);
    offset += PART_HEADER_BYTES;
    need(offset, length);
    const payload = frame.subarray(offset, offset + length);
    if (kind === PART_BYTES) chunks.push(payload);
    else if (kind === PART_JSON) chunks.push(JSON.parse(decoder.decode(payload)));
    else throw new RangeError(`unknown binary frame part ${kind}`);
    offset += length;
  }
  return { t: 'stream.data', sid, chunks, bytes };
}

interface FramePart {
  kind: typeof PART_BYTES | typeof PART_JSON;
  length: number;
  /** A byte run's chunks, copied into the frame one after the other. */
  pieces: Uint8Array[];
}

function mergeRunsForFrame(chunks: readonly unknown[], encoder: TextEncoder): FramePart[] {
  const parts: FramePart[] = [];
  let run: FramePart | undefined;
  for (const chunk of chunks) {
    if (chunk instanceof Uint8Array) {
      if (!run) parts.push((run = { kind: PART_BYTES, length: 0, pieces: [] }));
      run.pieces.push(chunk);
      run.length += chunk.length;
      continue;
    }
    run = undefined;
    const json = encoder.encode(JSON.stringify(chunk));
    parts.push({ kind: PART_JSON, length: json.length, pieces: [json] });
  }
  return parts;
}

/** The pieces joined into one fresh array. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  return joined;
}
