// Attach to a container's main process (docker attach). Closing the session only detaches: the process
// keeps running. The engine itself detaches on Ctrl+P Ctrl+Q, like the docker CLI.
// One session may span several runs of the container: when the main process exits and the container starts
// again (a restart policy, `docker restart`), the terminal says so and attaches to the new process on the
// same stream. How a stream ended is told from the engine's events (exec-attach-watch.ts): a detach says
// "Detached", an exit for good shows its exit code.
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { StreamControl, StreamSink } from '../ipc/router';
import type { ExecChunk } from '../shared/contract/exec';
import { BerthError } from '../shared/errors';
import { TERMINAL_HIGH_WATER_BYTES } from '../shared/protocol';
import { engineCall } from './engine-errors';
import {
  classifyAttachEnd,
  ContainerEventWatch,
  waitUntilRunning,
  type AttachEnd,
  type AttachSegment,
  type SubscribeToEngineEvents,
} from './exec-attach-watch';
import { inspectTarget, requireRunning, type TerminalTarget } from './exec-target';
import { TerminalPipe, type TerminalEnd } from './exec-terminal';

export const DETACH_KEYS = 'ctrl-p,ctrl-q';

export interface AttachOptions {
  /** The engine's single /events stream (EngineConnection.onEvent): tells a restart from a detach. */
  events: SubscribeToEngineEvents;
  cols?: number;
  rows?: number;
  log?: (message: string, err?: unknown) => void;
}

export function attachNote(target: { tty: boolean; openStdin: boolean }): string {
  const input = target.openStdin
    ? 'What you type goes to the main process: Ctrl+C or exit may stop the container.'
    : 'The main process does not read input (it was not started with -i): this view is read-only.';
  return `Attached to the container's main process. ${input} Detach with Ctrl+P then Ctrl+Q, or close this tab; the container keeps running. If it restarts, Berth attaches to the new process.`;
}

export const DETACHED_REASON = 'Detached (Ctrl+P Ctrl+Q). The container keeps running.';

/** Dim lines in the terminal between two runs of the container: when one run ended, and when the next is attached. */
export function restartingMarker(exitCode: number | null): Buffer {
  const code = exitCode === null ? '' : ` (exit code ${exitCode})`;
  return Buffer.from(`\r\n\x1b[2m── container restarting${code} ──\x1b[0m\r\n`);
}
/** Said at once when a kill stopped the container (docker stop): the end notice waits a moment for a restart. */
export function stoppedMarker(exitCode: number | null): Buffer {
  const code = exitCode === null ? '' : ` (exit code ${exitCode})`;
  return Buffer.from(`\r\n\x1b[2m── container stopped${code} ──\x1b[0m\r\n`);
}
export const RESTARTED_MARKER = Buffer.from('\x1b[2m── container restarted · re-attached ──\x1b[0m\r\n');

/** How an attach ended for good, as the terminal's exit notice says it. */
export function attachEndNotice(end: AttachEnd): TerminalEnd {
  switch (end.kind) {
    case 'detached':
      return { exitCode: null, reason: DETACHED_REASON };
    case 'removed':
      return { exitCode: end.exitCode, reason: 'The container was removed.' };
    case 'stopped':
    case 'restarted':
      return { exitCode: end.exitCode, reason: 'The container stopped.' };
  }
}

/** The StreamControl of an attach: one TerminalPipe per run of the container, on one stream. */
export class AttachSession implements StreamControl {
  readonly interactive = true;
  /** Room for the page to look ahead in a flood (TERMINAL_HIGH_WATER_BYTES). */
  readonly highWaterBytes = TERMINAL_HIGH_WATER_BYTES;
  /** Settles when the session is over (for tests and shutdown). */
  readonly finished: Promise<void>;
  private resolveFinished!: () => void;
  private pipe?: TerminalPipe;
  private size?: { cols: number; rows: number };
  private closed = false;
  private paused = false;
  private readonly abort = new AbortController();
  private readonly container: Dockerode.Container;

  constructor(
    docker: Dockerode,
    private readonly target: TerminalTarget,
    private readonly sink: StreamSink<ExecChunk>,
    private readonly watch: ContainerEventWatch,
    private readonly options: AttachOptions,
  ) {
    this.container = docker.getContainer(target.id);
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
    if (options.cols && options.rows) this.size = { cols: options.cols, rows: options.rows };
  }

  write(data: string): void {
    this.pipe?.write(data);
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    this.pipe?.resize(cols, rows);
  }

  pause(): void {
    this.paused = true;
    this.pipe?.pause();
  }

  resume(): void {
    this.paused = false;
    this.pipe?.resume();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    if (this.pipe) this.pipe.close();
    else this.finish();
  }

