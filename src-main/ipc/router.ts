// The router: validate → handler → {result}|{error}. Every invoke and stream name must be in the contract,
// and every handler map is typed from it, so a missing or misnamed handler does not compile.
import {
  invokes,
  streams,
  type InvokeName,
  type InvokeParsed,
  type InvokeResponse,
  type StreamData,
  type StreamName,
  type StreamOpenParsed,
} from '../shared/contract';
import { BerthError } from '../shared/errors';
import type { Envelope } from '../shared/protocol';
import { serializeError } from './serialize-error';

/** Who is calling: lets services tie resources (streams, exec sessions) to the client that owns them. */
export interface CallContext {
  clientId: string;
}

export type InvokeHandler<N extends InvokeName> = (
  request: InvokeParsed<N>,
  ctx: CallContext,
) => Promise<InvokeResponse<N>> | InvokeResponse<N>;

export type InvokeHandlers = { [N in InvokeName]: InvokeHandler<N> };

/** What a stream producer receives: push chunks, end the stream. Backed by the stream hub's batcher. */
export interface StreamSink<D> {
  push(chunk: D, bytes: number): void;
  /** Send what is batched now instead of at the end of the batching window (e.g. a log's first screen). */
  flush?(): void;
  end(error?: unknown): void;
  readonly closed: boolean;
}

/** What a stream producer hands back: how the hub steers it. */
export interface StreamControl {
  write?(data: string): void;
  resize?(cols: number, rows: number): void;
  /** Too much is unacknowledged: stop reading from the source until resume(). */
  pause?(): void;
  resume?(): void;
  /** The consumer went away or asked to close: release everything (engine streams, exec processes). */
  close(): void;
  /** A person types into it (a terminal): output after a quiet spell is sent at once instead of batched. */
  readonly interactive?: boolean;
  /** Bytes it may have unacknowledged before it is paused, if not STREAM_HIGH_WATER_BYTES. */
  readonly highWaterBytes?: number;
}

export type StreamProducer<N extends StreamName> = (
  request: StreamOpenParsed<N>,
  sink: StreamSink<StreamData<N>>,
  ctx: CallContext,
) => StreamControl | Promise<StreamControl>;

export type StreamProducers = { [N in StreamName]: StreamProducer<N> };

export class Router {
  constructor(
    private readonly handlers: InvokeHandlers,
    private readonly producers: StreamProducers,
  ) {}

  async invoke(name: string, payload: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
    try {
      if (!Object.hasOwn(invokes, name)) throw new BerthError('unknown_channel', `Unknown request "${name}".`);
      const key = name as InvokeName;
      const request = invokes[key].request.parse(payload ?? {});
      const handler = this.handlers[key] as InvokeHandler<InvokeName>;
      const result = await handler(request as never, ctx);
      return { result };
    } catch (err) {
      return { error: serializeError(err) };
    }
  }

  /** Validates a stream's open request and starts its producer. Throws a BerthError/ZodError on bad input. */
  async openStream(
    name: string,
    payload: unknown,
    sink: StreamSink<unknown>,
    ctx: CallContext,
  ): Promise<StreamControl> {
    if (!Object.hasOwn(streams, name)) throw new BerthError('unknown_channel', `Unknown stream "${name}".`);
    const key = name as StreamName;
    const spec = (streams as Record<string, { open: { parse(value: unknown): unknown } }>)[name];
    const request = spec.open.parse(payload ?? {});
    const producer = this.producers[key] as StreamProducer<StreamName>;
    return producer(request as never, sink as StreamSink<never>, ctx);
  }
}
