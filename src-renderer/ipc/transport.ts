// The two ways the renderer reaches main: window.berth inside Electron, or the WebSocket bridge in a
// browser. Both carry the same messages; client.ts does not care which.
import type { BerthBridge } from '../../src-main/shared/bridge';
import { decodeBinaryFrame, type ClientMessage, type Envelope, type ServerMessage } from '../../src-main/shared/protocol';

export interface Transport {
  invoke(name: string, payload: unknown): Promise<Envelope<unknown>>;
  openStream(sid: string, name: string, payload: unknown): Promise<Envelope<{ sid: string }>>;
  write(sid: string, data: string): void;
  resize(sid: string, cols: number, rows: number): void;
  ack(sid: string, bytes: number): void;
  close(sid: string): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Transport-level state (the WebSocket can drop; Electron IPC cannot). */
  onConnection(listener: (connected: boolean) => void): () => void;
}

declare global {
  interface Window {
    berth?: BerthBridge;
  }
}

export function electronTransport(bridge: BerthBridge): Transport {
  const invoke = bridge.invoke as unknown as Record<string, (payload: unknown) => Promise<Envelope<unknown>>>;
  const open = bridge.openStream as unknown as Record<string, (sid: string, payload: unknown) => Promise<Envelope<{ sid: string }>>>;
  return {
    invoke: (name, payload) =>
      invoke[name]
        ? invoke[name](payload)
        : Promise.resolve({ error: { code: 'unknown_channel', message: `Unknown request "${name}".` } }),
    openStream: (sid, name, payload) =>
      open[name]
        ? open[name](sid, payload)
        : Promise.resolve({ error: { code: 'unknown_channel', message: `Unknown stream "${name}".` } }),
    write: (sid, data) => bridge.streamWrite(sid, data),
    resize: (sid, cols, rows) => bridge.streamResize(sid, cols, rows),
    ack: (sid, bytes) => bridge.streamAck(sid, bytes),
    close: (sid) => bridge.streamClose(sid),
    onMessage: (listener) => bridge.onMessage(listener),
    onConnection: (listener) => {
      listener(true);
      return () => {};
    },
  };
}

/**
 * The token comes in the launch URL's hash (#token=…), which browsers never send to the server. It is
 * kept in sessionStorage (this tab only) and removed from the address bar, so reloads and pop-out
 * routes keep working without showing it.
 */
export function tokenFromLocation(location: Location, storage: Storage | undefined, history?: History): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    storage?.setItem('berth.token', token);
    history?.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return storage?.getItem('berth.token') ?? undefined;
}

export function webSocketTransport(url: string): Transport {
  const messageListeners = new Set<(message: ServerMessage) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let connected = false;
  let queue: ClientMessage[] = [];
  let retryDelay = 250;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  };

  const connect = () => {
    socket = new WebSocket(url);
    // Terminal output comes as binary frames: read them synchronously as bytes (a Blob would need a read).
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      retryDelay = 250;
      setConnected(true);
      const queued = queue;
      queue = [];
      for (const message of queued) socket?.send(JSON.stringify(message));
    };
    socket.onmessage = (event) => {
      const message =
        event.data instanceof ArrayBuffer ? decodeBinaryFrame(new Uint8Array(event.data)) : (JSON.parse(String(event.data)) as ServerMessage);
      if (message.t === 'result' || message.t === 'error') {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.t === 'result' ? { result: message.result } : { error: message.error });
        return;
      }
      for (const listener of messageListeners) listener(message);
    };
    socket.onclose = () => {
      setConnected(false);
      // Requests in flight are lost with the socket: answer them instead of leaving them hanging.
      for (const resolve of pending.values()) {
        resolve({ error: { code: 'engine_unavailable', message: 'The connection to Berth was lost.' } });
      }
      pending.clear();
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 4000);
    };
  };
  connect();

  const send = (message: ClientMessage) => {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else queue.push(message);
  };
  const request = <T>(build: (id: number) => ClientMessage) =>
    new Promise<Envelope<T>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (envelope: Envelope<unknown>) => void);
      send(build(id));
    });

  return {
    invoke: (name, payload) => request((id) => ({ t: 'invoke', id, name, payload })),
    openStream: (sid, name, payload) => request((id) => ({ t: 'stream.open', id, sid, name, payload })),
    write: (sid, data) => send({ t: 'stream.write', sid, data }),
    resize: (sid, cols, rows) => send({ t: 'stream.resize', sid, cols, rows }),
    ack: (sid, bytes) => send({ t: 'stream.ack', sid, bytes }),
    close: (sid) => send({ t: 'stream.close', sid }),
    onMessage: (listener) => {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(connected);
      return () => connectionListeners.delete(listener);
    },
  };
}
