// The floor for following a log in a page (P5's floor): a bare Node server that follows one container's
// log on the engine socket, strips the 8-byte frame headers and forwards what it read as one WebSocket
// message every 16 ms to a bare page that keeps the newest lines and repaints them once per animation frame — no
// framework, no ring buffer, no search, no flow control. Run as its own process (like Berth's server) so
// its CPU is measured apart: `node --import tsx bench/lib/bare-log-server.ts`; it prints its URL.
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { ENGINE_SOCKET } from './engine';
import { RawFrameReader } from './raw-frames';

const ROWS = 40;

const PAGE = String.raw`<!doctype html>
<html><head><meta charset="utf-8"><title>Bare log viewer</title>
<style>body{margin:0;font:12px/18px monospace}.log-ts{color:#666;margin-right:8px}</style></head>
<body><div role="list" aria-label="Log lines"></div>
<script>
const ROWS = ${ROWS};
const list = document.querySelector('[role=list]');
const rows = [];
for (let i = 0; i < ROWS; i++) {
  const row = document.createElement('div');
  row.setAttribute('role', 'listitem');
  const ts = document.createElement('span');
  ts.className = 'log-ts';
  const tsText = document.createTextNode('');
  ts.append(tsText);
  const text = document.createTextNode('');
  row.append(ts, text);
  list.append(row);
  rows.push({ tsText, text });
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
// "2026-11-23T22:30:00.123456789Z" → "2026-11-23 22:30:00.123", local time (as Berth shows it)
const format = (ts) => {
  const d = new Date(Date.parse(ts.slice(0, 23) + 'Z'));
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' +
    pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
};
const recent = new Array(ROWS).fill('');
let count = 0;
let partial = '';
let scheduled = false;
let decoder = new TextDecoder();
const paint = () => {
  scheduled = false;
  for (let i = 0; i < ROWS; i++) {
    const line = recent[(((count - ROWS + i) % ROWS) + ROWS) % ROWS];
    const space = line.indexOf(' ');
    rows[i].tsText.data = space > 0 ? format(line.slice(0, space)) : '';
    rows[i].text.data = space > 0 ? line.slice(space + 1) : line;
  }
};
const socket = new WebSocket('ws://' + location.host + '/follow');
socket.binaryType = 'arraybuffer';
socket.onmessage = (event) => {
  const lines = (partial + decoder.decode(event.data, { stream: true })).split('\n');
  partial = lines.pop();
  for (const line of lines) recent[count++ % ROWS] = line;
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(paint);
  }
};
const opened = new Promise((resolve) => socket.addEventListener('open', resolve));
// Each run follows a new container from its first line.
window.__bareFollow = (id) => opened.then(() => {
  count = 0;
  partial = '';
  decoder = new TextDecoder();
  recent.fill('');
  paint();
  socket.send(id);
});
window.__bareCount = () => count;
</script></body></html>`;

/** Follows `id`'s log and sends each read's payload (frame headers stripped) to `client`. */
function follow(id: string, client: WebSocket): void {
  // The engine sends about one read per line: one message per frame (16 ms), as a page can show no more often.
  let batch: Buffer[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (batch.length) client.send(batch.length === 1 ? batch[0] : Buffer.concat(batch));
    batch = [];
  };
  const flushSoon = () => (timer ??= setTimeout(flush, 16));
  const request = http.request(
    { socketPath: ENGINE_SOCKET, path: `/containers/${encodeURIComponent(id)}/logs?follow=1&stdout=1&stderr=1&timestamps=1` },
    (response) => {
      const frames = new RawFrameReader();
      response.on('data', (chunk: Buffer) => {
        const payloads = frames.push(chunk);
        if (payloads.length) batch.push(Buffer.concat(payloads));
        flushSoon();
      });
      response.on('end', flush);
    },
  );
  request.on('error', (err) => client.close(1011, err.message.slice(0, 100)));
  client.once('close', () => request.destroy());
  request.end();
}

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(PAGE);
});
const sockets = new WebSocketServer({ server, path: '/follow' });
sockets.on('connection', (client) => client.on('message', (id) => follow(String(id), client)));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`bare log viewer at http://127.0.0.1:${address.port}/`);
});
