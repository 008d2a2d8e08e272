// Interactive shells against the real engine: detection, I/O, resize, exit codes, clean close, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listShells, resolveShell } from './exec-shell';
import { openShellSession } from './exec-session';
import { docker, processCommands, RecordingSink, removeTestContainers, runContainer, runningExecs } from './exec-test-kit';

let busybox: string;
let debian: string;

beforeAll(async () => {
  [busybox, debian] = await Promise.all([
    runContainer('fixture/busybox', ['sleep', '3600']),
    runContainer('fixture/debian:bookworm', ['sleep', '3600']),
  ]);
});

afterAll(removeTestContainers);

describe('shell detection', () => {
  it('picks bash in fixture/debian and sh in fixture/busybox', async () => {
    // Debian's $PATH finds /usr/bin first (merged /usr).
    expect(await resolveShell(docker, debian, undefined)).toEqual([expect.stringMatching(/^(\/usr)?\/bin\/bash$/)]);
    expect(await resolveShell(docker, busybox, undefined)).toEqual(['/bin/sh']);
  });

  it('lists the shells a container has, preferred first', async () => {
    const shells = await listShells(docker, busybox);
    expect(shells.slice(0, 2)).toEqual(['/bin/sh', '/bin/ash']);
    expect(shells).not.toContain('/bin/bash');
  });

  it('keeps the user’s pick and its arguments', async () => {
    expect(await resolveShell(docker, debian, 'sh -l')).toEqual([expect.stringMatching(/bin\/sh$/), '-l']);
  });
});

describe('shell session', () => {
  it('echoes what is typed and reports the shell it started', async () => {
    const sink = new RecordingSink();
    const session = await openShellSession(docker, debian, sink, {});
    session.write('echo hi-$((40+2))\r');
    await sink.waitForText('hi-42');
    session.close();
    expect(sink.notices[0]).toMatchObject({ kind: 'started', mode: 'shell', command: expect.stringMatching(/bin\/bash$/) });
    await session.finished;
  });

  it('follows resizes of the view (stty size)', async () => {
    const sink = new RecordingSink();
    const session = await openShellSession(docker, busybox, sink, { cols: 90, rows: 20 });
    session.write('stty size\r');
    await sink.waitForText('20 90');
    session.resize(101, 33);
    session.resize(132, 41); // a burst: the last size wins
    await new Promise((resolve) => setTimeout(resolve, 300));
    session.write('stty size\r');
    await sink.waitForText('41 132');
    session.close();
    await session.finished;
  });

  it('applies user, working directory and environment', async () => {
    const sink = new RecordingSink();
    const session = await openShellSession(docker, debian, sink, { user: 'nobody', workdir: '/tmp', env: ['GREETING=hello'] });
    session.write('echo "[$(id -un) $(pwd) $GREETING $TERM]"\r');
    await sink.waitForText('[nobody /tmp hello xterm-256color]');
    session.close();
    await session.finished;
  });

  it('ends with the shell’s exit code', async () => {
    const sink = new RecordingSink();
    const session = await openShellSession(docker, debian, sink, {});
    session.write('exit 3\r');
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.error).toBeUndefined();
    expect(sink.exited()).toMatchObject({ exitCode: 3 });
    await session.finished;
  });

  it('passes Ctrl+C to the container', async () => {
    const sink = new RecordingSink();
    const session = await openShellSession(docker, busybox, sink, {});
    session.write('sleep 1000\r');
    await sink.waitForText('sleep 1000');
    await new Promise((resolve) => setTimeout(resolve, 200));
    session.write('\x03');
    session.write('echo back-$((1+1))\r');
    await sink.waitForText('back-2');
    session.close();
    await session.finished;
  });

  it('leaves no running exec or shell behind when closed, even with a program running', async () => {
    const before = await processCommands(debian);
    const sink = new RecordingSink();
    const session = await openShellSession(docker, debian, sink, {});
    session.write('sleep 1234\r');
    await sink.waitForText('sleep 1234');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await processCommands(debian)).toContain('sleep 1234');
    session.close();
    await session.finished;
    expect(await runningExecs(debian)).toEqual([]);
    expect(await processCommands(debian)).toEqual(before);
  });
});

describe('bad input', () => {
  it('refuses a user that does not exist', async () => {
    const sink = new RecordingSink();
    await expect(openShellSession(docker, busybox, sink, { user: 'nobody-here' })).rejects.toThrow(
      /no user "nobody-here"/,
    );
  });

  it('refuses a shell that does not exist', async () => {
    const sink = new RecordingSink();
    await expect(openShellSession(docker, busybox, sink, { shell: 'bash' })).rejects.toThrow(/"bash" does not exist/);
    await expect(openShellSession(docker, busybox, sink, { shell: '/bin/zsh' })).rejects.toThrow(/"\/bin\/zsh" does not exist/);
  });

  it('refuses a working directory that does not exist', async () => {
    const sink = new RecordingSink();
    await expect(openShellSession(docker, busybox, sink, { workdir: '/no/such/dir' })).rejects.toThrow(
      /"\/no\/such\/dir" does not exist/,
    );
  });

  it('refuses a stopped container', async () => {
    const stopped = await runContainer('fixture/busybox', ['sh', '-c', 'exit 5']);
    await docker.getContainer(stopped).wait();
    const sink = new RecordingSink();
    await expect(openShellSession(docker, stopped, sink, {})).rejects.toThrow(/is not running \(exited with code 5\)/);
  });

  it('refuses a container that does not exist', async () => {
    const sink = new RecordingSink();
    await expect(openShellSession(docker, busybox, sink, {}).then((s) => s.close())).resolves.toBeUndefined();
    await expect(openShellSession(docker, 'exec-t-no-such-container', sink, {})).rejects.toThrow(/No such container/i);
  });
});
