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
