// Shared by the exec engine tests: containers labelled berth.test=exec (removed by that label only),
// a stream sink that records what a session pushed, and a FROM-scratch image with no shell.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import type { StreamSink } from '../ipc/router';
import type { ExecChunk, ExecNotice } from '../shared/contract/exec';

export const TEST_LABEL_KEY = 'berth.test';
export const TEST_LABEL_VALUE = 'exec';
export const SCRATCH_IMAGE = 'berth-test-exec/scratch-sleeper:latest';

export const docker = new Dockerode();

export function dockerCli(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function uniqueName(prefix: string): string {
  return `exec-t-${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function runContainer(image: string, cmd: string[], options: Partial<Dockerode.ContainerCreateOptions> = {}): Promise<string> {
  const container = await docker.createContainer({
    name: uniqueName(image.split('/').pop()!.split(':')[0]),
    Image: image,
    ...(cmd.length ? { Cmd: cmd } : {}),
    Labels: { [TEST_LABEL_KEY]: TEST_LABEL_VALUE },
    ...options,
  });
  await container.start();
  return container.id;
}

export async function removeTestContainers(): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${TEST_LABEL_KEY}=${TEST_LABEL_VALUE}`] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
}

/** A FROM-scratch image whose only file is /busybox (it picks its applet from argv[0], so it keeps that name):
 * no /bin/sh and no applet links, nothing to exec into. */
export function buildScratchImage(): void {
  const dir = mkdtempSync(join(tmpdir(), 'berth-exec-scratch-'));
  const helper = `exec-t-copy-${Date.now().toString(36)}`;
  try {
    dockerCli('create', '--label', `${TEST_LABEL_KEY}=${TEST_LABEL_VALUE}`, '--name', helper, 'fixture/busybox', 'true');
    dockerCli('cp', `${helper}:/bin/busybox`, join(dir, 'busybox'));
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM scratch\nCOPY busybox /busybox\nLABEL ${TEST_LABEL_KEY}=${TEST_LABEL_VALUE}\nCMD ["/busybox", "sleep", "3600"]\n`,
    );
    execFileSync('docker', ['build', '--network', 'none', '-q', '-t', SCRATCH_IMAGE, dir], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    dockerCli('rm', '-f', helper);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function removeScratchImage(): void {
  try {
    dockerCli('rmi', '-f', SCRATCH_IMAGE);
  } catch {
    // already gone
  }
}

/** Records a session's output and notices; `waitFor` resolves when the output matches. */
export class RecordingSink implements StreamSink<ExecChunk> {
  text = '';
  notices: ExecNotice[] = [];
  error: unknown;
  ended = false;
  private waiters: (() => void)[] = [];

  private readonly decoder = new TextDecoder();

  push(chunk: ExecChunk): void {
    if (chunk instanceof Uint8Array) this.text += this.decoder.decode(chunk, { stream: true });
    else this.notices.push(chunk);
    this.wake();
  }

  end(error?: unknown): void {
    this.ended = true;
    this.error = error;
    this.wake();
  }

  get closed(): boolean {
    return this.ended;
  }

  exited(): Extract<ExecNotice, { kind: 'exited' }> | undefined {
    return this.notices.find((n): n is Extract<ExecNotice, { kind: 'exited' }> => n.kind === 'exited');
  }

  /** Waits until the condition holds (checked on every push), or fails with what was seen. */
  async waitFor(condition: (sink: this) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForText(pattern: RegExp | string, timeoutMs?: number): Promise<void> {
    const test = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
    return this.waitFor((s) => test(s.text), String(pattern), timeoutMs);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** Command lines of every process in the container, as docker top lists them. */
export async function processCommands(containerId: string): Promise<string[]> {
  const top = (await docker.getContainer(containerId).top({ ps_args: '-o pid,args' })) as { Processes: string[][] };
  return top.Processes.map((p) => p[1]);
}

export async function runningExecs(containerId: string): Promise<string[]> {
  const info = await docker.getContainer(containerId).inspect();
  const running: string[] = [];
  for (const id of info.ExecIDs ?? []) {
    const exec = await docker.getExec(id).inspect().catch(() => undefined);
    if (exec?.Running) running.push(`${id.slice(0, 12)} ${JSON.stringify(exec.ProcessConfig)}`);
  }
  return running;
}
