// Attach to a container's main process (docker attach). Closing the session only detaches: the process
// keeps running. The engine itself detaches on Ctrl+P Ctrl+Q, like the docker CLI.
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { StreamSink } from '../ipc/router';
import type { ExecChunk } from '../shared/contract/exec';
import { BerthError } from '../shared/errors';
import { engineCall } from './engine-errors';
import { delay } from './exec-inspect';
import { inspectTarget, requireRunning } from './exec-target';
import { TerminalPipe } from './exec-terminal';

export const DETACH_KEYS = 'ctrl-p,ctrl-q';

export interface AttachOptions {
  cols?: number;
  rows?: number;
  log?: (message: string, err?: unknown) => void;
}

export function attachNote(target: { tty: boolean; openStdin: boolean }): string {
  const input = target.openStdin
    ? 'What you type goes to the main process: Ctrl+C or exit may stop the container.'
    : 'The main process does not read input (it was not started with -i): this view is read-only.';
  return `Attached to the container's main process. ${input} Detach with Ctrl+P then Ctrl+Q, or close this tab; the container keeps running.`;
}

export async function openAttachSession(
  docker: Dockerode,
  containerId: string,
  sink: StreamSink<ExecChunk>,
  options: AttachOptions,
): Promise<TerminalPipe> {
  const target = await inspectTarget(docker, containerId);
  requireRunning(target);
  if (!target.tty && !target.openStdin) {
    throw new BerthError(
      'conflict',
      `The main process of "${target.name}" has no terminal and reads no input (it was not started with -it). Open its logs to follow its output, or a shell to work inside it.`,
    );
  }
  const container = docker.getContainer(target.id);
  const socket = (await engineCall(() =>
    container.attach({
      stream: true,
      stdin: target.openStdin,
      stdout: true,
      stderr: true,
      hijack: true,
      detachKeys: DETACH_KEYS,
    }),
  )) as Duplex;
  sink.push({ kind: 'started', mode: 'attach', command: target.command, note: attachNote(target) }, 0);
  let sized = false;
  return new TerminalPipe(
    socket,
    sink,
    {
      resize: async (cols, rows) => {
        if (!target.tty) return;
        // A program does not redraw on attach; a size change (one row off, then right) makes it repaint, as docker attach does.
        if (!sized) {
          sized = true;
          await container.resize({ w: cols, h: rows + 1 }).catch(() => undefined);
        }
        await container.resize({ w: cols, h: rows });
      },
      ended: async () => {
        // Either the main process exited (the container stops) or the engine detached us (Ctrl+P Ctrl+Q).
        for (let attempt = 0; attempt < 10; attempt++) {
          const info = await container.inspect().catch(() => undefined);
          if (!info) return { exitCode: null, reason: 'The container is gone.' };
          if (!info.State.Running) return { exitCode: info.State.ExitCode ?? null, reason: 'The container stopped.' };
          await delay(30);
        }
        return { exitCode: null, reason: 'Detached. The container keeps running.' };
      },
      // Letting go of the socket detaches; the main process must not be touched.
      terminate: async () => undefined,
    },
    { tty: target.tty, writable: target.openStdin, cols: options.cols, rows: options.rows, log: options.log },
  );
}
