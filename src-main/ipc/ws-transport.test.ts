// berth.test=foundation — the headless bridge: its security, static serving and stream frames. The WebSocket needs the launch
// token and our own Origin; the renderer's files come with the CSP; nothing outside the renderer is served.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeBinaryFrame, type ServerMessage } from '../shared/protocol';
import type { Berth } from '../services';
import { createTestContainer, docker, startTestBerth, uniqueName } from '../engine/test-kit';
import { startWsTransport, type WsTransport } from './ws-transport';

let berth: Berth;
let transport: WsTransport;
let rendererDir: string;
let origin: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'fdn-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Berth</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A file beside the renderer directory that must never be reachable through the server.
  writeFileSync(join(rendererDir, '..', `${rendererDir.split('/').pop()}-secret.txt`), 'secret');
  berth = await startTestBerth();
  transport = await startWsTransport({ router: berth.router, bus: berth.services.bus, rendererDir });
  origin = `http://127.0.0.1:${transport.port}`;
});

afterAll(async () => {
  await transport?.close();
  berth?.stop();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(`${rendererDir}-secret.txt`, { force: true });
});

/** Opens a WebSocket and reports the HTTP status it was refused with, or 101 when it was accepted. */
function handshake(path: string, headers: Record<string, string> = {}): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${transport.port}${path}`, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      socket.terminate();
    });
    socket.once('error', (err) => reject(err));
  });
}

/** A raw GET, so the path reaches the server exactly as written (no client-side normalisation). */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: transport.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function nextMessage(socket: WebSocket, predicate: (m: ServerMessage) => boolean): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (!predicate(message)) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

describe('WebSocket handshake', () => {
  it('refuses a socket without the token, or with a wrong one, with 401', async () => {
    expect((await handshake('/ws', { origin })).status).toBe(401);
    expect((await handshake('/ws?token=wrong', { origin })).status).toBe(401);
    expect((await handshake(`/ws?token=${transport.token}x`, { origin })).status).toBe(401);
    expect(transport.sessions.size).toBe(0);
  });

  it('refuses a foreign Origin with 403, even with the right token', async () => {
    for (const foreign of ['http://evil.example', `http://127.0.0.1:${transport.port + 1}`, 'null', `https://127.0.0.1:${transport.port}`]) {
      expect((await handshake(`/ws?token=${transport.token}`, { origin: foreign })).status).toBe(403);
    }
    expect(transport.sessions.size).toBe(0);
  });

  it('accepts a non-browser client (no Origin header) that has the token', async () => {
    const { status, socket } = await handshake(`/ws?token=${transport.token}`);
    expect(status).toBe(101);
    socket!.close();
    await expect.poll(() => transport.sessions.size).toBe(0);
  });

  it('refuses upgrades on any path but /ws with 404', async () => {
    expect((await handshake(`/socket?token=${transport.token}`, { origin })).status).toBe(404);
  });

  it('accepts the right token from our own origin (127.0.0.1 or localhost), and invoke works', async () => {
    for (const allowed of [origin, `http://localhost:${transport.port}`]) {
      const { status, socket } = await handshake(`/ws?token=${encodeURIComponent(transport.token)}`, { origin: allowed });
      expect(status).toBe(101);
      const answer = nextMessage(socket!, (m) => m.t === 'result' || m.t === 'error');
      socket!.send(JSON.stringify({ t: 'invoke', id: 1, name: 'engines.list', payload: {} }));
      const reply = await answer;
      expect(reply).toMatchObject({ t: 'result', id: 1 });
      expect((reply as { result: { engineId: string }[] }).result[0].engineId).toBe('local');
      socket!.close();
    }
    await expect.poll(() => transport.sessions.size).toBe(0);
  });

  it('ignores a message that is not JSON and keeps the socket; closing the socket ends its session', async () => {
    const { socket } = await handshake(`/ws?token=${transport.token}`, { origin });
    expect(transport.sessions.size).toBe(1);
    socket!.send('not json {');
    const answer = nextMessage(socket!, (m) => m.t === 'error');
    socket!.send(JSON.stringify({ t: 'invoke', id: 2, name: 'nope', payload: {} }));
    expect(await answer).toMatchObject({ t: 'error', id: 2, error: { code: 'unknown_channel' } });
    socket!.close();
    await expect.poll(() => transport.sessions.size).toBe(0);
  });
});

describe('static files', () => {
  it('serves index.html with the content security policy and no caching', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Berth</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their type and the CSP', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBeTruthy();
  });

  it('answers routes the renderer handles itself (pop-outs) with index.html', async () => {
    const res = await get('/logs/abc');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Berth</title>');
  });

  it.each(['/..%2f..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc/passwd'])(
    'refuses escaped path traversal %j with 403',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('root:');
    },
  );

  it.each(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd'])(
    'resolves plain dot segments inside the renderer (%j is just an unknown route there)',
    async (path) => {
      const res = await get(path);
      expect(res.body).not.toContain('root:');
      expect(res.body).toContain('<title>Berth</title>');
    },
  );

  it('refuses a sibling directory that only shares the prefix of the renderer directory', async () => {
    const sibling = `/..%2f${rendererDir.split('/').pop()}-secret.txt`;
    const res = await get(sibling);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('secret');
  });

  it('answers a malformed percent-encoding or URL with 400 and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('//[x')).status).toBe(400);
    expect((await handshake('//[x', { origin })).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'HEAD')).status).toBe(200);
  });
});

describe('stream frames', () => {
  it('sends a batch of terminal output as one binary frame, a batch of notices only and other messages as text', async () => {
    const name = uniqueName('ws-binary');
    createTestContainer(name, { start: true });
    const { socket } = await handshake(`/ws?token=${transport.token}`, { origin });
    const binary: Uint8Array[] = [];
    const text: ServerMessage[] = [];
    socket!.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) binary.push(new Uint8Array(data as Buffer));
      else text.push(JSON.parse(data.toString()) as ServerMessage);
    });
    try {
      socket!.send(
        JSON.stringify({ t: 'stream.open', id: 7, sid: 's1', name: 'exec.session', payload: { mode: 'shell', engineId: 'local', id: name, shell: 'sh', cols: 80, rows: 24 } }),
      );
      await expect.poll(() => text.find((m) => m.t === 'result' || m.t === 'error')).toMatchObject({ t: 'result', id: 7 });
      socket!.send(JSON.stringify({ t: 'stream.write', sid: 's1', data: 'printf "bin-%s-end\\n" ünï€\r' }));
      const output = () => {
        const decoder = new TextDecoder();
        return binary
          .map(decodeBinaryFrame)
          .flatMap((message) => message.chunks)
          .map((chunk) => (chunk instanceof Uint8Array ? decoder.decode(chunk) : ''))
          .join('');
      };
      await expect.poll(output).toContain('bin-ünï€-end');
      const messages = binary.map(decodeBinaryFrame);
      expect(messages.every((message) => message.sid === 's1' && message.bytes > 0)).toBe(true);
      // A batch with no bytes (here the session's "started" notice) goes as JSON text: notices only.
      const textChunks = text.flatMap((message) => (message.t === 'stream.data' ? message.chunks : []));
      expect(textChunks).toContainEqual(expect.objectContaining({ kind: 'started' }));
      expect(textChunks.every((chunk) => typeof chunk === 'object' && chunk !== null && 'kind' in chunk)).toBe(true);
    } finally {
      socket!.send(JSON.stringify({ t: 'stream.close', sid: 's1' }));
      socket!.close();
      docker(['rm', '-f', name]);
    }
    await expect.poll(() => transport.sessions.size).toBe(0);
  });
});
