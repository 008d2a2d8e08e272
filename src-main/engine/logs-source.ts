// One container's log as lines: opens the engine stream, demuxes and decodes it, and — when following —
// outlives the container's stops and restarts: the engine ends a follow stream when the container
// stops, so Berth watches the engine's events and reopens from the last line it saw, with a marker.
import type { Readable } from 'node:stream';
import type { LogStreamState } from '../shared/contract/logs';
import { BerthError } from '../shared/errors';
import { compareLogTime, normalizeLogTimestamp, parseLogTimestamp, shiftLogTime, type LogTime } from '../shared/log-time';
import type { EngineConnection } from './connection';
import { FrameDemuxer, STREAM_SYSTEM_ERROR } from './demux';
import { engineCall, toBerthError } from './engine-errors';
import type { EngineEvent } from './events';
import { LineAssembler, type LineKind } from './logs-lines';
import { requestLogs, type LogsQuery } from './logs-request';

export const RESTART_MARKER = '— container restarted —';
export const REMOVED_MARKER = '— container removed —';

export interface LogContainer {
  /** Full id (events name containers by it). */
  id: string;
  name: string;
  tty: boolean;
  /** State.StartedAt of the run being logged; tells a restart from a hiccup. */
  startedAt?: string;
}

export interface LogSourceOptions {
  tail: number | 'all';
  since?: LogTime;
  until?: LogTime;
  follow: boolean;
}

export interface LogSourceListener {
  /** A line of the log: bytes [start, end) of `data` (UTF-8), valid only during the call; ts normalised. */
  line(data: Buffer, start: number, end: number, kind: LineKind, ts: string): void;
  /** A line Berth adds ("— container restarted —"). */
  marker(text: string, ts: string): void;
  state(state: LogStreamState, message?: string): void;
  /** Called once: the log is complete (non-follow), the container was removed, or it failed. */
  end(error?: BerthError): void;
}

interface InspectedState {
  running: boolean;
  startedAt?: string;
  /** When the previous run ended ("0001-01-01T00:00:00Z" when it never ran). */
  finishedAt?: string;
  exitCode?: number;
}

/** The engine query for a log source's options. */
export function logsQueryFor(options: LogSourceOptions): LogsQuery {
  return {
    follow: options.follow,
    stdout: true,
    stderr: true,
    // Always: restarts resume from the last line's time, "load earlier" pages back by it, and compose
    // logs merge by it. The viewer shows or hides them.
    timestamps: true,
    tail: options.tail,
    since: options.since,
    until: options.until,
  };
}

type Phase = 'streaming' | 'checking' | 'waiting' | 'done';

export class ContainerLogSource {
  private response?: Readable;
  private phase: Phase = 'streaming';
  private paused = false;
  private closed = false;
  /** Normalised timestamp of the last line received: where a reopened stream resumes. */
  private lastTs = '';
  private unsubscribe?: () => void;
  private startSeen = false;
  private destroySeen = false;
  private ended = false;

  constructor(
    private readonly engine: EngineConnection,
    readonly container: LogContainer,
    private readonly options: LogSourceOptions,
    private readonly listener: LogSourceListener,
  ) {}

  /** The newest line's timestamp so far ('' when none). */
  get lastTimestamp(): string {
    return this.lastTs;
  }

  /** Opens the first stream; rejects (e.g. not_found) so the caller can refuse the open with a clear error. */
  /**
   * Opens the first stream; rejects (e.g. not_found) so the caller can refuse the open with a clear error.
   * `prefetched`: that first stream, already requested (with logsQueryFor) while the container was
   * being inspected — it saves a round trip before the first screen.
   */
  async start(prefetched?: Promise<Readable>): Promise<void> {
    if (this.options.follow && !this.options.until) this.watchEvents();
    await this.open(this.options.tail, this.options.since, prefetched);
  }

  pause(): void {
    this.paused = true;
    this.response?.pause();
  }

  resume(): void {
    this.paused = false;
    this.response?.resume();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ended = true; // the consumer went away: nobody to tell
    this.phase = 'done';
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.response?.destroy();
    this.response = undefined;
  }

