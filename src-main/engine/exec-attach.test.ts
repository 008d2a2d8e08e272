// Attaching to a container's main process against the real engine.
import { afterAll, describe, expect, it } from 'vitest';
import { openAttachSession } from './exec-attach';
import { docker, RecordingSink, removeTestContainers, runContainer } from './exec-test-kit';

afterAll(removeTestContainers);

describe('attach', () => {
  it('talks to the main shell of an -it container and leaves it running on close', async () => {
    const id = await runContainer('fixture/busybox', ['sh'], { Tty: true, OpenStdin: true });
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, { cols: 100, rows: 30 });
    expect(sink.notices[0]).toMatchObject({ kind: 'started', mode: 'attach', note: expect.stringContaining('Ctrl+P then Ctrl+Q') });
    session.write('echo attached-$((6*7))\r');
    await sink.waitForText('attached-42');
    session.close();
    await session.finished;
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
  });

  it('detaches on Ctrl+P Ctrl+Q and says the container keeps running', async () => {
    const id = await runContainer('fixture/busybox', ['sh'], { Tty: true, OpenStdin: true });
    const sink = new RecordingSink();
    await openAttachSession(docker, id, sink, {}).then((session) => session.write('\x10\x11'));
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toMatchObject({ exitCode: null, reason: expect.stringContaining('Detached') });
    expect((await docker.getContainer(id).inspect()).State.Running).toBe(true);
  });

  it('reports the exit code when the main process exits', async () => {
    const id = await runContainer('fixture/busybox', ['sh'], { Tty: true, OpenStdin: true });
    const sink = new RecordingSink();
    const session = await openAttachSession(docker, id, sink, {});
    session.write('exit 9\r');
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toMatchObject({ exitCode: 9 });
  });

  it('refuses a main process with no terminal and no input', async () => {
    const id = await runContainer('fixture/busybox', ['sleep', '3600']);
    await expect(openAttachSession(docker, id, new RecordingSink(), {})).rejects.toThrow(/reads no input/);
  });
});
