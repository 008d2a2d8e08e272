// One connected client (an Electron window or a WebSocket): answers its messages through the router,
// forwards main's events to it, and owns its streams — when the client goes, its streams close.
import { randomUUID } from 'node:crypto';
import type { ClientMessage, Envelope, ServerMessage } from '../shared/protocol';
import { STREAM_HIGH_WATER_BYTES } from '../shared/protocol';
import type { EventBus } from './event-bus';
import type { Router, StreamControl, StreamSink } from './router';
import { serializeError } from './serialize-error';
import { StreamBatcher } from './stream-batcher';

interface OpenStream {
  control?: StreamControl;
  batcher: StreamBatcher<unknown>;
  unacked: number;
  paused: boolean;
  ended: boolean;
  closeRequested: boolean;
}

export class ClientSession {
  readonly clientId = randomUUID();
  private readonly streams = new Map<string, OpenStream>();
  private readonly unsubscribe: () => void;
  private disposed = false;

  constructor(
    private readonly router: Router,
    bus: EventBus,
    private readonly send: (message: ServerMessage) => void,
    private readonly highWater = STREAM_HIGH_WATER_BYTES,
  ) {
    this.unsubscribe = bus.subscribe((name, payload) => this.send({ t: 'event', name, payload }));
  }

  get openStreamCount(): number {
    return this.streams.size;
  }

  /** For transports that speak in messages (the WebSocket): answers each one with messages. */
  async handle(message: ClientMessage): Promise<void> {
    if (this.disposed) return;
    switch (message.t) {
      case 'invoke':
        return this.reply(message.id, await this.invoke(message.name, message.payload));
      case 'stream.open':
        return this.reply(message.id, await this.openStream(message.sid, message.name, message.payload));
      case 'stream.write':
        return this.write(message.sid, message.data);
      case 'stream.resize':
        return this.resize(message.sid, message.cols, message.rows);
      case 'stream.ack':
        return this.ack(message.sid, message.bytes);
      case 'stream.close':
        return this.closeStream(message.sid);
    }
  }

  invoke(name: string, payload: unknown): Promise<Envelope<unknown>> {
    return this.router.invoke(name, payload, { clientId: this.clientId });
  }

  write(sid: string, data: string): void {
    if (typeof data === 'string') this.streams.get(sid)?.control?.write?.(data);
  }

  resize(sid: string, cols: number, rows: number): void {
    if (Number.isInteger(cols) && Number.isInteger(rows) && cols > 0 && rows > 0 && cols < 10000 && rows < 10000) {
      this.streams.get(sid)?.control?.resize?.(cols, rows);
    }
  }

  private reply(id: number, envelope: Envelope<unknown>): void {
    if (this.disposed) return;
    if ('result' in envelope) this.send({ t: 'result', id, result: envelope.result });
    else this.send({ t: 'error', id, error: envelope.error });
  }

  /** Opens a stream named by the client; its data and end arrive as messages, the answer as an envelope. */
  async openStream(sid: string, name: string, payload: unknown): Promise<Envelope<{ sid: string }>> {
    if (typeof sid !== 'string' || !sid || sid.length > 128 || this.streams.has(sid)) {
      return { error: { code: 'invalid_input', message: 'a new, unique stream id is required' } };
    }
    const entry: OpenStream = {
      batcher: new StreamBatcher((chunks, bytes) => {
        entry.unacked += bytes;
        this.send({ t: 'stream.data', sid, chunks, bytes });
        if (!entry.paused && entry.unacked > this.highWaterOf(entry)) {
          entry.paused = true;
          entry.control?.pause?.();
        }
      }),
      unacked: 0,
      paused: false,
      ended: false,
      closeRequested: false,
    };
    const sink: StreamSink<unknown> = {
      push: (chunk, bytes) => {
        if (!entry.ended) entry.batcher.push(chunk, bytes);
      },
      flush: () => {
        if (!entry.ended) entry.batcher.flush();
      },
      end: (error) => {
        if (entry.ended) return;
        entry.ended = true;
        entry.batcher.flush();
        this.streams.delete(sid);
        this.send({ t: 'stream.end', sid, ...(error ? { error: serializeError(error) } : {}) });
      },
      get closed() {
        return entry.ended;
      },
    };
    this.streams.set(sid, entry);
    try {
      entry.control = await this.router.openStream(name, payload, sink, { clientId: this.clientId });
      entry.batcher.flushWhenIdle = entry.control.interactive === true;
      // The client left, or closed the stream, while it was opening.
      if (this.disposed || entry.closeRequested) entry.control.close();
      return { result: { sid } };
    } catch (err) {
      this.streams.delete(sid);
      entry.ended = true;
      entry.batcher.dispose();
      return { error: serializeError(err) };
    }
  }

  ack(sid: string, bytes: number): void {
    const entry = this.streams.get(sid);
    if (!entry) return;
    entry.unacked = Math.max(0, entry.unacked - bytes);
    if (entry.paused && entry.unacked <= this.highWaterOf(entry) / 2) {
      entry.paused = false;
      entry.control?.resume?.();
    }
  }

  /** The stream's own high water (a terminal's is larger), else the session's. */
  private highWaterOf(entry: OpenStream): number {
    return entry.control?.highWaterBytes ?? this.highWater;
  }

  closeStream(sid: string): void {
    const entry = this.streams.get(sid);
    if (!entry) return;
    this.streams.delete(sid);
    entry.ended = true;
    entry.closeRequested = true;
    entry.batcher.dispose();
    entry.control?.close();
  }

  /** The client is gone: close every stream it owned and stop forwarding events. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe();
    for (const sid of [...this.streams.keys()]) this.closeStream(sid);
  }
}
