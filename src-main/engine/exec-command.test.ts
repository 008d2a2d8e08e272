// One-off commands and the start form's probe against the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeContainer, runCommand } from './exec-command';
import { docker, processCommands, removeTestContainers, runContainer } from './exec-test-kit';

let busybox: string;

beforeAll(async () => {
  busybox = await runContainer('fixture/busybox', ['sleep', '3600']);
});

afterAll(removeTestContainers);

describe('one-off command', () => {
  it('returns stdout, stderr and the exit code', async () => {
    const result = await runCommand(docker, busybox, { command: 'echo out; echo err >&2; exit 4', timeoutMs: 10_000 });
    expect(result).toEqual({ exitCode: 4, stdout: 'out\n', stderr: 'err\n', truncated: false });
  });

  it('runs as the given user in the given directory with the given environment', async () => {
    const result = await runCommand(docker, busybox, {
      command: 'echo "$(id -un) $(pwd) $X"',
      user: 'nobody',
      workdir: '/tmp',
      env: ['X=42'],
      timeoutMs: 10_000,
    });
    expect(result.stdout).toBe('nobody /tmp 42\n');
  });

  it('ends a command that outlives its timeout', async () => {
    await expect(runCommand(docker, busybox, { command: 'sleep 321', timeoutMs: 500 })).rejects.toThrow(/did not finish within/);
    expect(await processCommands(busybox)).not.toContain('sleep 321');
  });

  it('says clearly when the user does not exist', async () => {
    await expect(runCommand(docker, busybox, { command: 'true', user: 'ghost', timeoutMs: 10_000 })).rejects.toThrow(/no user "ghost"/);
  });
});

describe('probe', () => {
  it('reports the shells and the detected one', async () => {
    const probe = await probeContainer(docker, busybox);
    expect(probe).toMatchObject({ running: true, detected: '/bin/sh', attachable: false });
    expect(probe.shells).toContain('/bin/ash');
  });

  it('reports a stopped container without exec-ing into it', async () => {
    const stopped = await runContainer('fixture/busybox', ['true']);
    await docker.getContainer(stopped).wait();
    expect(await probeContainer(docker, stopped)).toMatchObject({ running: false, state: 'exited', shells: [] });
  });
});
