// The view's controller against a scripted stream (what main would send): the buffer fills, pause counts,
// load earlier pages in before the oldest line, errors land where the view shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientError, StreamHandle, StreamHandlers } from '../ipc/client';
import type { StreamOpen } from '../../src-main/shared/contract';
import type { LogChunk } from '../../src-main/shared/contract/logs';
import { packLogLines, type LogLines } from '../../src-main/shared/log-pack';
import { LogSession, EARLIER_PAGE, repaintInterval, type OpenLogStream } from './log-session';

const realRaf = globalThis.requestAnimationFrame;
beforeAll(() => {
  globalThis.requestAnimationFrame = ((cb: FrameRequestCallback) => setTimeout(() => cb(0), 0)) as unknown as typeof requestAnimationFrame;
  globalThis.cancelAnimationFrame = ((id: number) => clearTimeout(id)) as unknown as typeof cancelAnimationFrame;
});
afterAll(() => {
  globalThis.requestAnimationFrame = realRaf;
});

interface ScriptedStream {
  payload: StreamOpen<'logs.open'>;
  handlers: StreamHandlers<LogChunk>;
  acked: number;
  closed: boolean;
}

function scripted(): { open: OpenLogStream; streams: ScriptedStream[] } {
  const streams: ScriptedStream[] = [];
  const open: OpenLogStream = (payload, handlers) => {
    const stream: ScriptedStream = { payload, handlers, acked: 0, closed: false };
    streams.push(stream);
    const handle: StreamHandle = {
      sid: `s${streams.length}`,
      opened: Promise.resolve(),
      write: () => {},
      resize: () => {},
      ack: (bytes) => (stream.acked += bytes),
      close: () => (stream.closed = true),
    };
    return handle;
  };
  return { open, streams };
}

const ts = (n: number) => `2024-05-01T10:00:00.${String(n).padStart(9, '0')}Z`;

function lines(from: number, count: number): LogChunk {
  const text: string[] = [];
  const stamps: string[] = [];
  for (let n = from; n < from + count; n++) {
    text.push(`line ${n}`);
    stamps.push(ts(n));
  }
  return packLogLines({ text, kinds: 'o'.repeat(count), ts: stamps });
}

/** What the client hands out for a refused or failed stream (client.ts itself needs a window). */
const clientError = (code: string, message: string) => Object.assign(new Error(message), { code }) as unknown as ClientError;

