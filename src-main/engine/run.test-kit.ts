// Helpers for the run/recreate tests against the real engine (never imported by app code). Everything
// they create is labelled berth.test=run and named "runt-…"; cleanup goes by that label (and by the
// runt- image tags these tests make), so nobody else's objects are touched.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import Dockerode from 'dockerode';
import { emptyRunSpec, type RunSpec } from '../shared/run';

export const RUN_TEST_LABEL = 'berth.test=run';
export const REGISTRY = '127.0.0.1:5001';

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

export function dockerWithInput(input: string, ...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] }).trim();
}

export function uniqueName(what: string): string {
  return `runt-${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const localDocker = () => new Dockerode({ socketPath: '/var/run/docker.sock' });

/** A spec carrying the test label; a busybox that exits at once on SIGTERM unless told otherwise. */
export function testSpec(overrides: Partial<RunSpec>): RunSpec {
  return emptyRunSpec({
    image: 'fixture/busybox',
    command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait'],
    ...overrides,
    labels: [RUN_TEST_LABEL, ...(overrides.labels ?? [])],
  });
}

/** Builds a tiny image from a Dockerfile text (offline: FROM a local fixture). */
export function buildImage(tag: string, dockerfile: string): string {
  dockerWithInput(dockerfile, 'build', '-q', '--label', RUN_TEST_LABEL, '-t', tag, '-');
  return docker('image', 'inspect', '-f', '{{.Id}}', tag);
}

export function containerExists(nameOrId: string): boolean {
  try {
    docker('inspect', '-f', '{{.Id}}', nameOrId);
    return true;
  } catch {
    return false;
  }
}

export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Sends RESP commands to a Redis server over TCP and returns its replies, one per command. */
export function redisCommands(port: number, commands: string[][]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    let received = '';
    const replies: string[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error('redis did not answer')));
    socket.on('connect', () => {
      socket.write(commands.map((args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`).join(''));
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      // Parse simple strings (+OK), errors (-ERR) and bulk strings ($n\r\n...), enough for SET/GET/PING.
      while (received.length) {
        const lineEnd = received.indexOf('\r\n');
        if (lineEnd < 0) break;
        const head = received.slice(0, lineEnd);
        if (head[0] === '$') {
          const size = Number(head.slice(1));
          if (size < 0) {
            replies.push('(nil)');
            received = received.slice(lineEnd + 2);
            continue;
          }
          if (received.length < lineEnd + 2 + size + 2) break;
          replies.push(received.slice(lineEnd + 2, lineEnd + 2 + size));
          received = received.slice(lineEnd + 2 + size + 2);
        } else {
          replies.push(head[0] === '+' ? head.slice(1) : head);
          received = received.slice(lineEnd + 2);
        }
      }
      if (replies.length >= commands.length) {
        socket.end();
        resolve(replies);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => replies.length < commands.length && reject(new Error(`connection closed after ${replies.length} replies`)));
  });
}

/** Removes everything these tests made: containers, volumes, networks by label; runt- image tags. */
export function removeRunTestObjects(): void {
  const containers = docker('ps', '-aq', '--filter', `label=${RUN_TEST_LABEL}`).split('\n').filter(Boolean);
  if (containers.length) docker('rm', '-f', '-v', ...containers);
  const volumes = docker('volume', 'ls', '-q', '--filter', `label=${RUN_TEST_LABEL}`).split('\n').filter(Boolean);
  if (volumes.length) docker('volume', 'rm', '-f', ...volumes);
  const networks = docker('network', 'ls', '-q', '--filter', `label=${RUN_TEST_LABEL}`).split('\n').filter(Boolean);
  if (networks.length) docker('network', 'rm', ...networks);
  const tags = docker('images', '--format', '{{.Repository}}:{{.Tag}}')
    .split('\n')
    .filter((tag) => !tag.includes('<none>') && (tag.startsWith('runt-') || tag.startsWith(`${REGISTRY}/berth-run/`)));
  if (tags.length) docker('rmi', '-f', ...tags);
  // Images these tests built and later re-tagged away are left untagged: they carry the label.
  docker('image', 'prune', '-f', '--filter', `label=${RUN_TEST_LABEL}`);
}
