// Several containers' logs as one, interleaved by time (a compose project: every service's lines,
// each prefixed by its service in the viewer). First the backlog of each container, merged exactly;
// then, when following, each container's live stream from just after its last backlog line (restarts
// and removals handled per container by ContainerLogSource), merged within a short window.
import type { LogLineKind, LogStreamState } from '../shared/contract/logs';
import type { BerthError } from '../shared/errors';
import { normalizeLogTimestamp, parseLogTimestamp, shiftLogTime } from '../shared/log-time';
import type { EngineConnection } from './connection';
import { BacklogMerge, LiveMerge } from './logs-merge';
import { ContainerLogSource, type LogContainer, type LogSourceOptions } from './logs-source';

interface QueuedLine {
  /** A line of the log as its bytes (a copy: the source's view is only valid during its call), or a marker's text. */
  text: Uint8Array | string;
  kind: LogLineKind;
  ts: string;
}

export interface MultiLogListener {
  line(text: Uint8Array | string, kind: LogLineKind, ts: string, source: number): void;
  state(state: LogStreamState, message?: string): void;
  end(error?: BerthError): void;
}

function copyOf(data: Buffer, start: number, end: number): Uint8Array {
  return new Uint8Array(data.subarray(start, end));
}

function nowTimestamp(): string {
  return normalizeLogTimestamp(new Date().toISOString());
}

/** A source whose merge queue holds this many lines is paused until it drains below the low mark. */
const QUEUE_HIGH = 20_000;
const QUEUE_LOW = 5_000;

export class MultiContainerLogs {
  private sources: ContainerLogSource[] = [];
  private readonly queueFull: boolean[];
  private sessionPaused = false;
  private closed = false;
  private live?: LiveMerge<QueuedLine>;
  private liveRunning = 0;

  constructor(
    private readonly engine: EngineConnection,
    private readonly containers: LogContainer[],
    private readonly options: LogSourceOptions,
    private readonly out: MultiLogListener,
  ) {
    this.queueFull = containers.map(() => false);
  }

  async start(): Promise<void> {
    let backlogDone = false;
    const backlog = new BacklogMerge<QueuedLine>(this.containers.length, (line, source) => {
      this.out.line(line.text, line.kind, line.ts, source);
      if (this.queueFull[source] && backlog.queued(source) < QUEUE_LOW) {
        this.queueFull[source] = false;
        this.applyPause(source);
      }
    });
    const finishBacklog = () => {
      if (backlogDone || !backlog.complete) return;
      backlogDone = true;
      if (!this.closed) this.startLive();
    };
    this.sources = this.containers.map(
      (container, index) =>
        new ContainerLogSource(this.engine, container, { ...this.options, follow: false }, {
          line: (data, start, end, kind, ts) => this.queueBacklog(backlog, index, { text: copyOf(data, start, end), kind, ts }),
          marker: (text, ts) => this.queueBacklog(backlog, index, { text, kind: 'm', ts }),
          state: () => {},
          end: (error) => {
            if (error) this.out.line(`— ${error.message} —`, 'm', nowTimestamp(), index);
            backlog.end(index);
            finishBacklog();
          },
        }),
    );
    try {
      await Promise.all(this.sources.map((source) => source.start()));
    } catch (err) {
      this.close();
      throw err;
    }
  }

  pause(): void {
    this.sessionPaused = true;
    this.sources.forEach((_, i) => this.applyPause(i));
  }

  resume(): void {
    this.sessionPaused = false;
    this.sources.forEach((_, i) => this.applyPause(i));
  }

  close(): void {
    this.closed = true;
    for (const source of this.sources) source.close();
    this.live?.dispose();
  }

  private queueBacklog(backlog: BacklogMerge<QueuedLine>, index: number, line: QueuedLine): void {
    backlog.push(index, line);
    if (!this.queueFull[index] && backlog.queued(index) > QUEUE_HIGH) {
      this.queueFull[index] = true;
      this.applyPause(index);
    }
  }

  private applyPause(index: number): void {
    const source = this.sources[index];
    if (!source) return;
    if (this.sessionPaused || this.queueFull[index]) source.pause();
    else source.resume();
  }

  private startLive(): void {
    if (!this.options.follow || this.options.until) {
      this.out.state('ended');
      this.out.end();
      return;
    }
    const live = new LiveMerge<QueuedLine>((line, source) => this.out.line(line.text, line.kind, line.ts, source));
    this.live = live;
    const backlogSources = this.sources;
    this.liveRunning = this.containers.length;
    const sourceEnded = () => {
      if (--this.liveRunning > 0 || this.closed) return;
      live.flush();
      live.dispose();
      this.out.state('ended');
      this.out.end();
    };
    this.sources = this.containers.map((container, index) => {
      const last = parseLogTimestamp(backlogSources[index].lastTimestamp);
      // Strictly after its last backlog line (the engine's since is inclusive); no backlog → from now.
      const options: LogSourceOptions = last
        ? { tail: 'all', since: shiftLogTime(last, 1), follow: true }
        : { tail: 0, follow: true };
      return new ContainerLogSource(this.engine, container, options, {
        line: (data, start, end, kind, ts) => live.push(index, { text: copyOf(data, start, end), kind, ts }),
        marker: (text, ts) => live.push(index, { text, kind: 'm', ts }),
        state: (state, message) => {
          if (state === 'waiting' && message) live.push(index, { text: `— ${message} —`, kind: 'm', ts: nowTimestamp() });
        },
        end: (error) => {
          if (error) live.push(index, { text: `— ${error.message} —`, kind: 'm', ts: nowTimestamp() });
          sourceEnded();
        },
      });
    });
    this.sources.forEach((source, index) => {
      this.applyPause(index);
      source.start().catch((err: BerthError) => {
        live.push(index, { text: `— ${err.message} —`, kind: 'm', ts: nowTimestamp() });
        sourceEnded();
      });
    });
    this.out.state('streaming');
  }
}
