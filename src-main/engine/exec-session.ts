// An interactive shell in a running container (docker exec -it): checks the container, resolves the shell,
// starts a TTY exec over a hijacked socket, and on close makes sure the shell does not linger.
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { StreamSink } from '../ipc/router';
import type { ExecChunk } from '../shared/contract/exec';
import { engineCall } from './engine-errors';
import { waitForExecExit } from './exec-inspect';
import { resolveShell } from './exec-shell';
import { inspectTarget, requireRunning } from './exec-target';
import { TerminalPipe, type TerminalBackend } from './exec-terminal';
import { endSessionProcesses, SESSION_MARKER_VAR } from './exec-terminate';

export interface ShellSessionOptions {
  shell?: string;
  user?: string;
  workdir?: string;
  env?: string[];
  cols?: number;
  rows?: number;
  /** How the session presents itself: a debug shell runs the same way, in a sidecar. */
  mode?: 'shell' | 'debug';
  /** Shown once above the prompt (the debug shell explains where it is). */
  note?: string;
  /** Skips the marker hunt on close: the caller ends everything another way (removes a sidecar). */
  terminate?: () => Promise<void>;
  cleanup?: () => Promise<void>;
  log?: (message: string, err?: unknown) => void;
}

export interface StartedExec {
  exec: Dockerode.Exec;
  socket: Duplex;
  argv: string[];
  marker: string;
}

/** Creates and starts a TTY exec of the resolved shell; the socket carries keystrokes and output. */
export async function startShellExec(docker: Dockerode, containerId: string, options: ShellSessionOptions): Promise<StartedExec> {
  const argv = await resolveShell(docker, containerId, options.shell, { user: options.user, workdir: options.workdir });
  const marker = randomUUID();
  const exec = await engineCall(() =>
    docker.getContainer(containerId).exec({
      Cmd: argv,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      ...(options.user ? { User: options.user } : {}),
      ...(options.workdir ? { WorkingDir: options.workdir } : {}),
      // The user's entries come after TERM so they may override it; the marker comes last so it is exact.
      Env: ['TERM=xterm-256color', 'COLORTERM=truecolor', ...(options.env ?? []), `${SESSION_MARKER_VAR}=${marker}`],
    }),
  );
  const socket = (await engineCall(() => exec.start({ hijack: true, stdin: true, Tty: true }))) as Duplex;
  return { exec, socket, argv, marker };
}

export async function openShellSession(
  docker: Dockerode,
  containerId: string,
  sink: StreamSink<ExecChunk>,
  options: ShellSessionOptions,
): Promise<TerminalPipe> {
  const target = await inspectTarget(docker, containerId);
  requireRunning(target);
  const started = await startShellExec(docker, target.id, options);
  const { exec, socket, argv, marker } = started;
  sink.push(
    {
      kind: 'started',
      mode: options.mode ?? 'shell',
      command: argv.join(' '),
      ...(options.user || target.user ? { user: options.user || target.user } : {}),
      ...(options.note ? { note: options.note } : {}),
    },
    0,
  );
  const backend: TerminalBackend = {
    resize: (cols, rows) => exec.resize({ w: cols, h: rows }),
    ended: async () => ({ exitCode: await waitForExecExit(exec) }),
    terminate: async () => {
      if (options.terminate) return options.terminate();
      const ended = await endSessionProcesses(docker, target.id, exec, marker, options.user);
      if (!ended) options.log?.(`the shell of exec ${exec.id} in ${target.name} is still running after SIGKILL`);
    },
    cleanup: options.cleanup,
  };
  return new TerminalPipe(socket, sink, backend, {
    tty: true,
    cols: options.cols,
    rows: options.rows,
    failureContext: { command: argv.join(' '), user: options.user, workdir: options.workdir },
    log: options.log,
  });
}
