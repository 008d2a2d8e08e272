// The shape of window.berth, which the preload exposes inside Electron. Derived from the contract: one
// method per invoke and per stream, plus the stream controls and one message subscription.
import type { InvokeName, InvokeRequest, InvokeResponse, StreamName, StreamOpen } from './contract';
import type { Envelope, ServerMessage } from './protocol';

export interface BerthBridge {
  invoke: { [N in InvokeName]: (payload: InvokeRequest<N>) => Promise<Envelope<InvokeResponse<N>>> };
  openStream: { [N in StreamName]: (sid: string, payload: StreamOpen<N>) => Promise<Envelope<{ sid: string }>> };
  streamWrite(sid: string, data: string): void;
  streamResize(sid: string, cols: number, rows: number): void;
  streamAck(sid: string, bytes: number): void;
  streamClose(sid: string): void;
  /** Events, stream data and stream ends from main. Returns an unsubscribe function. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
}
