// The references' side of the engine: raw HTTP on the Docker socket with a keep-alive agent (the floor for
// any list or inspect call), and a bare /events subscriber (the floor for any "Berth noticed" latency).
import http from 'node:http';
import { epochNow } from './harness';

/**
 * The engine benchmarks run against: DOCKER_HOST when it names a unix socket (Berth, started by the bench
 * with the same environment, resolves the same engine), else the default socket. E.g.
 * `DOCKER_HOST=unix:///var/run/docker-b.sock npm run bench` measures on the second engine.
 */
export const ENGINE_SOCKET = process.env.DOCKER_HOST?.startsWith('unix://')
  ? process.env.DOCKER_HOST.slice('unix://'.length)
  : '/var/run/docker.sock';

/** A call the engine has not answered by then is reported, not waited on forever (a wedged engine). */
const REQUEST_TIMEOUT_MS = 120_000;

export interface RawResponse {
  status: number;
  body: string;
}

export class RawEngine {
  readonly agent: http.Agent;

  constructor(readonly socketPath = ENGINE_SOCKET, maxSockets = 32) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, body?: unknown): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          socketPath: this.socketPath,
          agent: this.agent,
          method,
          path,
          headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setTimeout(REQUEST_TIMEOUT_MS, () =>
        req.destroy(new Error(`the engine did not answer ${method} ${path.split('?')[0]} within ${REQUEST_TIMEOUT_MS / 1000} s`)),
      );
      req.end(payload);
    });
  }

  /** GET and JSON.parse, throwing the engine's message on an HTTP error. */
  async json<T = unknown>(path: string): Promise<T> {
    const res = await this.request('GET', path);
    if (res.status >= 400) throw new Error(`GET ${path}: HTTP ${res.status} ${res.body.trim()}`);
    return JSON.parse(res.body) as T;
  }

  /** POST that expects 2xx or 304 (already in that state); throws otherwise. */
  async post(path: string, body?: unknown): Promise<RawResponse> {
    const res = await this.request('POST', path, body);
    if (res.status >= 400) throw new Error(`POST ${path}: HTTP ${res.status} ${res.body.trim()}`);
    return res;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface EngineEventLine {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> };
  time: number;
  timeNano: number;
}

export interface EventsSubscriber {
  /** Resolves once the engine has accepted the subscription (response headers received). */
  ready: Promise<void>;
  /** Resolves with the arrival time (epoch ms, see epochNow) of the first event matching the predicate since it was asked. */
  waitFor(predicate: (event: EngineEventLine) => boolean, timeoutMs?: number): Promise<number>;
  close(): void;
}

/**
 * A bare /events subscriber on its own connection: split lines, JSON.parse, note the arrival time. Nothing
 * else, so its arrival time is the floor for anything that reacts to engine events.
 */
export function subscribeRawEvents(filters: Record<string, string[]>, socketPath = ENGINE_SOCKET): EventsSubscriber {
  const waiters = new Set<{ predicate: (e: EngineEventLine) => boolean; resolve: (t: number) => void }>();
  let pending = '';
  let req: http.ClientRequest | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    req = http.request(
      { socketPath, agent: false, method: 'GET', path: `/events?filters=${encodeURIComponent(JSON.stringify(filters))}` },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`/events: HTTP ${res.statusCode}`));
        else resolve();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const arrived = epochNow();
          const text = pending + chunk;
          let start = 0;
          for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
            const line = text.slice(start, nl).trim();
            start = nl + 1;
            if (!line) continue;
            const event = JSON.parse(line) as EngineEventLine;
            for (const waiter of [...waiters]) {
              if (!waiter.predicate(event)) continue;
              waiters.delete(waiter);
              waiter.resolve(arrived);
            }
          }
          pending = text.slice(start);
        });
      },
    );
    req.on('error', (err) => reject(err));
    req.end();
  });
  return {
    ready,
    waitFor(predicate, timeoutMs = 60_000) {
      return new Promise<number>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (t: number) => {
            clearTimeout(timer);
            resolve(t);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching engine event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      req?.destroy();
    },
  };
}
