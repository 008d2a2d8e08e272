// Saves a container's whole log straight from the engine to a file, not just what a view holds. The
// bytes are the engine's own: for the default "both", stdout and stderr payloads in the order the
// engine sent them — exactly what `docker logs c > file 2>&1` writes (the CLI writes each frame to its
// stream as it arrives, and both land in one file). "stdout"/"stderr" ask the engine for one stream
// only, like `docker logs c 2>/dev/null` / `docker logs c 2>&1 >/dev/null`. TTY logs are written raw.
import { constants as fsConstants, createWriteStream, existsSync, statSync } from 'node:fs';
import { access, unlink } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type Dockerode from 'dockerode';
import type { LogExportSuggestion } from '../shared/contract/logs';
import { BerthError } from '../shared/errors';
import type { LogTimeRange } from '../shared/log-time';
import { FrameDemuxer, STREAM_SYSTEM_ERROR } from './demux';
import { engineCall } from './engine-errors';
import { requestLogs } from './logs-request';

export interface LogExportRequest {
  id: string;
  path: string;
  overwrite: boolean;
  timestamps: boolean;
  tail: number | 'all';
  range: LogTimeRange;
  streams: 'both' | 'stdout' | 'stderr';
}

export interface LogExportProgress {
  progress(bytes: number): void;
}

export interface LogExportResult {
  path: string;
  bytes: number;
}

export interface LogExportHandle {
  done: Promise<LogExportResult>;
  /** Stops the export and deletes the partial file. */
  cancel(): void;
}

const PROGRESS_INTERVAL_MS = 100;

function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** ~/Downloads when it exists, else the temp directory; a file name that is free there. */
export function suggestExportPath(containerName: string, now = new Date(), home = homedir()): LogExportSuggestion {
  const downloads = join(home, 'Downloads');
  const directory = existsSync(downloads) && statSync(downloads).isDirectory() ? downloads : tmpdir();
  const base = `${containerName.replace(/[^a-zA-Z0-9_.-]+/g, '_') || 'container'}-${stamp(now)}`;
  let path = join(directory, `${base}.log`);
  for (let n = 2; existsSync(path); n++) path = join(directory, `${base}-${n}.log`);
  return { path, directory };
}

export async function suggestExportPathFor(docker: Dockerode, id: string): Promise<LogExportSuggestion> {
  const info = await engineCall(() => docker.getContainer(id).inspect());
  return suggestExportPath(info.Name.replace(/^\//, ''));
}

async function checkTarget(path: string, overwrite: boolean): Promise<void> {
  if (!isAbsolute(path)) throw new BerthError('invalid_input', `Give a full path (starting with /), not “${path}”.`);
  const directory = dirname(path);
  try {
    if (!statSync(directory).isDirectory()) throw new Error();
    await access(directory, fsConstants.W_OK);
  } catch {
    throw new BerthError('invalid_input', `Cannot write in “${directory}”: the folder does not exist or is not writable.`);
  }
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new BerthError('invalid_input', `“${path}” is a folder; add a file name.`);
    if (!overwrite) {
      throw new BerthError('conflict', `“${basename(path)}” already exists in ${directory}. Choose another name, or allow overwriting.`);
    }
  }
}

export async function exportLogs(docker: Dockerode, request: LogExportRequest, report: LogExportProgress): Promise<LogExportHandle> {
  await checkTarget(request.path, request.overwrite);
  const info = await engineCall(() => docker.getContainer(request.id).inspect(), 'Cannot export the log');
  const tty = !!info.Config?.Tty;
  const response = await requestLogs(docker, info.Id, {
    follow: false,
    stdout: request.streams !== 'stderr',
    stderr: request.streams !== 'stdout',
    timestamps: request.timestamps,
    tail: request.tail,
    since: request.range.since,
    until: request.range.until,
  });
  const file = createWriteStream(request.path, { flags: request.overwrite ? 'w' : 'wx' });
  let bytes = 0;
  let lastReport = 0;
  let engineError = '';
  let cancelled = false;
  let finished = false;
  let pieces: Buffer[] = [];
  const demuxer = tty
    ? undefined
    : new FrameDemuxer((kind, data, start, end) => {
        if (kind === STREAM_SYSTEM_ERROR) engineError += data.toString('utf8', start, end);
        else pieces.push(data.subarray(start, end));
      });

  // The file opens asynchronously: delete it only once its descriptor is closed, or it could appear after.
  const discardFile = () => {
    file.once('close', () => void unlink(request.path).catch(() => {}));
    file.destroy();
  };
  let rejectDone: (error: Error) => void = () => {};
  const done = new Promise<LogExportResult>((resolve, reject) => {
    rejectDone = reject;
    const fail = (error: BerthError) => {
      response.destroy();
      discardFile();
      reject(error);
    };
    response.on('data', (chunk: Buffer) => {
      let out: Buffer;
      if (demuxer) {
        demuxer.push(chunk);
        // One write per network chunk, not per frame; views into `chunk` need no copy until here.
        out = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
        pieces = [];
      } else {
        out = chunk;
      }
      if (out.length === 0) return;
      bytes += out.length;
      if (!file.write(out)) {
        response.pause();
        file.once('drain', () => response.resume());
      }
      const now = Date.now();
      if (now - lastReport >= PROGRESS_INTERVAL_MS) {
        lastReport = now;
        report.progress(bytes);
      }
    });
    response.once('error', (err) => {
      if (!cancelled) fail(new BerthError('engine_error', `The log stream broke off: ${err.message}`));
    });
    response.once('end', () => {
      if (cancelled) return;
      if (engineError) return fail(new BerthError('engine_error', `The engine could not read the log: ${engineError.trim()}`));
      file.end(() => {
        finished = true;
        report.progress(bytes);
        resolve({ path: request.path, bytes });
      });
    });
    file.once('error', (err) => {
      if (!cancelled) fail(new BerthError('internal', `Could not write “${request.path}”: ${err.message}`));
    });
  });

  return {
    done,
    cancel: () => {
      if (cancelled || finished) return;
      cancelled = true;
      response.destroy();
      discardFile();
      rejectDone(new Error('export cancelled'));
    },
  };
}
