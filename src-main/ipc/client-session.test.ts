// berth.test=foundation — one client's session: invokes answered as messages, events forwarded, and the
// streams it owns (batching, flow control at the 512 KB high-water mark, closing) driven by a test
// producer registered through a real Router.
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type * as Contract from '../shared/contract';
import type { ServerMessage } from '../shared/protocol';
import { STREAM_HIGH_WATER_BYTES } from '../shared/protocol';
import { ClientSession } from './client-session';
import { EventBus } from './event-bus';
import { Router, type InvokeHandlers, type StreamControl, type StreamProducers, type StreamSink } from './router';

vi.mock('../shared/contract', async (importOriginal) => {
  const real = await importOriginal<typeof Contract>();
  const { testInvokes, testStreams } = await import('./test-contract');
  return { ...real, invokes: { ...real.invokes, ...testInvokes }, streams: { ...real.streams, ...testStreams } };
});

/** A producer that does nothing by itself: the test pushes through its sink and watches its controls. */
interface TestProducer {
  sink?: StreamSink<string>;
  request?: unknown;
  control: {
    write: Mock<(data: string) => void>;
    resize: Mock<(cols: number, rows: number) => void>;
    pause: Mock<() => void>;
    resume: Mock<() => void>;
    close: Mock<() => void>;
  };
}

let producer: TestProducer;
let openDelay: Promise<void> | undefined;
let bus: EventBus;
let sent: ServerMessage[];
let session: ClientSession;

function newProducer(): TestProducer {
  return { control: { write: vi.fn(), resize: vi.fn(), pause: vi.fn(), resume: vi.fn(), close: vi.fn() } };
}

beforeEach(() => {
  producer = newProducer();
  openDelay = undefined;
  bus = new EventBus();
  sent = [];
  const handlers = {
    'test.echo': ({ text, times }: { text: string; times: number }) => text.repeat(times),
  } as unknown as InvokeHandlers;
  const producers = {
    'test.counter': async (request: unknown, sink: StreamSink<string>) => {
      producer.request = request;
      producer.sink = sink;
      if (openDelay) await openDelay;
      return producer.control satisfies StreamControl;
    },
  } as unknown as StreamProducers;
  session = new ClientSession(new Router(handlers, producers), bus, (message) => sent.push(message));
});

afterEach(() => {
  session.dispose();
  vi.useRealTimers();
});

const ofType = <T extends ServerMessage['t']>(t: T) => sent.filter((m): m is Extract<ServerMessage, { t: T }> => m.t === t);

async function open(sid = 's1', payload: unknown = { label: 'x' }) {
  await session.handle({ t: 'stream.open', id: 7, sid, name: 'test.counter', payload });
  return sent.find((m) => (m.t === 'result' || m.t === 'error') && m.id === 7);
}

describe('invokes and events', () => {
  it('answers an invoke with a result message carrying its id', async () => {
    await session.handle({ t: 'invoke', id: 1, name: 'test.echo', payload: { text: 'ha', times: 2 } });
    expect(sent).toEqual([{ t: 'result', id: 1, result: 'haha' }]);
  });

  it('answers a failed invoke with an error message: invalid input, unknown channel', async () => {
    await session.handle({ t: 'invoke', id: 2, name: 'test.echo', payload: { text: 5 } });
    await session.handle({ t: 'invoke', id: 3, name: 'test.missing', payload: {} });
    expect(sent).toEqual([
      { t: 'error', id: 2, error: { code: 'invalid_input', message: expect.stringMatching(/^text: /) } },
      { t: 'error', id: 3, error: { code: 'unknown_channel', message: 'Unknown request "test.missing".' } },
    ]);
  });

  it('forwards every bus event to the client until it is disposed', () => {
    bus.emit('engines.status', { engineId: 'local', name: 'Local', endpoint: 'unix:///x', source: 'test', state: 'connected' });
    expect(sent).toEqual([
      {
        t: 'event',
        name: 'engines.status',
        payload: { engineId: 'local', name: 'Local', endpoint: 'unix:///x', source: 'test', state: 'connected' },
      },
    ]);
    session.dispose();
    expect(bus.size).toBe(0);
    bus.emit('containers.patch', { engineId: 'local', seq: 1, upserts: [], removals: [] });
    expect(sent).toHaveLength(1);
  });
});

