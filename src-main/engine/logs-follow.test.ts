// Following against the real engine: new lines arrive, a restart keeps the view going with a marker,
// a stop waits, a removal ends the log with a clear message.
import { describe, expect, it } from 'vitest';
import { openLogs, type LogsRequest } from './logs';
import { openLogStreamCount } from './logs-request';
import { REMOVED_MARKER, RESTART_MARKER } from './logs-source';
import { docker, LogCollector, runContainer, uniqueName, useLocalEngine, waitFor } from './logs.test-support';

const engine = useLocalEngine();

function follow(id: string, tail: LogsRequest['tail'] = 'all'): LogsRequest {
  return { containers: [{ id }], tail, range: {}, follow: true };
}

const numberOf = (text: string) => Number(/line (\d+)$/.exec(text)?.[1]);

describe('following a container', () => {
  it('receives lines written after it opened', async () => {
    const id = runContainer(uniqueName('follow'), '-e', 'LINES_PER_SEC=20', '-e', 'STDERR_EVERY=0', 'fixture/logger');
    const out = new LogCollector();
    const control = await openLogs(engine(), follow(id, 0), out);
    await waitFor(() => out.lines.length >= 10, 'ten live lines');
    const numbers = out.lines.map((l) => numberOf(l.text));
    // Consecutive: nothing skipped while following.
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe(numbers[i - 1] + 1);
    control.close();
  });

  it('keeps following across a restart, with a marker and no line twice', async () => {
    const id = runContainer(uniqueName('restart'), '-e', 'LINES_PER_SEC=20', '-e', 'STDERR_EVERY=0', 'fixture/logger');
    const out = new LogCollector();
    const control = await openLogs(engine(), follow(id), out);
    await waitFor(() => out.lines.length >= 10, 'lines before the restart');
    docker('restart', '-t', '1', id);
    await waitFor(() => out.lines.some((l) => l.text === RESTART_MARKER), 'the restart marker');
    const marker = out.lines.findIndex((l) => l.text === RESTART_MARKER);
    await waitFor(() => out.lines.length >= marker + 10, 'lines after the restart');

    const before = out.lines.slice(0, marker).map((l) => numberOf(l.text));
    expect(before).toEqual(Array.from({ length: before.length }, (_, i) => i + 1));
    expect(out.lines[marker].kind).toBe('m');
    // The new run numbers from 1 again: every one of its lines, once, in order.
    const after = out.lines.slice(marker + 1, marker + 10).map((l) => numberOf(l.text));
    expect(after).toEqual(Array.from({ length: 9 }, (_, i) => i + 1));
    expect(out.ended).toBe(false);
    control.close();
  });

  it('waits while the container is stopped, then resumes when it starts', async () => {
    const id = runContainer(uniqueName('stop'), '-e', 'LINES_PER_SEC=20', '-e', 'STDERR_EVERY=0', 'fixture/logger');
    const out = new LogCollector();
    const control = await openLogs(engine(), follow(id), out);
    await waitFor(() => out.lines.length >= 5, 'first lines');
    docker('stop', '-t', '1', id);
    await waitFor(() => out.states.some((s) => s.state === 'waiting'), 'the waiting state');
    expect(out.states.find((s) => s.state === 'waiting')?.message).toMatch(/stopped \(exit code \d+\).*start again/);
    expect(openLogStreamCount()).toBe(0);
    docker('start', id);
    await waitFor(() => out.lines.some((l) => l.text === RESTART_MARKER), 'the restart marker');
    expect(out.states.at(-1)?.state).toBe('streaming');
    control.close();
  });

  it('ends with a clear message when the container is removed, keeping what it had', async () => {
    const id = runContainer(uniqueName('remove'), '-e', 'LINES_PER_SEC=20', 'fixture/logger');
    const out = new LogCollector();
    await openLogs(engine(), follow(id), out);
    await waitFor(() => out.lines.length >= 5, 'first lines');
    docker('rm', '-f', id);
    await waitFor(() => out.ended, 'the log to end');
    expect(out.error).toBeUndefined();
    expect(out.lines.at(-1)).toMatchObject({ text: REMOVED_MARKER, kind: 'm' });
    expect(out.states.at(-1)).toMatchObject({ state: 'removed', message: expect.stringMatching(/removed/) });
    expect(out.lines.filter((l) => l.kind !== 'm').length).toBeGreaterThanOrEqual(5);
  });

  it('ends a removed container’s log while it waits for a restart', async () => {
    const id = runContainer(uniqueName('remove-stopped'), '-e', 'LINES_PER_SEC=20', '-e', 'TOTAL=5', 'fixture/logger');
    const out = new LogCollector();
    await openLogs(engine(), follow(id), out);
    await waitFor(() => out.states.some((s) => s.state === 'waiting'), 'the waiting state');
    docker('rm', id);
    await waitFor(() => out.ended, 'the log to end');
    expect(out.states.at(-1)?.state).toBe('removed');
  });
});
