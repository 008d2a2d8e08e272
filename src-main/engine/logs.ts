// Opening a log view: resolves the containers (full id, name, TTY or not, compose service), then streams
// one container's log — or several interleaved by time — as batched line chunks, with flow control
// (pause/resume the engine streams) and a close that ends every engine stream it opened.
import type Dockerode from 'dockerode';
import type { LogChunk, LogSourceInfo, LogStreamState } from '../shared/contract/logs';
import {
  compareLogTime,
  normalizeLogTimestamp,
  parseLogTimestamp,
  shiftLogTime,
  type LogTime,
  type LogTimeRange,
} from '../shared/log-time';
import type { EngineConnection } from './connection';
import { engineCall } from './engine-errors';
import { LineBatcher } from './logs-batch';
import { MultiContainerLogs } from './logs-multi';
import { OlderLinesCount } from './logs-older';
import { pageBefore } from './logs-page';
import { requestLogs } from './logs-request';
import { ContainerLogSource, logsQueryFor, type LogContainer, type LogSourceOptions } from './logs-source';

export interface LogsRequest {
  containers: { id: string; label?: string }[];
  tail: number | 'all';
  range: LogTimeRange;
  /** Only lines strictly before this engine timestamp ("load earlier"); implies no follow. */
  before?: string;
  follow: boolean;
  /** Lines the view keeps: with tail "all" on one container, only these are sent, the older counted. */
  keep?: number;
}

/** Where the chunks go: the IPC stream sink, or a test's collector. */
export interface LogsOutput {
  push(chunk: LogChunk, bytes: number): void;
  /** Send what is batched now (the IPC sink batches ~16 ms). */
  flush?(): void;
  end(error?: unknown): void;
}

export interface LogsControl {
  pause(): void;
  resume(): void;
  close(): void;
}

interface DescribedContainer extends LogContainer {
  label: string;
  /** Creation time: nothing can be logged before it (the floor when paging back). */
  created?: string;
}

