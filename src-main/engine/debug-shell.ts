// A debug shell for containers with no shell (FROM scratch, distroless): a throwaway sidecar from a local
// image that has one, sharing the target's PID and network namespaces. The target's processes show in ps,
// its network is localhost, and its filesystem is reachable under /proc/1/root. The sidecar is removed
// when the session ends, however it ends; one left behind by a Berth that crashed is swept when an engine
// connects (debug-shell-sweep.ts), told apart by the owner labels (debug-shell-owner.ts).
import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import type { StreamSink } from '../ipc/router';
import type { ExecChunk } from '../shared/contract/exec';
import { BerthError } from '../shared/errors';
import { ownerLabels } from './debug-shell-owner';
import { engineCall, toBerthError } from './engine-errors';
import { openShellSession } from './exec-session';
import { inspectTarget, requireRunning } from './exec-target';
import type { TerminalPipe } from './exec-terminal';

export const DEBUG_ROLE_LABEL = 'berth.role';
export const DEBUG_ROLE = 'debug-shell';
export const DEBUG_TARGET_LABEL = 'berth.debug.target';

export interface DebugShellOptions {
  image: string;
  shell?: string;
  env?: string[];
  cols?: number;
  rows?: number;
  /** Extra labels on the sidecar (tests mark theirs). */
  labels?: Record<string, string>;
  log?: (message: string, err?: unknown) => void;
}

export function debugNote(image: string, targetName: string): string {
  return `Debug shell in a throwaway ${image} container that shares ${targetName}'s processes and network. ${targetName}'s files are under /proc/1/root. The helper container is removed when this session ends.`;
}

async function requireLocalImage(docker: Dockerode, image: string): Promise<void> {
  try {
    await docker.getImage(image).inspect();
  } catch (err) {
    const error = toBerthError(err);
    if (error.code !== 'not_found') throw error;
    throw new BerthError(
      'not_found',
      `The image "${image}" is not on this engine. A debug shell runs a local image that has a shell; Berth never pulls one.`,
    );
  }
}

/** Creates and starts the sidecar. Its main process is a shell waiting on an open stdin: it needs nothing but sh. */
export async function startDebugSidecar(
  docker: Dockerode,
  target: { id: string; name: string },
  image: string,
  labels: Record<string, string> = {},
): Promise<Dockerode.Container> {
  await requireLocalImage(docker, image);
  const sidecar = await engineCall(
    () =>
      docker.createContainer({
        name: `berth-debug-${target.name.slice(0, 40)}-${randomBytes(3).toString('hex')}`,
        Image: image,
        Entrypoint: ['/bin/sh'],
        Cmd: [],
        OpenStdin: true,
        StdinOnce: false,
        Tty: false,
        Labels: { ...labels, ...ownerLabels(), [DEBUG_ROLE_LABEL]: DEBUG_ROLE, [DEBUG_TARGET_LABEL]: target.id },
        HostConfig: {
          PidMode: `container:${target.id}`,
          NetworkMode: `container:${target.id}`,
          AutoRemove: true,
          // Reading /proc/1/root of a process running as another user needs ptrace rights.
          CapAdd: ['SYS_PTRACE'],
        },
      }),
    'Could not create the debug container',
  );
  try {
    await engineCall(() => sidecar.start(), 'Could not start the debug container');
  } catch (err) {
    await removeSidecar(sidecar);
    throw err;
  }
  return sidecar;
}

export async function removeSidecar(sidecar: Dockerode.Container): Promise<void> {
  try {
    await sidecar.remove({ force: true });
  } catch (err) {
    const error = toBerthError(err);
    // Already gone (AutoRemove won the race) or being removed: both are what we want.
    if (error.code !== 'not_found' && !/already in progress/i.test(error.message)) throw error;
  }
}

export async function openDebugSession(
  docker: Dockerode,
  containerId: string,
  sink: StreamSink<ExecChunk>,
  options: DebugShellOptions,
): Promise<TerminalPipe> {
  const target = await inspectTarget(docker, containerId);
  requireRunning(target);
  const sidecar = await startDebugSidecar(docker, target, options.image, options.labels);
  const remove = () => removeSidecar(sidecar);
  try {
    return await openShellSession(docker, sidecar.id, sink, {
      mode: 'debug',
      shell: options.shell,
      env: options.env,
      cols: options.cols,
      rows: options.rows,
      note: debugNote(options.image, target.name),
      terminate: remove,
      cleanup: remove,
      log: options.log,
    });
  } catch (err) {
    await remove().catch((removeErr) => options.log?.('could not remove the debug container', removeErr));
    throw err;
  }
}
