// A log request straight over the engine's unix socket: the request written by hand, the response's
// status line and headers read, and the chunked body decoded by offset (logs-chunked.ts) into a
// Readable of payload bytes — one push per socket read instead of one per log line through Node's
// HTTP client. Only for engines on a local socket; others (tcp, TLS, ssh) go through docker-modem.
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { ChunkedDecoder } from './logs-chunked';

/** The parts of docker-modem this needs. */
export interface SocketModem {
  socketPath?: string | (() => string | Promise<string>);
  getSocketPath?: () => Promise<string | undefined>;
  host?: string;
  protocol?: string;
  version?: string;
  headers?: Record<string, string>;
}

/** The socket path when the engine answers on a local socket (and nothing else gets in the way), else undefined. */
export async function localSocketPath(modem: SocketModem): Promise<string | undefined> {
  if (modem.host || !modem.socketPath || (modem.protocol && modem.protocol !== 'http')) return undefined;
  if (modem.headers && Object.keys(modem.headers).length > 0) return undefined;
  if (typeof modem.getSocketPath === 'function') return modem.getSocketPath();
  return typeof modem.socketPath === 'function' ? modem.socketPath() : modem.socketPath;
}

/** Failure shaped like docker-modem's, so toBerthError maps it the same way (404 → not_found …). */
export class EngineHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly json: { message?: string } | string | null,
  ) {
    super(`(HTTP code ${statusCode}) ${typeof json === 'object' && json?.message ? json.message : String(json ?? '')}`);
  }
}

/** The response body's bytes. Pausing it pauses the socket (the engine then waits: back-pressure). */
class EngineBody extends Readable {
  constructor(private readonly socket: Socket) {
    super({ highWaterMark: 64 * 1024 });
  }

  override _read(): void {
    this.socket.resume();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }
}

const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 64 * 1024;

interface Head {
  status: number;
  chunked: boolean;
  contentLength?: number;
}

function parseHead(text: string): Head {
  const [statusLine, ...lines] = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (!status) throw new Error('the engine answered with something other than HTTP');
  const head: Head = { status: Number(status[1]), chunked: false };
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'transfer-encoding') head.chunked = /chunked/i.test(value);
    else if (name === 'content-length') head.contentLength = Number(value);
  }
  return head;
}

/**
 * GETs `path` (with its query) from the engine on `socketPath`. Resolves with the body once the engine
 * answered 200; rejects with an EngineHttpError (its status and message) otherwise, or the socket's error.
 */
export function getStream(socketPath: string, path: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path: socketPath });
    let headBytes: Buffer | undefined;
    let body: EngineBody | undefined;
    let settled = false;
    const fail = (error: Error) => {
      if (!settled) {
        settled = true;
        socket.destroy();
        reject(error);
      } else body?.destroy(error);
    };
    socket.once('error', fail);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: docker\r\nUser-Agent: berth\r\nConnection: close\r\n\r\n`);

    const onHeadData = (data: Buffer) => {
      headBytes = headBytes ? Buffer.concat([headBytes, data]) : data;
      const end = headBytes.indexOf(HEADER_END);
      if (end === -1) {
        if (headBytes.length > MAX_HEADER_BYTES) fail(new Error('the engine’s answer has no end of headers'));
        return;
      }
      socket.off('data', onHeadData);
      let head: Head;
      try {
        head = parseHead(headBytes.toString('latin1', 0, end));
      } catch (err) {
        return fail(err as Error);
      }
      const rest = headBytes.subarray(end + HEADER_END.length);
      headBytes = undefined;
      if (head.status === 200) startBody(head, rest);
      else readError(head, rest);
    };
    socket.on('data', onHeadData);

    // Reads the whole (small) error body, then rejects with the engine's message.
    const readError = (head: Head, rest: Buffer) => {
      const pieces: Buffer[] = [];
      const decoder = head.chunked ? new ChunkedDecoder((payload) => pieces.push(payload)) : undefined;
      const take = (data: Buffer) => {
        try {
          if (decoder) decoder.push(data);
          else pieces.push(data);
        } catch (err) {
          return fail(err as Error);
        }
        const received = pieces.reduce((sum, piece) => sum + piece.length, 0);
        if (decoder?.done || (!decoder && head.contentLength !== undefined && received >= head.contentLength)) finish();
      };
      const finish = () => {
        const text = Buffer.concat(pieces).toString('utf8');
        let json: { message?: string } | string | null = text;
        try {
          json = JSON.parse(text) as { message?: string };
        } catch {
          // Not JSON: the text is the message.
        }
        fail(new EngineHttpError(head.status, json));
      };
      socket.on('data', take);
      socket.once('end', finish);
      if (rest.length) take(rest);
    };

    const startBody = (head: Head, rest: Buffer) => {
      const stream = new EngineBody(socket);
      body = stream;
      let left = head.contentLength;
      const deliver = (payload: Buffer) => {
        if (!stream.push(payload)) socket.pause();
      };
      const decoder = head.chunked ? new ChunkedDecoder(deliver) : undefined;
      const take = (data: Buffer) => {
        if (stream.destroyed) return;
        try {
          if (decoder) {
            decoder.push(data);
            if (decoder.done) end();
          } else {
            deliver(left !== undefined && data.length > left ? data.subarray(0, left) : data);
            if (left !== undefined && (left -= data.length) <= 0) end();
          }
        } catch (err) {
          stream.destroy(err as Error);
        }
      };
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        stream.push(null);
        socket.end();
      };
      socket.on('data', take);
      socket.once('end', () => {
        // A body without a length ends with the connection; a chunked one must have said it ended.
        if (!decoder && left === undefined) end();
        else if (!ended) stream.destroy(new Error('the engine closed the log stream'));
      });
      socket.once('close', () => {
        if (!ended && !stream.destroyed) stream.destroy(new Error('the engine closed the log stream'));
      });
      settled = true;
      resolve(stream);
      if (rest.length) take(rest);
    };
  });
}
