// berth.test=foundation — the headless bridge as a browser meets it: the WebSocket needs the launch token
// and Berth's own Origin; with the token the page's socket opens and lists engines; the token does not
// linger in the address bar. UI assertions stay minimal (the panels have their own specs).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { expect, test } from './fixtures';

/** Opens a WebSocket from Node and reports the HTTP status of the handshake (101 when accepted). */
function handshakeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { headers: { origin } } : {});
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      socket.terminate();
      resolve(res.statusCode ?? 0);
    });
    socket.once('error', reject);
  });
}

test.describe('headless bridge security', () => {
  test('the WebSocket refuses a missing or wrong token (401) and a foreign Origin (403)', async ({ berth }) => {
    const ws = berth.origin.replace('http:', 'ws:') + '/ws';
    expect(await handshakeStatus(ws, berth.origin)).toBe(401);
    expect(await handshakeStatus(`${ws}?token=not-the-token`, berth.origin)).toBe(401);
    expect(await handshakeStatus(`${ws}?token=${encodeURIComponent(berth.token)}`, 'http://attacker.example')).toBe(403);
    expect(await handshakeStatus(`${ws}?token=${encodeURIComponent(berth.token)}`, berth.origin)).toBe(101);
  });

  test('a page opened without the token cannot connect: its WebSocket is refused', async ({ page, berth }) => {
    const refused: string[] = [];
    const opened: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('socketerror', () => refused.push(socket.url()));
      socket.on('close', () => refused.push(socket.url()));
      socket.on('framereceived', () => opened.push(socket.url()));
    });
    const response = await page.goto(berth.origin + '/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Berth/);
    await expect(page.getByRole('main')).toBeVisible();
    // The renderer keeps retrying with backoff; every attempt is refused and nothing ever arrives.
    await expect.poll(() => refused.length).toBeGreaterThanOrEqual(1);
    expect(opened).toEqual([]);
    // Checked from inside the page too: a socket without the token never opens.
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://${location.host}/ws`);
          socket.onopen = () => resolve('open');
          socket.onclose = (event) => resolve(`closed ${event.code}`);
        }),
    );
    expect(outcome).toBe('closed 1006');
  });

  test('with the token the page connects, lists engines, and removes the token from the address bar', async ({ page, berth }) => {
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
    const response = await page.goto(berth.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByRole('main')).toBeVisible();
    await expect
      .poll(() => frames.some((f) => f.includes('"t":"result"') && f.includes('"engineId":"local"')))
      .toBe(true);
    expect(page.url()).not.toContain('token=');
    expect(page.url()).not.toContain(berth.token);

    // A reload keeps working: the token lives in this tab's sessionStorage, not the URL.
    frames.length = 0;
    await page.reload();
    await expect
      .poll(() => frames.some((f) => f.includes('"t":"result"') && f.includes('"engineId":"local"')))
      .toBe(true);
  });

  test.describe('a page from another origin that knows the token', () => {
    let foreign: Server;
    test.beforeAll(async () => {
      foreign = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>elsewhere</title>'));
      await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    });
    test.afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

    test('is refused by the Origin check', async ({ page, berth }) => {
      const { port } = foreign.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      const outcome = await page.evaluate(
        ({ host, token }) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(`ws://${host}/ws?token=${encodeURIComponent(token)}`);
            socket.onopen = () => resolve('open');
            socket.onclose = (event) => resolve(`closed ${event.code}`);
          }),
        { host: new URL(berth.origin).host, token: berth.token },
      );
      expect(outcome).toBe('closed 1006');
    });
  });
});
