// "Tail all" into a view that keeps N lines, against the real engine: only the newest N are sent, the
// older ones are counted exactly, and the stream (and every engine stream it opened) ends as it should.
import { beforeAll, describe, expect, it } from 'vitest';
import { logsOpenSchema } from '../shared/contract/logs';
import { openLogs, type LogsRequest } from './logs';
import { countNewlines } from './logs-count';
import { openLogStreamCount } from './logs-request';
import { docker, LogCollector, logsRequest, readLog, runContainer, uniqueName, useLocalEngine, waitFor } from './logs.test-support';

const engine = useLocalEngine();

const readAll = (id: string, options: Partial<LogsRequest> = {}) => readLog(engine(), [id], options);

describe('countNewlines', () => {
  it('counts line ends within the range only', () => {
    const data = Buffer.from('a\nbb\n\nccc\nd');
    expect(countNewlines(data, 0, data.length)).toBe(4);
    expect(countNewlines(data, 2, 5)).toBe(1);
    expect(countNewlines(data, 10, data.length)).toBe(0);
  });
});

describe('tail all into a view that keeps fewer lines', () => {
  const total = 20_000;
  let id: string;

  beforeAll(() => {
    id = runContainer(uniqueName('older'), '-e', 'LINES_PER_SEC=0', '-e', `TOTAL=${total}`, '-e', 'STDERR_EVERY=3', 'fixture/logger');
    docker('wait', id);
  });

  it('sends the newest lines and counts every older one exactly', async () => {
    const all = await readAll(id);
    const out = await readAll(id, { keep: 1000 });
    expect(out.texts()).toEqual(all.texts().slice(-1000));
    expect(out.olderLines).toBe(total - 1000);
    expect(out.lines.length + (out.olderLines ?? 0)).toBe(total);
    expect(out.states.map((s) => s.state)).toEqual(['streaming', 'ended']);
    expect(openLogStreamCount()).toBe(0);
  });

  it('sends everything, and no count, when the view keeps more than the log has', async () => {
    const out = await readAll(id, { keep: 50_000 });
    expect(out.lines).toHaveLength(total);
    expect(out.olderLines).toBeUndefined();
  });

  it('counts only from since on', async () => {
    const all = await readAll(id);
    const since = all.lines[5000].ts;
    const parsed = logsOpenSchema.parse({ engineId: 'local', containers: [{ id }], since, tail: 'all' });
    const out = await readAll(id, { keep: 1000, range: parsed.range });
    expect(out.texts()).toEqual(all.texts().slice(-1000));
    const fromSince = all.lines.filter((line) => line.ts >= since).length;
    expect(out.olderLines).toBe(fromSince - 1000);
  });

  it('keeps the old way with an until: the engine takes the tail before applying it', async () => {
    const all = await readAll(id);
    const until = all.lines[3000].ts;
    const parsed = logsOpenSchema.parse({ engineId: 'local', containers: [{ id }], until, tail: 'all' });
    const out = await readAll(id, { keep: 1000, range: parsed.range });
    expect(out.olderLines).toBeUndefined();
    expect(out.lines.length).toBeGreaterThan(1000);
  });

  it('follows on after the newest lines, and closing ends both engine streams', async () => {
    const out = new LogCollector();
    const control = await openLogs(engine(), logsRequest([id], { keep: 500, follow: true }), out);
    await waitFor(() => out.olderLines === total - 500 && out.states.some((s) => s.state === 'waiting'), 'the count and the waiting state');
    expect(out.lines).toHaveLength(500);
    expect(out.ended).toBe(false);
    control.close();
    await waitFor(() => openLogStreamCount() === 0, 'engine streams to close');
  });
});

describe('a TTY container', () => {
  it('counts the lines of its raw stream', async () => {
    const id = runContainer(uniqueName('older-tty'), '-t', 'fixture/busybox', 'sh', '-c', 'seq 1 3000');
    docker('wait', id);
    const out = await readAll(id, { keep: 100 });
    expect(out.texts()).toEqual(Array.from({ length: 100 }, (_, i) => String(2901 + i)));
    expect(out.olderLines).toBe(2900);
  });
});
