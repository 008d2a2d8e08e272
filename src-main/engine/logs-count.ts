// Counts a container's log lines in a time range without decoding them: newlines in the demuxed payload
// (or the raw stream of a TTY container), per stream kind, plus an unterminated last line. Used when a
// view asks for the whole log but keeps only its newest lines: the older ones are counted, not sent —
// the view says how many there are, and pages them in from the engine by time when asked.
//
// Without timestamps the engine does less work per line, and Berth does almost none: counting runs at
// memchr speed, so the count costs about what `docker logs > /dev/null` costs the engine.
import type { Readable } from 'node:stream';
import type { LogTime } from '../shared/log-time';
import type { EngineConnection } from './connection';
import { FrameDemuxer, STREAM_STDERR, STREAM_STDOUT } from './demux';
import { requestLogs } from './logs-request';

const NEWLINE = 0x0a;

export interface CountRange {
  since?: LogTime;
  /** Inclusive, as the engine's until is. */
  until: LogTime;
}

export interface LineCount {
  /** Resolves with the number of lines in the range (also when closed early: what was counted). */
  done: Promise<number>;
  close(): void;
}

/** Newlines in bytes [start, end) of data. */
export function countNewlines(data: Buffer, start: number, end: number): number {
  let count = 0;
  let at = data.indexOf(NEWLINE, start);
  while (at !== -1 && at < end) {
    count++;
    at = data.indexOf(NEWLINE, at + 1);
  }
  return count;
}

/**
 * Counts lines the way LineAssembler splits them (a line over its 64 KiB limit counts once here;
 * such lines are rare enough that the view's "older lines" figure may be off by their splits).
 * `progress` hears the running total now and then, so a view can show the count growing.
 */
export function countLogLines(
  engine: EngineConnection,
  container: { id: string; tty: boolean },
  range: CountRange,
  progress: (linesSoFar: number) => void,
): LineCount {
  let response: Readable | undefined;
  let closed = false;
  const done = (async () => {
    const docker = engine.requireConnected();
    const stream = await requestLogs(docker, container.id, {
      follow: false,
      stdout: true,
      stderr: true,
      timestamps: false,
      tail: 'all',
      since: range.since,
      until: range.until,
    });
    if (closed) {
      stream.destroy();
      return 0;
    }
    response = stream;
    return countStream(stream, container.tty, progress, () => closed);
  })();
  return {
    done,
    close: () => {
      closed = true;
      response?.destroy();
    },
  };
}

/** How often the running count is reported, in lines. */
const PROGRESS_EVERY = 50_000;

function countStream(stream: Readable, tty: boolean, progress: (linesSoFar: number) => void, closedByUs: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let lines = 0;
    let reported = 0;
    // Whether the last byte seen of each kind ended a line: a kind whose stream stops mid-line has one more.
    const open = { [STREAM_STDOUT]: false, [STREAM_STDERR]: false };
    const take = (kind: 1 | 2, data: Buffer, start: number, end: number) => {
      if (end <= start) return;
      lines += countNewlines(data, start, end);
      open[kind] = data[end - 1] !== NEWLINE;
    };
    const demuxer = tty
      ? undefined
      : new FrameDemuxer((kind, data, start, end) => {
          if (kind === STREAM_STDOUT || kind === STREAM_STDERR) take(kind, data, start, end);
        });
    stream.on('data', (chunk: Buffer) => {
      if (demuxer) demuxer.push(chunk);
      else take(STREAM_STDOUT, chunk, 0, chunk.length);
      if (lines - reported >= PROGRESS_EVERY) {
        reported = lines;
        progress(lines);
      }
    });
    const total = () => lines + (open[STREAM_STDOUT] ? 1 : 0) + (open[STREAM_STDERR] ? 1 : 0);
    stream.once('end', () => resolve(total()));
    stream.once('error', reject);
    stream.once('close', () => {
      if (stream.readableEnded || closedByUs()) resolve(total());
      else reject(new Error('the engine closed the log stream'));
    });
  });
}