async function describeContainer(docker: Dockerode, ref: { id: string; label?: string }): Promise<DescribedContainer> {
  const info = await engineCall(() => docker.getContainer(ref.id).inspect(), `Cannot open the log of “${ref.id}”`);
  const name = info.Name.replace(/^\//, '');
  const service = info.Config?.Labels?.['com.docker.compose.service'];
  return {
    id: info.Id,
    name,
    tty: !!info.Config?.Tty,
    startedAt: info.State?.StartedAt,
    created: info.Created,
    label: ref.label ?? service ?? name,
  };
}

function effectiveUntil(range: LogTimeRange, before: string | undefined): LogTime | undefined {
  const beforeTime = before ? parseLogTimestamp(before) : undefined;
  if (!beforeTime) return range.until;
  const justBefore = shiftLogTime(beforeTime, -1); // the engine's until is inclusive
  return range.until && compareLogTime(range.until, justBefore) < 0 ? range.until : justBefore;
}

export async function openLogs(engine: EngineConnection, request: LogsRequest, out: LogsOutput): Promise<LogsControl> {
  const docker = engine.requireConnected();
  // The whole log into a view that keeps its newest `keep` lines: ask for those, count the rest. Not
  // with an until (the engine applies tail before until, so the last `keep` lines may all be after it).
  const keepOnly =
    request.tail === 'all' && request.keep !== undefined && request.containers.length === 1 && !request.before && !request.range.until;
  const options: LogSourceOptions = {
    tail: keepOnly && request.keep !== undefined ? request.keep : request.tail,
    since: request.range.since,
    until: effectiveUntil(request.range, request.before),
    follow: request.follow && !request.before,
  };
  // One container (the common case, and the first screen that matters): ask for its log while it is
  // inspected, instead of one round trip after the other.
  const prefetched =
    request.containers.length === 1 && !request.before ? requestLogs(docker, request.containers[0].id, logsQueryFor(options)) : undefined;
  // Mark it handled now: it may fail (no such container) before the inspect does, while nothing awaits it
  // yet — an unhandled rejection would take the main process down. Its failure surfaces through the source's start.
  prefetched?.catch(() => {});
  let containers: DescribedContainer[];
  try {
    containers = await Promise.all(request.containers.map((ref) => describeContainer(docker, ref)));
  } catch (err) {
    void prefetched?.then((response) => response.destroy(), () => {});
    throw err;
  }
  const sources: LogSourceInfo[] = containers.map((c, index) => ({ index, id: c.id, name: c.name, label: c.label, tty: c.tty }));

  // The first lines are the first screen: they go out at once, not at the end of a batching window.
  let firstLinesSent = false;
  const batcher = new LineBatcher((chunk, bytes) => {
    out.push(chunk, bytes);
    if (!firstLinesSent) {
      firstLinesSent = true;
      out.flush?.();
    }
  }, containers.length > 1);
  let ended = false;
  const state = (value: LogStreamState, message?: string) => {
    batcher.flush();
    out.push({ t: 'state', state: value, ...(message ? { message } : {}) }, 64 + (message?.length ?? 0));
  };
  const older = keepOnly ? new OlderLinesCount(engine, containers[0], request.range.since, (chunk, bytes) => out.push(chunk, bytes)) : undefined;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    batcher.flush();
    if (!older || error) {
      older?.close();
      out.end(error);
      return;
    }
    // A finite log ends once its older lines are counted too.
    older.nothingSent();
    void older.settled.then(() => out.end());
  };

  out.push({ t: 'sources', sources }, 200 * sources.length);
  if (request.before && request.tail !== 'all' && options.until) {
    return openPage(engine, containers, request.tail, options.until, request.range.since, { batcher, state, end });
  }
  let source: ContainerLogSource | MultiContainerLogs;
  if (containers.length === 1) {
    source = new ContainerLogSource(engine, containers[0], options, {
      line: older
        ? (data, start, end, kind, ts) => {
            older.sent(ts);
            batcher.addBytes(data, start, end, kind, ts);
          }
        : (data, start, end, kind, ts) => batcher.addBytes(data, start, end, kind, ts),
      marker: (text, ts) => {
        older?.sent(ts);
        batcher.add(text, 'm', ts);
      },
      state,
      end,
    });
  } else {
    source = new MultiContainerLogs(engine, containers, options, {
      line: (text, kind, ts, index) => batcher.add(text, kind, ts, index),
      state,
      end,
    });
  }
  try {
    if (source instanceof ContainerLogSource) await source.start(prefetched);
    else await source.start();
  } catch (err) {
    batcher.dispose();
    older?.close();
    throw err;
  }
  state('streaming');
  return {
    pause: () => source.pause(),
    resume: () => source.resume(),
    close: () => {
      ended = true;
      source.close();
      older?.close();
      batcher.dispose();
    },
  };
}

interface PageOutput {
  batcher: LineBatcher;
  state(value: LogStreamState, message?: string): void;
  end(error?: unknown): void;
}

/** "Load earlier": the newest `count` lines up to `until`, across the containers, then the stream ends. */
function openPage(
  engine: EngineConnection,
  containers: DescribedContainer[],
  count: number,
  until: LogTime,
  since: LogTime | undefined,
  out: PageOutput,
): LogsControl {
  let closed = false;
  const sources = new Set<ContainerLogSource>();
  const before = shiftLogTime(until, 1);
  void Promise.all(
    containers.map((container, index) => {
      const created = container.created ? parseLogTimestamp(normalizeLogTimestamp(container.created)) : undefined;
      const floor = [created, since].reduce<LogTime>(
        (latest, time) => (time && compareLogTime(time, latest) > 0 ? time : latest),
        { s: 0, ns: 0 },
      );
      return pageBefore(engine, container, before, count, floor, () => closed, (source) => sources.add(source)).then(
        (lines) => lines.map((line) => ({ ...line, src: index })),
      );
    }),
  ).then(
    (perContainer) => {
      if (closed) return;
      // One container: the engine's order. Several: by time (a stable sort keeps ties in order).
      const all = perContainer.flat();
      if (perContainer.length > 1) all.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
      const lines = all.slice(-count);
      for (const line of lines) out.batcher.add(line.text, line.kind, line.ts, line.src);
      out.state('ended');
      out.end();
    },
    (error) => {
      if (!closed) out.end(error);
    },
  );
  const closeAll = () => {
    closed = true;
    for (const source of sources) source.close();
    out.batcher.dispose();
  };
  return { pause: () => sources.forEach((s) => s.pause()), resume: () => sources.forEach((s) => s.resume()), close: closeAll };
}
