// Shared by the terminal benchmarks (P6, P7): a shell container, Berth's page with a terminal open into it,
// in-page measurements on the live xterm (through the opt-in terminal probe), and the raw exec socket that
// is the reference: an exec started over a hijacked HTTP connection on the engine socket, read as it comes.
// Measurements go through the page's bare CDP session (bare-browser.ts): no DevTools instrumentation.
import net from 'node:net';
import { DetachablePage, type BareBrowser } from './lib/bare-browser';
import type { BerthProcess } from './lib/berth';
import { ENGINE_SOCKET, type RawEngine } from './lib/engine';
import { actOnFleet, createFleet, runId, type FleetContainer } from './lib/fleet';

export const SHELL_IMAGE = 'fixture/debian:bookworm';
/** The prompt every measured shell uses, so "the prompt is back" is one exact line. */
export const PROMPT = 'READY> ';

export async function startShellContainer(engine: RawEngine, label: string): Promise<FleetContainer> {
  const [container] = await createFleet(engine, 1, { prefix: `0bench-${label}-${runId}`, image: SHELL_IMAGE, cmd: ['sleep', '86400'] });
  await actOnFleet(engine, [container], 'start');
  return container;
}

export interface TerminalPage {
  page: DetachablePage;
  size: { cols: number; rows: number };
}

/** Opens Berth, opens a shell into the container from its row (Playwright), and sets the measured prompt. */
export async function openTerminalPage(browser: BareBrowser, berth: BerthProcess, container: FleetContainer): Promise<TerminalPage> {
  const page = await DetachablePage.open(browser, berth.url, {
    size: { width: 1280, height: 900 },
    initScripts: ['window.__berthTerminalProbe = new Set();'],
  });
  await page.ui(async (ui) => {
    await ui.getByRole('searchbox', { name: 'Filter containers' }).fill(container.name);
    await ui.getByRole('button', { name: `Terminal ${container.name}`, exact: true }).click();
    await ui.getByRole('toolbar', { name: `Terminal ${container.name}` }).getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  });
  await typeAndWaitForPrompt(page, `export PS1='${PROMPT}'\r`);
  const size = await page.evaluate<{ cols: number; rows: number }>(
    'Array.from(window.__berthTerminalProbe).map(function (p) { return { cols: p.term.cols, rows: p.term.rows }; })[0]',
  );
  return { page, size };
}

/** Runs JavaScript in the page: the bare CDP session's evaluate (a promise is awaited, the value returned). */
export interface PageEvaluator {
  evaluate<T = unknown>(expression: string): Promise<T>;
}

// In the page (plain JavaScript source: tsx would wrap named functions in a helper the page lacks): types
// `data` into the terminal as keystrokes reach xterm, and resolves with the ms until a line near the cursor
// matches after a write was parsed, plus the next animation frame (painted).
const timeInPageSource = String.raw`function timeInPage(arg) {
  return new Promise(function (resolve, reject) {
    var probe = Array.from(window.__berthTerminalProbe || [])[0];
    if (!probe) return reject(new Error('no terminal in the page'));
    var term = probe.term;
    var until = arg.until;
    function matches() {
      var buffer = term.buffer.active;
      var lines = until.nearCursor || 0;
      for (var y = buffer.cursorY; y >= Math.max(0, buffer.cursorY - lines); y--) {
        var row = buffer.getLine(buffer.baseY + y);
        var line = row ? row.translateToString(true).replace(/\s+$/, '') : '';
        if (until.lineEquals !== undefined && line === until.lineEquals.replace(/\s+$/, '')) return true;
        if (until.lineEndsWith !== undefined && line.endsWith(until.lineEndsWith)) return true;
      }
      return false;
    }
    var timer = setTimeout(function () {
      subscription.dispose();
      reject(new Error('the terminal did not show ' + JSON.stringify(until) + ' within ' + arg.timeoutMs + ' ms'));
    }, arg.timeoutMs);
    // Painted: the first frame after it was parsed and xterm draws again (a flood's drawing may be held:
    // flood-render-pacer.ts; the hold shows as synchronized output).
    function whenDrawn() {
      if (term.modes.synchronizedOutputMode) return requestAnimationFrame(whenDrawn);
      requestAnimationFrame(function () { resolve(performance.now() - started); });
    }
    var subscription = term.onWriteParsed(function () {
      if (!matches()) return;
      subscription.dispose();
      clearTimeout(timer);
      whenDrawn();
    });
    var started = performance.now();
    term.input(arg.data, true);
  });
}`;

export interface LineCondition {
  lineEquals?: string;
  lineEndsWith?: string;
  /** Also look this many lines above the cursor. */
  nearCursor?: number;
}

export function timeInPage(page: PageEvaluator, data: string, until: LineCondition, timeoutMs = 120_000): Promise<number> {
  return page.evaluate<number>(`(${timeInPageSource})(${JSON.stringify({ data, until, timeoutMs })})`);
}

export function typeAndWaitForPrompt(page: PageEvaluator, line: string): Promise<number> {
  return timeInPage(page, line, { lineEquals: PROMPT, nearCursor: 0 });
}

/** An interactive TTY exec over a raw hijacked connection on the engine socket: the floor for any terminal. */
export class RawExecSocket {
  private received = '';
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.toString('latin1');
      // Only the tail matters to every check; keep memory flat during floods.
      if (this.received.length > 65536) this.received = this.received.slice(-4096);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(engine: RawEngine, containerId: string, size: { cols: number; rows: number }): Promise<RawExecSocket> {
    const created = await engine.post(`/containers/${containerId}/exec`, {
      Cmd: ['bash'],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Env: ['TERM=xterm-256color'],
    });
    const execId = (JSON.parse(created.body) as { Id: string }).Id;
    const socket = net.connect(ENGINE_SOCKET);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const body = JSON.stringify({ Detach: false, Tty: true });
    socket.write(
      `POST /exec/${execId}/start HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    // The 101 answer's headers end the HTTP part; everything after is the terminal.
    const rest = await new Promise<Buffer>((resolve, reject) => {
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) return;
        socket.off('data', onData);
        if (!/^HTTP\/1\.1 101/.test(head.toString('latin1'))) reject(new Error(`exec start: ${head.toString('latin1').split('\r\n')[0]}`));
        else resolve(head.subarray(end + 4));
      };
      socket.on('data', onData);
    });
    const raw = new RawExecSocket(socket);
    if (rest.length) raw.received += rest.toString('latin1');
    await engine.post(`/exec/${execId}/resize?h=${size.rows}&w=${size.cols}`);
    await raw.typeAndWait(`export PS1='${PROMPT}'\r`, (tail) => tail.endsWith(PROMPT));
    return raw;
  }

  /** Writes and resolves with the ms until the received tail satisfies `done`. */
  async typeAndWait(data: string, done: (tail: string) => boolean, timeoutMs = 60_000): Promise<number> {
    this.received = '';
    const started = performance.now();
    this.socket.write(data);
    const deadline = started + timeoutMs;
    while (!done(this.received)) {
      if (performance.now() > deadline) throw new Error(`raw exec: no ${JSON.stringify(data)} answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return performance.now() - started;
  }

  write(data: string): void {
    this.socket.write(data);
  }

  close(): void {
    this.socket.end('exit\r');
    this.socket.destroy();
  }
}
