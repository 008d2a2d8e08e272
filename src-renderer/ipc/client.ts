// The renderer's one client to main: typed from the contract, the same over Electron IPC and the
// WebSocket bridge. Invokes throw a ClientError (code + message) the UI shows where the user acted.
import type {
  EventName,
  EventPayload,
  InvokeName,
  InvokeRequest,
  InvokeResponse,
  StreamData,
  StreamName,
  StreamOpen,
} from '../../src-main/shared/contract';
import type { ErrorCode, SerializedError } from '../../src-main/shared/errors';
import type { ServerMessage } from '../../src-main/shared/protocol';
import { electronTransport, tokenFromLocation, webSocketTransport, type Transport } from './transport';

export class ClientError extends Error {
  readonly code: ErrorCode;
  readonly detail?: string;
  constructor(error: SerializedError) {
    super(error.message);
    this.code = error.code;
    this.detail = error.detail;
  }
}

export interface StreamHandlers<D> {
  /** A batch of chunks. Call ack(bytes) once they are consumed (rendered), so more may come. */
  onData(chunks: D[], bytes: number): void;
  onEnd?(error?: ClientError): void;
}

export interface StreamHandle {
  readonly sid: string;
  /** Resolves once main has accepted the stream; rejects with a ClientError if it refused. */
  readonly opened: Promise<void>;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  ack(bytes: number): void;
  close(): void;
}

export class BerthClient {
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly streamHandlers = new Map<string, StreamHandlers<unknown>>();
  private nextStream = 1;

  constructor(private readonly transport: Transport) {
    transport.onMessage((message) => this.dispatch(message));
  }

  async invoke<N extends InvokeName>(name: N, payload: InvokeRequest<N>): Promise<InvokeResponse<N>> {
    const envelope = await this.transport.invoke(name, payload);
    if ('error' in envelope) throw new ClientError(envelope.error);
    return envelope.result as InvokeResponse<N>;
  }

  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    let set = this.eventListeners.get(name);
    if (!set) this.eventListeners.set(name, (set = new Set()));
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  /** Transport-level connection (the WebSocket to Berth itself, not the engine). */
  onConnection(listener: (connected: boolean) => void): () => void {
    return this.transport.onConnection(listener);
  }

  openStream<N extends StreamName>(name: N, payload: StreamOpen<N>, handlers: StreamHandlers<StreamData<N>>): StreamHandle {
    const sid = `s${this.nextStream++}-${Math.random().toString(36).slice(2, 8)}`;
    this.streamHandlers.set(sid, handlers as StreamHandlers<unknown>);
    let closed = false;
    const opened = this.transport.openStream(sid, name, payload).then((envelope) => {
      if ('error' in envelope) {
        this.streamHandlers.delete(sid);
        throw new ClientError(envelope.error);
      }
    });
    opened.catch(() => {}); // callers that care await `opened`; unhandled refusals must not crash the page
    return {
      sid,
      opened,
      write: (data) => !closed && this.transport.write(sid, data),
      resize: (cols, rows) => !closed && this.transport.resize(sid, cols, rows),
      ack: (bytes) => !closed && this.transport.ack(sid, bytes),
      close: () => {
        if (closed) return;
        closed = true;
        this.streamHandlers.delete(sid);
        this.transport.close(sid);
      },
    };
  }

  private dispatch(message: ServerMessage): void {
    switch (message.t) {
      case 'event':
        for (const listener of this.eventListeners.get(message.name) ?? []) listener(message.payload);
        return;
      case 'stream.data':
        this.streamHandlers.get(message.sid)?.onData(message.chunks, message.bytes);
        return;
      case 'stream.end': {
        const handlers = this.streamHandlers.get(message.sid);
        this.streamHandlers.delete(message.sid);
        handlers?.onEnd?.(message.error ? new ClientError(message.error) : undefined);
        return;
      }
      default:
        return;
    }
  }
}

function createTransport(): Transport {
  if (window.berth) return electronTransport(window.berth);
  const token = tokenFromLocation(window.location, window.sessionStorage, window.history);
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws?token=${encodeURIComponent(token ?? '')}`;
  return webSocketTransport(wsUrl);
}

export const client = new BerthClient(createTransport());
