// Opens GET /containers/{id}/logs as a byte stream. Two things dockerode's container.logs() gets in the
// way of: without follow it buffers the whole response in memory (a 1M-line log → hundreds of MB), and
// it would share the engine connection's keep-alive pool (16 sockets) — a few long-lived log streams
// would starve list and inspect calls. So this dials through a copy of the engine's modem without that
// pool (same socket path, TLS or ssh settings), and always asks for a stream. On a local socket it goes
// around Node's HTTP client altogether (logs-http.ts): the engine sends one HTTP chunk per log line.
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { toEngineTime, type LogTime } from '../shared/log-time';
import { toBerthError } from './engine-errors';
import { getStream, localSocketPath, type SocketModem } from './logs-http';

export interface LogsQuery {
  follow: boolean;
  stdout: boolean;
  stderr: boolean;
  timestamps: boolean;
  tail: number | 'all';
  since?: LogTime;
  until?: LogTime;
}

interface DialingModem {
  dial(options: Record<string, unknown>, callback: (err: unknown, res: unknown) => void): void;
  agent?: unknown;
}

const streamingModems = new WeakMap<object, DialingModem>();

function streamingModem(docker: Dockerode): DialingModem {
  const modem = docker.modem as unknown as DialingModem;
  let copy = streamingModems.get(modem);
  if (!copy) {
    copy = Object.assign(Object.create(Object.getPrototypeOf(modem) as object) as DialingModem, modem, { agent: undefined });
    streamingModems.set(modem, copy);
  }
  return copy;
}

let openEngineStreams = 0;

/** Engine log streams open right now, across every producer (tests check that closing a view ends its stream). */
export function openLogStreamCount(): number {
  return openEngineStreams;
}

function track(stream: Readable): Readable {
  openEngineStreams++;
  let counted = true;
  const release = () => {
    if (!counted) return;
    counted = false;
    openEngineStreams--;
  };
  stream.once('close', release);
  stream.once('error', release);
  return stream;
}

/** Resolves once the engine answered with a stream; rejects with a BerthError (404 → not_found, …). */
export async function requestLogs(docker: Dockerode, containerId: string, query: LogsQuery): Promise<Readable> {
  const params: Record<string, string | number | boolean> = {
    follow: query.follow,
    stdout: query.stdout,
    stderr: query.stderr,
    timestamps: query.timestamps,
    tail: query.tail === 'all' ? 'all' : query.tail,
  };
  if (query.since) params.since = toEngineTime(query.since);
  if (query.until) params.until = toEngineTime(query.until);
  const modem = docker.modem as unknown as SocketModem;
  const socketPath = await localSocketPath(modem);
  if (socketPath) {
    const search = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
    const path = `${modem.version ? `/${modem.version}` : ''}/containers/${encodeURIComponent(containerId)}/logs?${search.toString()}`;
    try {
      return track(await getStream(socketPath, path));
    } catch (err) {
      throw toBerthError(err);
    }
  }
  return new Promise((resolve, reject) => {
    streamingModem(docker).dial(
      {
        path: `/containers/${encodeURIComponent(containerId)}/logs?`,
        method: 'GET',
        options: params,
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
      },
      (err, res) => {
        if (err) return reject(toBerthError(err));
        resolve(track(res as Readable));
      },
    );
  });
}
