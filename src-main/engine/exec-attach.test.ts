// Attaching to a container's main process against the real engine, with the engine's /events stream (an
// EngineConnection, as Berth runs it) telling a detach from an exit for good and from a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineConnection } from './connection';
import { resolveLocalEndpoint } from './endpoint';
import { openAttachSession, type AttachOptions } from './exec-attach';
import { docker, dockerCli, RecordingSink, removeTestContainers, runContainer } from './exec-test-kit';

let engine: EngineConnection;
let options: AttachOptions;

/** An interactive shell as the main process (docker run -it); PID 1 ignores SIGTERM, so a stop kills it (137). */
const runShell = (restart = 'no') =>
  runContainer('fixture/busybox', ['sh'], { Tty: true, OpenStdin: true, HostConfig: { RestartPolicy: { Name: restart } } });

beforeAll(async () => {
  engine = new EngineConnection({
    id: 'local',
    name: 'Local',
    endpoint: resolveLocalEndpoint(),
    onStatus: () => {},
    onContainersPatch: () => {},
  });
  await engine.start();
  expect(engine.connected).toBe(true);
  options = { events: (listener) => engine.onEvent(listener) };
});

afterAll(async () => {
  engine?.stop();
  await removeTestContainers();
});

describe('attach', () => {
  it('talks to the main shell of an -it container and leaves it running on close', async () => {
    const id = await runShell();
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, { ...options, cols: 100, rows: 30 });
    expect(sink.notices[0]).toMatchObject({ kind: 'started', mode: 'attach', note: expect.stringContaining('Ctrl+P then Ctrl+Q') });
    session.write('echo attached-$((6*7))\r');
    await sink.waitForText('attached-42');
    session.close();
    await session.finished;
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
  });

  it('detaches on Ctrl+P Ctrl+Q and says "detached": the container keeps running', async () => {
    const id = await runShell('always');
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, options);
    session.write('\x10\x11');
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toEqual({ kind: 'exited', exitCode: null, reason: expect.stringMatching(/^Detached/) });
    expect(sink.text).not.toContain('restart');
    await session.finished;
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
  });

  it('reports the exit code when the main process exits for good', async () => {
    const id = await runShell();
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, options);
    session.write('exit 9\r');
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toEqual({ kind: 'exited', exitCode: 9, reason: 'The container stopped.' });
  });

  it('reports the exit code when the container is stopped (docker stop)', async () => {
    const id = await runShell();
    const sink = new RecordingSink();
    await openAttachSession(docker, id, sink, options);
    dockerCli('stop', '-t', '1', id);
    // Said in the terminal at once; the end notice follows once no restart came (docker restart looks the same until its start).
    await sink.waitForText('container stopped (exit code 137)');
    expect(sink.ended).toBe(false);
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toEqual({ kind: 'exited', exitCode: 137, reason: 'The container stopped.' });
  });

  it('says "container restarted" and re-attaches when a restart policy starts it again', async () => {
    const id = await runShell('on-failure');
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, options);
    session.write('exit 4\r');
    await sink.waitForText('container restarting (exit code 4)');
    await sink.waitForText('container restarted · re-attached');
    expect(sink.ended).toBe(false);
    expect(sink.exited()).toBeUndefined();
    session.write('echo second-run-$((40+2))\r');
    await sink.waitForText('second-run-42');
    expect((await docker.getContainer(id).inspect()).RestartCount).toBe(1);
    session.close();
    await session.finished;
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
  });

  it('re-attaches after docker restart, then shows the exit code when the container stops for good', async () => {
    const id = await runShell();
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, options);
    dockerCli('restart', '-t', '1', id);
    await sink.waitForText('container restarted · re-attached');
    // One line says the first run ended: "stopped" when the gap before the start was seen, else "restarting".
    expect(sink.text.match(/container (stopped|restarting) \(exit code 137\)/g)).toHaveLength(1);
    session.write('echo after-restart-$((3*3))\r');
    await sink.waitForText('after-restart-9');
    session.write('exit 5\r');
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toEqual({ kind: 'exited', exitCode: 5, reason: 'The container stopped.' });
    await session.finished;
  });

  it('refuses a main process with no terminal and no input', async () => {
    const id = await runContainer('fixture/busybox', ['sleep', '3600']);
    await expect(openAttachSession(docker, id, new RecordingSink(), options)).rejects.toThrow(/reads no input/);
  });
});