  private async open(tail: number | 'all', since: LogTime | undefined, prefetched?: Promise<Readable>): Promise<void> {
    const docker = this.engine.requireConnected();
    const response = await (prefetched ?? requestLogs(docker, this.container.id, logsQueryFor({ ...this.options, tail, since })));
    if (this.closed) {
      response.destroy();
      return;
    }
    this.phase = 'streaming';
    this.response = response;
    if (this.paused) response.pause();

    const assembler = new LineAssembler({ timestamps: true, tty: this.container.tty }, (data, start, end, kind, ts) => {
      const stamp = normalizeLogTimestamp(ts);
      this.lastTs = stamp;
      this.listener.line(data, start, end, kind, stamp);
    });
    let engineError = '';
    const demuxer = this.container.tty
      ? undefined
      : new FrameDemuxer((kind, data, start, end, frameStart) => {
          if (kind === STREAM_SYSTEM_ERROR) engineError += data.toString('utf8', start, end);
          else assembler.pushPiece(kind, data, start, end, frameStart);
        });
    response.on('data', (chunk: Buffer) => {
      if (demuxer) demuxer.push(chunk);
      else assembler.pushRaw(chunk);
    });

    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      if (this.response === response) this.response = undefined;
      assembler.flush();
      if (this.closed) return;
      void this.afterStreamEnd(error, engineError.trim());
    };
    response.once('end', () => finish());
    response.once('error', (err) => finish(err));
    response.once('close', () => finish(response.readableEnded ? undefined : new Error('the engine closed the log stream')));
  }

  private async afterStreamEnd(error: unknown, engineError: string): Promise<void> {
    if (engineError) return this.finish(new BerthError('engine_error', `The engine could not read the log: ${engineError}`));
    if (!this.options.follow || this.options.until) {
      if (error) return this.finish(toBerthError(error, 'The log stream broke off'));
      this.listener.state('ended');
      return this.finish();
    }
    // Following: the engine ends the stream when the container stops (or is removed).
    this.phase = 'checking';
    this.startSeen = false;
    this.destroySeen = false;
    let state: InspectedState;
    try {
      state = await this.inspect();
    } catch (err) {
      const berthError = toBerthError(err);
      if (berthError.code === 'not_found') return this.removed();
      return this.finish(berthError);
    }
    if (this.closed) return;
    if (this.destroySeen) return this.removed();
    if (state.running || this.startSeen) return this.reopen(state);
    this.phase = 'waiting';
    this.listener.state(
      'waiting',
      `The container stopped${state.exitCode !== undefined ? ` (exit code ${state.exitCode})` : ''}. Waiting for it to start again…`,
    );
  }

  private async reopen(state: InspectedState): Promise<void> {
    if (this.closed) return;
    const { startedAt } = state;
    const restarted = !!startedAt && startedAt !== this.container.startedAt;
    this.container.startedAt = startedAt ?? this.container.startedAt;
    if (restarted) {
      this.listener.marker(RESTART_MARKER, startedAt ? normalizeLogTimestamp(startedAt) : this.lastTs);
    }
    this.listener.state('streaming');
    try {
      await this.open('all', this.resumeFrom(state));
    } catch (err) {
      const berthError = toBerthError(err);
      if (berthError.code === 'not_found') return this.removed();
      return this.finish(berthError);
    }
  }

  /**
   * Where a reopened stream starts: strictly after the last line seen (the engine's since is
   * inclusive). Nothing seen yet: after the previous run ended, not at the new run's StartedAt — the
   * engine records StartedAt after the process is already writing, so its first lines are stamped earlier.
   */
  private resumeFrom(state: InspectedState): LogTime | undefined {
    const last = this.lastTs ? parseLogTimestamp(this.lastTs) : undefined;
    if (last) return shiftLogTime(last, 1);
    const finished = state.finishedAt && !state.finishedAt.startsWith('0001-') ? parseLogTimestamp(normalizeLogTimestamp(state.finishedAt)) : undefined;
    const since = this.options.since;
    if (finished && since) return compareLogTime(finished, since) > 0 ? finished : since;
    return finished ?? since ?? { s: 1, ns: 0 };
  }

  private removed(): void {
    if (this.ended) return;
    this.listener.marker(REMOVED_MARKER, this.lastTs || normalizeLogTimestamp(new Date().toISOString()));
    this.listener.state('removed', 'The container was removed; its log ends here.');
    this.finish();
  }

  private finish(error?: BerthError): void {
    if (this.ended) return;
    this.ended = true;
    this.phase = 'done';
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.listener.end(error);
  }

  private watchEvents(): void {
    this.unsubscribe = this.engine.onEvent((event: EngineEvent) => {
      if (event.Type !== 'container' || event.Actor?.ID !== this.container.id) return;
      if (event.Action === 'destroy') {
        if (this.phase === 'checking') this.destroySeen = true;
        else if (this.phase === 'waiting') this.removed();
      } else if (event.Action === 'start') {
        if (this.phase === 'checking') this.startSeen = true;
        else if (this.phase === 'waiting') {
          this.phase = 'checking';
          void this.inspect()
            .then((state) => this.reopen(state))
            .catch((err) => (toBerthError(err).code === 'not_found' ? this.removed() : this.finish(toBerthError(err))));
        }
      }
    });
  }

  private async inspect(): Promise<InspectedState> {
    const docker = this.engine.requireConnected();
    const info = await engineCall(() => docker.getContainer(this.container.id).inspect());
    return {
      running: !!info.State?.Running,
      startedAt: info.State?.StartedAt,
      finishedAt: info.State?.FinishedAt,
      exitCode: info.State?.Running ? undefined : info.State?.ExitCode,
    };
  }
}