const frame = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('LogSession', () => {
  it('opens with the options, fills the buffer, acknowledges what it took', async () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open({ tail: 50, since: '10m', until: '', follow: true });
    expect(streams[0].payload).toEqual({ engineId: 'local', containers: [{ id: 'web' }], tail: 50, since: '10m', follow: true });
    streams[0].handlers.onData([{ t: 'sources', sources: [] }, lines(1, 10), { t: 'state', state: 'streaming' }], 777);
    await frame();
    expect(streams[0].acked).toBe(777); // with the repaint (or at once past 64 KB)
    expect(session.buffer.size).toBe(10);
    expect(session.status).toBe('streaming');
    expect(session.version).toBeGreaterThan(0);
    session.dispose();
    expect(streams[0].closed).toBe(true);
  });

  it('asks for the whole log as what it keeps, and counts the older lines main did not send', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] }, undefined, 10);
    session.open({ tail: 'all', since: '', until: '', follow: false });
    expect(streams[0].payload).toMatchObject({ tail: 'all', keep: 10 });
    streams[0].handlers.onData([lines(91, 10), { t: 'older', lines: 50 }], 1);
    expect(session.buffer.droppedOldest).toBe(50);
    // The count is absolute: it grows while main counts, and more lines push more out of the buffer.
    streams[0].handlers.onData([{ t: 'older', lines: 90 }, lines(101, 2)], 1);
    expect(session.buffer.droppedOldest).toBe(92);
    expect(session.buffer.size).toBe(10);
    // A fresh open starts the count afresh.
    session.open({ tail: 'all', since: '', until: '', follow: false });
    streams[1].handlers.onData([lines(1, 3), { t: 'older', lines: 7 }], 1);
    expect(session.buffer.droppedOldest).toBe(7);
    session.dispose();
  });

  it('counts what arrives while paused, and resumes at the end', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open({ tail: 'all', since: '', until: '', follow: true });
    streams[0].handlers.onData([lines(1, 5)], 1);
    session.pause();
    streams[0].handlers.onData([lines(6, 7)], 1);
    expect(session.arrivedWhilePaused).toBe(7);
    expect(session.buffer.size).toBe(12); // paused views keep receiving
    const jump = session.jumpToEndRequest;
    session.resume();
    expect(session.paused).toBe(false);
    expect(session.jumpToEndRequest).toBe(jump + 1);
    session.dispose();
  });

  it('loads earlier lines before the oldest kept one, and knows when the start is reached', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open({ tail: 10, since: '', until: '', follow: false });
    streams[0].handlers.onData([lines(100, 10)], 1);
    session.loadEarlier();
    expect(streams[1].payload).toMatchObject({ tail: EARLIER_PAGE, before: ts(100), follow: false });
    streams[1].handlers.onData([lines(60, 40)], 1);
    streams[1].handlers.onEnd?.();
    expect(session.buffer.size).toBe(50);
    expect(session.buffer.textAt(session.buffer.first)).toBe('line 60');
    expect(session.earlier).toBe('start-reached'); // fewer than a page came back
    session.dispose();
  });

  it('shows a refused open as an error, and a broken stream as one too', async () => {
    const { open, streams } = scripted();
    const refusing: OpenLogStream = (payload, handlers) => {
      const handle = open(payload, handlers);
      return { ...handle, opened: Promise.reject(clientError('not_found', 'No such container: gone')) };
    };
    const session = new LogSession(refusing, { engineId: 'local', containers: [{ id: 'gone' }] });
    session.open();
    await frame();
    expect(session.status).toBe('error');
    expect(session.error).toBe('No such container: gone');

    const other = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    other.open();
    streams.at(-1)!.handlers.onEnd?.(clientError('engine_unavailable', 'The Docker engine is not answering.'));
    expect(other.status).toBe('error');
    session.dispose();
    other.dispose();
  });

  it('shows the first screen from a short tail and puts the rest of the tail above it', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open({ tail: 1000, since: '', until: '', follow: true });
    const [live] = streams;
    expect(live.payload).toMatchObject({ tail: 100, follow: true });
    expect(streams).toHaveLength(1); // the rest of the tail waits for the first screen
    live.handlers.onData([lines(901, 100)], 1); // the last 100 lines, then live ones
    const backfill = streams[1];
    expect(backfill.payload).toMatchObject({ tail: 1000, follow: false });
    live.handlers.onData([lines(1001, 5)], 1);
    expect(session.buffer.size).toBe(105);
    backfill.handlers.onData([lines(6, 1000)], 1); // the tail, a little later: it overlaps the live stream
    backfill.handlers.onEnd?.();
    expect(session.buffer.size).toBe(1000);
    const texts = Array.from({ length: session.buffer.size }, (_, i) => session.buffer.textAt(session.buffer.first + i));
    expect(texts).toEqual(Array.from({ length: 1000 }, (_, i) => `line ${i + 6}`));
    session.dispose();
    expect(backfill.closed || live.closed).toBe(true);
  });

  it('joins the tail at the live stream’s first line, in the engine’s order even when times are not', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open({ tail: 300, since: '', until: '', follow: false });
    // Stored order: stderr lines read a moment later carry earlier times than stdout lines around them.
    const stored: LogLines = { text: [], kinds: '', ts: [] };
    for (let n = 1; n <= 300; n++) {
      stored.text.push(`line ${n}`);
      stored.kinds += n % 3 === 0 ? 'e' : 'o';
      stored.ts.push(ts(n % 3 === 0 ? n - 5 : n));
    }
    const slice = (from: number): LogChunk =>
      packLogLines({ text: stored.text.slice(from), kinds: stored.kinds.slice(from), ts: stored.ts.slice(from) });
    streams[0].handlers.onData([slice(200)], 1);
    streams[0].handlers.onEnd?.();
    streams[1].handlers.onData([slice(0)], 1);
    streams[1].handlers.onEnd?.();
    const texts = Array.from({ length: session.buffer.size }, (_, i) => session.buffer.textAt(session.buffer.first + i));
    expect(texts).toEqual(stored.text);
    session.dispose();
  });

  it('does not backfill when the stream starts with a stopped container or a new run', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open({ tail: 1000, since: '', until: '', follow: true });
    streams[0].handlers.onData([{ t: 'state', state: 'waiting', message: 'stopped' }], 1);
    streams[0].handlers.onData([packLogLines({ text: ['— container restarted —', 'line 1'], kinds: 'mo', ts: [ts(1), ts(1)] })], 1);
    expect(streams).toHaveLength(1);
    session.dispose();
  });

  it('ignores data from a stream it reopened away from', () => {
    const { open, streams } = scripted();
    const session = new LogSession(open, { engineId: 'local', containers: [{ id: 'web' }] });
    session.open();
    session.open({ tail: 'all', since: '', until: '', follow: true });
    expect(streams[0].closed).toBe(true);
    streams[0].handlers.onData([lines(1, 5)], 1);
    expect(session.buffer.size).toBe(0);
    session.dispose();
  });
});

describe('repaintInterval', () => {
  it('repaints a trickle ~30 times a second, a busy stream ~20, a flood ~10', () => {
    expect(repaintInterval(50)).toBe(30);
    expect(repaintInterval(10_000)).toBe(30);
    expect(repaintInterval(25_000)).toBe(50);
    expect(repaintInterval(150_000)).toBe(100);
  });
});
