// Contract entries for logs: a stream of log lines for one container or several (a compose project,
// interleaved by time), and an export that saves a whole log from the engine straight to a file.
import { z } from 'zod';
import { parseLogTimeRange, type LogTimeRange } from '../log-time';
import { containerRefSchema, containerScoped, engineIdSchema, invoke, stream } from './define';

/** o = stdout, e = stderr, m = a marker Berth adds ("— container restarted —"). */
export type LogLineKind = 'o' | 'e' | 'm';

/** One container whose log is in the stream; lines name it by index (compose logs). */
export interface LogSourceInfo {
  index: number;
  id: string;
  name: string;
  /** What prefixes its lines in a merged log: the compose service, else the container name. */
  label: string;
  tty: boolean;
}

/**
 * Where a log stream stands. `streaming`: lines flow (live when following). `waiting`: following a
 * stopped container until it starts again. `ended`: the whole requested range was sent. `removed`:
 * the container was removed; nothing more will come.
 */
export type LogStreamState = 'streaming' | 'waiting' | 'ended' | 'removed';

/**
 * What a log stream sends. Lines travel packed as bytes (a Uint8Array: one or more batches, layout and
 * reader in shared/log-pack.ts): each line's UTF-8 text, its LogLineKind, its engine timestamp exact to
 * the nanosecond (read back as RFC 3339, 9 fraction digits, UTC) and, with several sources, its source
 * index. Over the WebSocket they ride in a binary frame; Electron's IPC clones them as they are.
 */
export type LogChunk =
  | Uint8Array
  | { t: 'sources'; sources: LogSourceInfo[] }
  /**
   * With tail "all" and `keep`: this many lines come before the first line sent and were not sent (the
   * view keeps only its newest `keep`). Absolute, not a delta: it grows while the engine counts them.
   */
  | { t: 'older'; lines: number }
  | { t: 'state'; state: LogStreamState; message?: string };

export type LogExportChunk =
  | { t: 'progress'; bytes: number }
  | { t: 'done'; path: string; bytes: number };

export interface LogExportSuggestion {
  /** A free file name in the suggested directory, e.g. ~/Downloads/web-20240501-101500.log */
  path: string;
  directory: string;
}

/** Tail: the last N lines, or "all". */
export const logTailSchema = z.union([
  z.number().int('tail must be a whole number').min(0, 'tail cannot be negative').max(100_000_000),
  z.literal('all'),
]);

const timeText = z.string().max(64);

/** An engine timestamp, as log lines carry them. */
const engineTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/, 'not an engine timestamp');

/** Parses since/until once, at validation; a bad value or a since after until fails on its field. */
function withTimeRange<T extends { since?: string; until?: string }>(value: T, ctx: z.RefinementCtx): T & { range: LogTimeRange } {
  const parsed = parseLogTimeRange(value.since, value.until);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', path: [parsed.field], message: parsed.error });
    return z.NEVER;
  }
  return { ...value, range: parsed.range };
}

export const logsOpenSchema = z
  .object({
    engineId: engineIdSchema,
    /** One container, or several (a compose project's) to interleave by time. */
    containers: z
      .array(z.object({ id: containerRefSchema, label: z.string().max(200).optional() }))
      .min(1, 'name at least one container')
      .max(64, 'at most 64 containers in one log'),
    tail: logTailSchema.default(1000),
    since: timeText.optional(),
    until: timeText.optional(),
    /** Only lines strictly before this engine timestamp: "load earlier" pages back with it. */
    before: engineTimestamp.optional(),
    follow: z.boolean().default(true),
    /**
     * How many lines the view keeps. With tail "all" on one container, only that many newest lines are
     * sent; the older ones are counted (an `older` chunk) and stay in the engine for "load earlier".
     */
    keep: z.number().int().min(1).max(10_000_000).optional(),
  })
  .transform(withTimeRange);

export const logsExportSchema = z
  .object({
    engineId: engineIdSchema,
    id: containerRefSchema,
    /** An absolute path on the machine Berth runs on; its directory must exist. */
    path: z.string().min(1, 'choose where to save the log').max(4096),
    overwrite: z.boolean().default(false),
    timestamps: z.boolean().default(false),
    tail: logTailSchema.default('all'),
    since: timeText.optional(),
    until: timeText.optional(),
    /** both: stdout and stderr in the order the engine sent them, like `docker logs c > file 2>&1`. */
    streams: z.enum(['both', 'stdout', 'stderr']).default('both'),
  })
  .transform(withTimeRange);

export const logsInvokes = {
  /** Where an export of this container's log would go by default (a free name in ~/Downloads or the temp dir). */
  'logs.exportSuggestion': invoke<LogExportSuggestion>()(containerScoped),
};

export const logsEvents = {};

export const logsStreams = {
  'logs.open': stream<LogChunk>()(logsOpenSchema),
  'logs.export': stream<LogExportChunk>()(logsExportSchema),
};