  /** Attaches to the current run; resolves once its stream is open. `announce` is pushed before its output. */
  async attach(announce: ExecChunk): Promise<TerminalPipe> {
    const info = await engineCall(() => this.container.inspect());
    const segment: AttachSegment = { startedAt: info.State.StartedAt, attachedAt: Date.now(), endedAt: 0 };
    const socket = (await engineCall(() =>
      this.container.attach({
        stream: true,
        stdin: this.target.openStdin,
        stdout: true,
        stderr: true,
        hijack: true,
        detachKeys: DETACH_KEYS,
      }),
    )) as Duplex;
    this.sink.push(announce, 0);
    let end: AttachEnd | undefined;
    let saidStopped = false;
    const outer = this.sink;
    const restarts = () => end?.kind === 'restarted' && !this.closed;
    // What the pipe reports is passed on, except the end of a run the container restarts from.
    const runSink: StreamSink<ExecChunk> = {
      push: (chunk, bytes) => {
        if (!(chunk instanceof Uint8Array) && chunk.kind === 'exited' && restarts()) return;
        outer.push(chunk, bytes);
      },
      end: (error) => {
        if (!error && restarts()) return;
        outer.end(error);
      },
      get closed() {
        return outer.closed;
      },
    };
    let sized = false;
    const pipe = new TerminalPipe(
      socket,
      runSink,
      {
        resize: async (cols, rows) => {
          if (!this.target.tty) return;
          // A program does not redraw on attach; a size change (one row off, then right) makes it repaint, as docker attach does.
          if (!sized) {
            sized = true;
            await this.container.resize({ w: cols, h: rows + 1 }).catch(() => undefined);
          }
          await this.container.resize({ w: cols, h: rows });
        },
        ended: async () => {
          segment.endedAt = Date.now();
          end = await classifyAttachEnd(this.container, this.watch, segment, this.abort.signal, (exitCode) => {
            saidStopped = true;
            outer.push(stoppedMarker(exitCode), 0);
          });
          return attachEndNotice(end);
        },
        // Letting go of the socket detaches; the main process must not be touched.
        terminate: async () => undefined,
      },
      { tty: this.target.tty, writable: this.target.openStdin, cols: this.size?.cols, rows: this.size?.rows, log: this.options.log },
    );
    this.pipe = pipe;
    if (this.paused) pipe.pause();
    void pipe.finished.then(() =>
      end?.kind === 'restarted' && !this.closed ? this.followRestart(end.exitCode, saidStopped) : this.finish(),
    );
    return pipe;
  }

  private async followRestart(exitCode: number | null, saidStopped: boolean): Promise<void> {
    this.pipe = undefined;
    if (!saidStopped) this.sink.push(restartingMarker(exitCode), 0);
    const outcome = await waitUntilRunning(this.container, this.watch, this.abort.signal).catch((err: unknown) => {
      this.options.log?.('could not follow the container’s restart', err);
      return { kind: 'stopped' as const, exitCode };
    });
    if (outcome.kind === 'aborted' || this.closed) return this.finish();
    if (outcome.kind !== 'running') {
      const notice = attachEndNotice(outcome.kind === 'removed' ? { kind: 'removed', exitCode } : outcome);
      this.sink.push({ kind: 'exited', ...notice }, 0);
      this.sink.end();
      return this.finish();
    }
    try {
      const pipe = await this.attach(RESTARTED_MARKER);
      if (this.closed) pipe.close(); // closed while attaching
    } catch (err) {
      this.options.log?.('could not attach to the restarted container', err);
      this.sink.push({ kind: 'exited', exitCode, reason: `The container restarted, but Berth could not attach to it again: ${(err as Error).message}` }, 0);
      this.sink.end();
      this.finish();
    }
  }

  private finish(): void {
    this.watch.close();
    this.resolveFinished();
  }
}

export async function openAttachSession(
  docker: Dockerode,
  containerId: string,
  sink: StreamSink<ExecChunk>,
  options: AttachOptions,
): Promise<AttachSession> {
  const target = await inspectTarget(docker, containerId);
  requireRunning(target);
  if (!target.tty && !target.openStdin) {
    throw new BerthError(
      'conflict',
      `The main process of "${target.name}" has no terminal and reads no input (it was not started with -it). Open its logs to follow its output, or a shell to work inside it.`,
    );
  }
  // Watch before attaching, so no event of this run is missed.
  const watch = new ContainerEventWatch(options.events, target.id);
  const session = new AttachSession(docker, target, sink, watch, options);
  try {
    await session.attach({ kind: 'started', mode: 'attach', command: target.command, note: attachNote(target) });
  } catch (err) {
    watch.close();
    throw err;
  }
  return session;
}
