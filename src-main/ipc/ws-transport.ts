// The headless transport: an HTTP server on 127.0.0.1 that serves the built renderer, and a WebSocket
// at /ws carrying the same messages as Electron's IPC. A random token is minted per launch; a socket
// without it, or from a foreign Origin, is refused before any message is read.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeBinaryFrame, type ClientMessage, type ServerMessage } from '../shared/protocol';
import { ClientSession } from './client-session';
import type { EventBus } from './event-bus';
import type { Router } from './router';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

// The renderer's policy: its own scripts and styles only; sockets back to this server only.
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface WsTransportOptions {
  router: Router;
  bus: EventBus;
  rendererDir: string;
  port?: number;
  host?: string;
  token?: string;
}

export interface WsTransport {
  url: string;
  port: number;
  token: string;
  sessions: Set<ClientSession>;
  close(): Promise<void>;
}

function tokensMatch(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's URL, or undefined when it cannot be parsed ("//[x"): a bad request, not a crash. */
function requestUrl(req: http.IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function serveStatic(rendererDir: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = requestUrl(req);
  if (!url) {
    res.writeHead(400).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const root = resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    // A malformed escape ("%E0%A4%A") would otherwise throw out of the request handler and end the process.
    res.writeHead(400).end();
    return;
  }
  let file = normalize(join(root, pathname));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  // Routes the renderer handles itself (pop-out windows) get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('The renderer is not built: run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

export async function startWsTransport(options: WsTransportOptions): Promise<WsTransport> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sessions = new Set<ClientSession>();
  const server = http.createServer((req, res) => serveStatic(options.rendererDir, req, res));
  // No compression (ws's default, stated): on a loopback socket deflating megabytes of terminal output
  // per second would only cost CPU both ends.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024, perMessageDeflate: false });

  server.on('upgrade', (req, socket, head) => {
    const url = requestUrl(req);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const allowedOrigins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const origin = req.headers.origin;
    const refuse = (status: number, reason: string) => {
      socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (!url) return refuse(400, 'Bad Request');
    if (url.pathname !== '/ws') return refuse(404, 'Not Found');
    // Browsers always send Origin on WebSocket handshakes; a page from elsewhere must not drive the engine.
    if (origin !== undefined && !allowedOrigins.includes(origin)) return refuse(403, 'Forbidden');
    if (!tokensMatch(url.searchParams.get('token'), token)) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const send = (message: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      // Batches of bytes (terminal output) go as binary frames; everything else as JSON text.
      ws.send(encodeBinaryFrame(message) ?? JSON.stringify(message));
    };
    const session = new ClientSession(options.router, options.bus, send);
    sessions.add(session);
    ws.on('message', (data) => {
      let message: ClientMessage;
      try {
        message = JSON.parse(data.toString()) as ClientMessage;
      } catch {
        return; // Not JSON: nothing this transport speaks; ignore rather than crash.
      }
      void session.handle(message);
    });
    ws.on('close', () => {
      session.dispose();
      sessions.delete(session);
    });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}/#token=${token}`,
    port,
    token,
    sessions,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const session of sessions) session.dispose();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
