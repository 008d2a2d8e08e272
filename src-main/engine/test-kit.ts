// Helpers for tests that run against the real local engine (never imported by app code). Everything they
// create carries the label berth.test=foundation and a name starting with "fdn-", and is removed by that
// label only, so other people's containers on the same engine are never touched.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createBerth, type Berth } from '../services';

export const TEST_LABEL = 'berth.test=foundation';
/** The same label as an API Labels object. */
export const TEST_LABELS = { 'berth.test': 'foundation' };
export const MAIN_SOCKET = 'unix:///var/run/docker.sock';

const execFileAsync = promisify(execFile);

/** The docker CLI against the main engine (or another via host), as a person beside Berth would use it. */
export function docker(args: string[], host = MAIN_SOCKET): string {
  return execFileSync('docker', ['-H', host, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export async function dockerAsync(args: string[], host = MAIN_SOCKET): Promise<string> {
  const { stdout } = await execFileAsync('docker', ['-H', host, ...args], { encoding: 'utf8' });
  return stdout.trim();
}

export function uniqueName(what: string): string {
  return `fdn-${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A busybox container that stops at once on SIGTERM (a shell as PID 1 ignores it otherwise, and every
 * stop would wait out the 10 s timeout). Created, not started, unless `start` is true.
 */
export function createTestContainer(name: string, options: { start?: boolean; extraArgs?: string[]; host?: string } = {}): string {
  return docker(
    [
      options.start ? 'run' : 'create',
      ...(options.start ? ['-d'] : []),
      '--label',
      TEST_LABEL,
      '--name',
      name,
      ...(options.extraArgs ?? []),
      'fixture/busybox',
      'sh',
      '-c',
      'trap "exit 0" TERM; sleep 3600 & wait',
    ],
    options.host,
  );
}

/** Removes every container (and named volume) carrying the foundation test label on that engine. */
export function removeTestObjects(host = MAIN_SOCKET): void {
  const ids = docker(['ps', '-aq', '--filter', `label=${TEST_LABEL}`], host).split('\n').filter(Boolean);
  if (ids.length) docker(['rm', '-f', '-v', ...ids], host);
  const volumes = docker(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}`], host).split('\n').filter(Boolean);
  if (volumes.length) docker(['volume', 'rm', '-f', ...volumes], host);
}

/** The state the engine reports for a container, read with the CLI (independent of Berth's code). */
export function engineState(id: string, host = MAIN_SOCKET): string {
  return docker(['inspect', '-f', '{{.State.Status}}', id], host);
}

/** Berth's services on one engine, started; stop() when done. */
export async function startTestBerth(host = MAIN_SOCKET, id = 'local'): Promise<Berth> {
  const berth = createBerth([{ id, name: id, endpoint: { host, source: 'test' } }]);
  await berth.start();
  return berth;
}

/** Invokes through the router like a client would, and unwraps the envelope (throws the SerializedError). */
export async function call<T = unknown>(berth: Berth, name: string, payload: unknown): Promise<T> {
  const envelope = await berth.router.invoke(name, payload, { clientId: 'test' });
  if ('error' in envelope) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.result as T;
}

export const SECOND_SOCKET = 'unix:///var/run/docker-b.sock';
const engineScripts = '/work/shared/engine';

/** The second engine (never the main one, which other people are using): start, stop, and whether it answers. */
export const secondEngine = {
  start(): void {
    execFileSync('bash', [`${engineScripts}/start-second-engine.sh`], { stdio: 'ignore' });
  },
  stop(): void {
    execFileSync('bash', [`${engineScripts}/stop-engine.sh`, '--second'], { stdio: 'ignore' });
  },
  answers(): boolean {
    try {
      docker(['version', '-f', '{{.Server.Version}}'], SECOND_SOCKET);
      return true;
    } catch {
      return false;
    }
  },
};