describe('stream lifecycle', () => {
  it('opens a stream: validated request reaches the producer, the client gets {sid}', async () => {
    expect(await open('s1', { label: 'logs' })).toEqual({ t: 'result', id: 7, result: { sid: 's1' } });
    expect(producer.request).toEqual({ label: 'logs' });
    expect(session.openStreamCount).toBe(1);
  });

  it('refuses an invalid open request, an unknown stream, and a reused or empty sid', async () => {
    expect(await open('s1', { label: '' })).toMatchObject({ t: 'error', error: { code: 'invalid_input', message: 'label: a label is required' } });
    await session.handle({ t: 'stream.open', id: 8, sid: 's2', name: 'test.none', payload: {} });
    expect(sent.find((m) => m.t === 'error' && m.id === 8)).toMatchObject({ error: { code: 'unknown_channel' } });
    expect(session.openStreamCount).toBe(0);

    await open('s3');
    sent = [];
    expect(await open('s3')).toMatchObject({ t: 'error', error: { code: 'invalid_input', message: 'a new, unique stream id is required' } });
    sent = [];
    expect(await open('')).toMatchObject({ t: 'error', error: { code: 'invalid_input' } });
    expect(session.openStreamCount).toBe(1);
  });

  it('batches pushed chunks into one stream.data message per ~16 ms, with their byte count', async () => {
    vi.useFakeTimers();
    await open('s1');
    producer.sink!.push('a', 1);
    producer.sink!.push('bc', 2);
    expect(ofType('stream.data')).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(ofType('stream.data')).toEqual([{ t: 'stream.data', sid: 's1', chunks: ['a', 'bc'], bytes: 3 }]);
  });

  it('ending a stream flushes what is pending, then sends stream.end (with a serialised error if any)', async () => {
    await open('s1');
    producer.sink!.push('last words', 10);
    producer.sink!.end();
    expect(sent.slice(-2)).toEqual([
      { t: 'stream.data', sid: 's1', chunks: ['last words'], bytes: 10 },
      { t: 'stream.end', sid: 's1' },
    ]);
    expect(producer.sink!.closed).toBe(true);
    expect(session.openStreamCount).toBe(0);
    producer.sink!.push('too late', 8);
    producer.sink!.end(new Error('ignored'));
    expect(sent.filter((m) => m.t === 'stream.end')).toHaveLength(1);

    producer = newProducer();
    await open('s2');
    producer.sink!.end(new Error('the container went away'));
    expect(sent[sent.length - 1]).toEqual({
      t: 'stream.end',
      sid: 's2',
      error: { code: 'internal', message: 'Berth hit an unexpected error: the container went away' },
    });
  });

  it('forwards write and valid resizes to the producer; ignores absurd sizes', async () => {
    await open('s1');
    await session.handle({ t: 'stream.write', sid: 's1', data: 'ls\r' });
    await session.handle({ t: 'stream.resize', sid: 's1', cols: 120, rows: 40 });
    await session.handle({ t: 'stream.resize', sid: 's1', cols: 0, rows: 40 });
    await session.handle({ t: 'stream.resize', sid: 's1', cols: 1.5, rows: 40 });
    await session.handle({ t: 'stream.resize', sid: 's1', cols: 100_000, rows: 40 });
    expect(producer.control.write).toHaveBeenCalledWith('ls\r');
    expect(producer.control.resize).toHaveBeenCalledTimes(1);
    expect(producer.control.resize).toHaveBeenCalledWith(120, 40);
  });

  it('pauses the producer above 512 KB unacknowledged and resumes it once acks bring it to half that', async () => {
    expect(STREAM_HIGH_WATER_BYTES).toBe(512 * 1024);
    await open('s1');
    const chunk = 'x'.repeat(200 * 1024);
    producer.sink!.push(chunk, chunk.length); // each 200 KB push flushes at once
    producer.sink!.push(chunk, chunk.length);
    expect(producer.control.pause).not.toHaveBeenCalled(); // 400 KB outstanding
    producer.sink!.push(chunk, chunk.length); // 600 KB outstanding
    expect(producer.control.pause).toHaveBeenCalledTimes(1);
    producer.sink!.push(chunk, chunk.length); // still paused: no second pause
    expect(producer.control.pause).toHaveBeenCalledTimes(1);

    await session.handle({ t: 'stream.ack', sid: 's1', bytes: 400 * 1024 }); // 400 KB left: above 256 KB
    expect(producer.control.resume).not.toHaveBeenCalled();
    await session.handle({ t: 'stream.ack', sid: 's1', bytes: 200 * 1024 }); // 200 KB left
    expect(producer.control.resume).toHaveBeenCalledTimes(1);
    await session.handle({ t: 'stream.ack', sid: 's1', bytes: 10 * 1024 * 1024 }); // over-acking clamps at 0
    expect(producer.control.resume).toHaveBeenCalledTimes(1);
  });

  it('a producer with its own high water (a terminal’s: more) is paused above that, and resumed at half', async () => {
    producer.control = Object.assign(producer.control, { highWaterBytes: 2 * 1024 * 1024 });
    await open('s1');
    const chunk = 'x'.repeat(200 * 1024);
    for (let i = 0; i < 10; i++) producer.sink!.push(chunk, chunk.length); // 2000 KB outstanding
    expect(producer.control.pause).not.toHaveBeenCalled();
    producer.sink!.push(chunk, chunk.length); // 2200 KB
    expect(producer.control.pause).toHaveBeenCalledTimes(1);
    await session.handle({ t: 'stream.ack', sid: 's1', bytes: 1000 * 1024 }); // 1200 KB left: above 1 MB
    expect(producer.control.resume).not.toHaveBeenCalled();
    await session.handle({ t: 'stream.ack', sid: 's1', bytes: 200 * 1024 }); // 1000 KB left
    expect(producer.control.resume).toHaveBeenCalledTimes(1);
  });

  it('closing a stream closes its producer and drops anything still pushed', async () => {
    vi.useFakeTimers();
    await open('s1');
    producer.sink!.push('pending', 7);
    await session.handle({ t: 'stream.close', sid: 's1' });
    expect(producer.control.close).toHaveBeenCalledTimes(1);
    expect(producer.sink!.closed).toBe(true);
    producer.sink!.push('after close', 11);
    vi.advanceTimersByTime(100);
    expect(ofType('stream.data')).toEqual([]);
    expect(session.openStreamCount).toBe(0);
  });

  it('a stream closed while its producer is still opening is closed as soon as it opens', async () => {
    let finishOpening!: () => void;
    openDelay = new Promise((resolve) => (finishOpening = resolve));
    const opening = open('s1');
    await vi.waitFor(() => expect(producer.sink).toBeDefined());
    await session.handle({ t: 'stream.close', sid: 's1' });
    finishOpening();
    await opening;
    expect(producer.control.close).toHaveBeenCalledTimes(1);
  });

  it('dispose closes every stream the client owned, even one still opening', async () => {
    const first = producer;
    await open('s1');
    producer = newProducer();
    const second = producer;
    await open('s2');
    producer = newProducer();
    const third = producer;
    let finishOpening!: () => void;
    openDelay = new Promise((resolve) => (finishOpening = resolve));
    const opening = session.handle({ t: 'stream.open', id: 9, sid: 's3', name: 'test.counter', payload: { label: 'x' } });
    await vi.waitFor(() => expect(third.sink).toBeDefined());

    session.dispose();
    expect(first.control.close).toHaveBeenCalledTimes(1);
    expect(second.control.close).toHaveBeenCalledTimes(1);
    finishOpening();
    await opening;
    expect(third.control.close).toHaveBeenCalledTimes(1);
    expect(session.openStreamCount).toBe(0);
    // Nothing reaches a client that is gone.
    const count = sent.length;
    await session.handle({ t: 'invoke', id: 10, name: 'test.echo', payload: { text: 'x' } });
    expect(sent).toHaveLength(count);
  });
});
