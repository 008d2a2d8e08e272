// Log streams against the real engine: complete and ordered, stdout and stderr apart, TTY logs, paging
// back by time, compose-style merging, and engine streams that end when the view closes.
import { beforeAll, describe, expect, it } from 'vitest';
import { logsOpenSchema } from '../shared/contract/logs';
import { openLogs, type LogsRequest } from './logs';
import { openLogStreamCount } from './logs-request';
import { docker, LogCollector, logsRequest, readLog, runContainer, uniqueName, useLocalEngine, waitFor } from './logs.test-support';

const engine = useLocalEngine();

const readAll = (ids: string[], options: Partial<LogsRequest> = {}) => readLog(engine(), ids, options);

function lineNumber(text: string): number {
  return Number(/line (\d+)$/.exec(text)?.[1]);
}

describe('logs of a finished container', () => {
  const total = 20_000;
  let id: string;

  beforeAll(() => {
    id = runContainer(uniqueName('flat'), '-e', 'LINES_PER_SEC=0', '-e', `TOTAL=${total}`, '-e', 'STDERR_EVERY=3', 'fixture/logger');
    docker('wait', id);
  });

  it('delivers every numbered line once, each stream in order, stderr marked apart', async () => {
    const out = await readAll([id]);
    expect(out.lines).toHaveLength(total);
    const seen = new Set<number>();
    let lastOut = 0;
    let lastErr = 0;
    for (const line of out.lines) {
      const n = lineNumber(line.text);
      seen.add(n);
      if (n % 3 === 0) {
        expect(line).toMatchObject({ text: `stderr line ${n}`, kind: 'e' });
        expect(n).toBeGreaterThan(lastErr);
        lastErr = n;
      } else {
        expect(line).toMatchObject({ text: `stdout line ${n}`, kind: 'o' });
        expect(n).toBeGreaterThan(lastOut);
        lastOut = n;
      }
      expect(line.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    }
    expect(seen.size).toBe(total);
    // Many lines travel per chunk, not one chunk per line.
    expect(out.chunks).toBeLessThan(total / 10);
    expect(out.states.map((s) => s.state)).toEqual(['streaming', 'ended']);
  });

  it('sends the last N lines for a tail', async () => {
    const all = await readAll([id]);
    const out = await readAll([id], { tail: 10 });
    expect(out.texts()).toEqual(all.texts().slice(-10));
  });

  it('pages back: only lines strictly before a timestamp', async () => {
    const all = await readAll([id]);
    const pivot = all.lines[15_000];
    const page = await readAll([id], { before: pivot.ts, tail: 500 });
    expect(page.lines.length).toBeGreaterThan(0);
    expect(page.lines.length).toBeLessThanOrEqual(500);
    for (const line of page.lines) expect(line.ts < pivot.ts).toBe(true);
    // The page is the newest lines before the pivot's time in the engine's order. (stdout and stderr are
    // stored as each was read, so times are not strictly ordered across the two; the engine's until stops
    // at the first line stamped later.)
    const stop = all.lines.findIndex((l) => l.ts >= pivot.ts);
    expect(page.texts()).toEqual(all.texts().slice(0, stop).slice(-page.lines.length));
  });

  it('honours since and until', async () => {
    const all = await readAll([id]);
    const from = all.lines[1000].ts;
    const to = all.lines[2000].ts;
    const parsed = logsOpenSchema.parse({ engineId: 'local', containers: [{ id }], since: from, until: to, tail: 'all' });
    const out = await readAll([id], { range: parsed.range });
    expect(out.lines.length).toBeGreaterThan(0);
    for (const line of out.lines) expect(line.ts >= from && line.ts <= to).toBe(true);
  });
});

describe('TTY containers', () => {
  it('reads the raw stream: CRLF line ends removed, ANSI kept, all stdout', async () => {
    const id = runContainer(uniqueName('tty'), '-t', 'fixture/busybox', 'sh', '-c', 'for i in 1 2 3; do echo "tty line $i"; done; printf "\\033[31mred\\033[0m\\n"');
    docker('wait', id);
    const out = await readAll([id]);
    expect(out.sources[0].tty).toBe(true);
    expect(out.lines.map((l) => [l.text, l.kind])).toEqual([
      ['tty line 1', 'o'],
      ['tty line 2', 'o'],
      ['tty line 3', 'o'],
      ['\x1b[31mred\x1b[0m', 'o'],
    ]);
  });
});

describe('several containers', () => {
  it('interleaves their logs by time and names each line’s source', async () => {
    const script = (tag: string) => `for i in 1 2 3 4 5 6 7 8; do echo "${tag} $i"; usleep 30000; done`;
    const a = runContainer(uniqueName('multi-a'), 'fixture/busybox', 'sh', '-c', script('alpha'));
    const b = runContainer(uniqueName('multi-b'), 'fixture/busybox', 'sh', '-c', script('beta'));
    docker('wait', a);
    docker('wait', b);
    const out = new LogCollector();
    await openLogs(engine(), { ...logsRequest([a, b]), containers: [{ id: a, label: 'alpha-svc' }, { id: b }] }, out);
    await waitFor(() => out.ended, 'the merged log to end');
    expect(out.sources.map((s) => s.label)).toEqual(['alpha-svc', expect.stringMatching(/^berth-logs-multi-b-/)]);
    expect(out.lines).toHaveLength(16);
    const timestamps = out.lines.map((l) => l.ts);
    expect(timestamps).toEqual([...timestamps].sort());
    for (const line of out.lines) expect(line.text.startsWith(line.src === 0 ? 'alpha' : 'beta')).toBe(true);
  });
});

describe('closing and refusing', () => {
  it('ends the engine stream when the view closes', async () => {
    const id = runContainer(uniqueName('close'), '-e', 'LINES_PER_SEC=50', 'fixture/logger');
    const before = openLogStreamCount();
    const out = new LogCollector();
    const control = await openLogs(engine(), logsRequest([id], { follow: true, tail: 0 }), out);
    await waitFor(() => out.lines.length >= 5, 'live lines');
    expect(openLogStreamCount()).toBe(before + 1);
    control.close();
    await waitFor(() => openLogStreamCount() === before, 'the engine stream to close');
    expect(out.ended).toBe(false); // closed by the consumer: nothing more is sent to it
  });

  it('ends every engine stream of a merged view when it closes', async () => {
    const a = runContainer(uniqueName('close-a'), '-e', 'LINES_PER_SEC=20', 'fixture/logger');
    const b = runContainer(uniqueName('close-b'), '-e', 'LINES_PER_SEC=20', 'fixture/logger');
    const before = openLogStreamCount();
    const out = new LogCollector();
    const control = await openLogs(engine(), logsRequest([a, b], { follow: true, tail: 5 }), out);
    await waitFor(() => out.lines.filter((l) => l.src === 1).length >= 10, 'lines from both');
    expect(openLogStreamCount()).toBe(before + 2);
    control.close();
    await waitFor(() => openLogStreamCount() === before, 'both engine streams to close');
  });

  it('pauses the engine stream under back-pressure and loses nothing when resumed', async () => {
    const id = runContainer(uniqueName('pause'), '-e', 'LINES_PER_SEC=200', '-e', 'TOTAL=600', '-e', 'STDERR_EVERY=0', 'fixture/logger');
    const out = new LogCollector();
    const control = await openLogs(engine(), logsRequest([id], { follow: true, tail: 'all' }), out);
    await waitFor(() => out.lines.length >= 20, 'first lines');
    control.pause();
    await new Promise((resolve) => setTimeout(resolve, 500));
    control.resume();
    await waitFor(() => out.lines.length >= 600, 'all 600 lines');
    expect(out.lines.map((l) => lineNumber(l.text))).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    control.close();
  });

  it('refuses a container that does not exist, with the engine’s words', async () => {
    await expect(openLogs(engine(), logsRequest(['berth-logs-no-such-container']), new LogCollector())).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no such container/i),
    });
  });

  it('refuses a since after until at validation, on the until field', () => {
    const result = logsOpenSchema.safeParse({ engineId: 'local', containers: [{ id: 'x' }], since: '10m', until: '1h' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['until'], message: expect.stringMatching(/earlier/) });
  });
});
