// Debian's Chromium for page benchmarks whose timed part must run with no DevTools instrumentation — as a
// user's browser (or Electron window) runs, with nobody attached. Playwright, connected over CDP, enables the
// Network domain on every page, so Chromium mirrors each WebSocket frame to it (binary payloads base64-encoded)
// and Playwright's driver, which lives in this Node process, spends ~15% of a core decoding them: the bench
// would measure Playwright as much as Berth. So: Playwright drives the set-up (clicks through the UI), then
// disconnects; the timed part runs through a bare CDP session that only ever calls Runtime.evaluate (no
// Network, Page or Runtime.enable: Chromium sends it nothing but the answers).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { chromiumArgs, chromiumPath } from './berth';
import { recordingRequested, startProfile, startTrace, type Recording, type RecordingRequest } from './chromium-trace';
import { median, round } from './stats';

interface CdpAnswer {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** One CDP WebSocket: commands (optionally on a flattened target session) and a count of events received. */
export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (err: Error) => void }>();
  /**
   * Events (messages without an id) received on page sessions, by method: stays empty as long as no domain
   * is enabled on a page through this connection (the check that a timed part ran uninstrumented).
   */
  readonly pageEvents = new Map<string, number>();
  /** One-shot waiters for browser-level events (no session), e.g. Tracing.tracingComplete. */
  private readonly eventWaiters = new Map<string, ((params: Record<string, unknown>) => void)[]>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as CdpAnswer;
      if (message.id === undefined) {
        if (message.sessionId && message.method) this.pageEvents.set(message.method, (this.pageEvents.get(message.method) ?? 0) + 1);
        else if (message.method) {
          for (const waiter of this.eventWaiters.get(message.method)?.splice(0) ?? []) waiter(message.params ?? {});
        }
        return;
      }
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`CDP: ${message.error.message}`));
      else waiter?.resolve(message.result ?? {});
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('CDP connection closed'));
      this.pending.clear();
    });
  }

  static async open(url: string): Promise<CdpConnection> {
    // No size cap: an evaluate may return a large value.
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 0 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpConnection(socket);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** The next browser-level event `method` (register before the command that causes it). */
  nextEvent(method: string): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const waiters = this.eventWaiters.get(method) ?? [];
      waiters.push(resolve);
      this.eventWaiters.set(method, waiters);
    });
  }

  close(): void {
    this.socket.close();
  }
}

const keepPlaywright = process.env.BERTH_BENCH_KEEP_PLAYWRIGHT === '1';

/** A page target's bare session: Runtime.evaluate only. */
export class BareSession {
  constructor(
    private readonly connection: CdpConnection,
    private readonly sessionId: string,
  ) {}

  /** A raw command on this page's session (profiling a timed part: see chromium-trace.ts). */
  send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return this.connection.send(method, params, this.sessionId);
  }

  /** Evaluates `expression` in the page (a promise is awaited) and returns its value as JSON. */
  async evaluate<T = unknown>(expression: string): Promise<T> {
    const answer = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value as T;
  }
}

export class BareBrowser {
  private playwrightBrowser: Browser | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly userDataDir: string,
    readonly port: number,
    /** The browser-level bare connection: creates windows and attaches bare page sessions. */
    readonly cdp: CdpConnection,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  /** Starts Chromium with the bench flags, a fresh profile and a DevTools port chosen by the system. */
  static async launch(): Promise<BareBrowser> {
    const userDataDir = mkdtempSync(join(tmpdir(), 'berth-bench-chromium-'));
    const child = spawn(chromiumPath, [...chromiumArgs, '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const portFile = join(userDataDir, 'DevToolsActivePort');
    const deadline = Date.now() + 20_000;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        rmSync(userDataDir, { recursive: true, force: true });
        throw new Error(`Chromium did not open its DevTools port:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [port, path] = readFileSync(portFile, 'utf8').split('\n');
    const cdp = await CdpConnection.open(`ws://127.0.0.1:${port}${path}`);
    return new BareBrowser(child, userDataDir, Number(port), cdp);
  }

  /** A new window (a visible page of its own, so its frames run at full rate), blank. Returns its target id. */
  async newWindow(size: { width: number; height: number }): Promise<string> {
    const { targetId } = (await this.cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true, ...size })) as { targetId: string };
    return targetId;
  }

  /** Sizes the target's window so that the page's viewport is `size` (the window's frame takes some of it). */
  async fitViewport(targetId: string, size: { width: number; height: number }, session: BareSession): Promise<void> {
    const { windowId } = (await this.cdp.send('Browser.getWindowForTarget', { targetId })) as { windowId: number };
    for (let attempt = 0; attempt < 5; attempt++) {
      const viewport = await session.evaluate<{ width: number; height: number }>('({ width: innerWidth, height: innerHeight })');
      if (viewport.width === size.width && viewport.height === size.height) return;
      const { bounds } = (await this.cdp.send('Browser.getWindowBounds', { windowId })) as { bounds: { width: number; height: number } };
      const next = { width: bounds.width + size.width - viewport.width, height: bounds.height + size.height - viewport.height };
      await this.cdp.send('Browser.setWindowBounds', { windowId, bounds: next });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`could not size the page's viewport to ${size.width}×${size.height}`);
  }

  /** A bare session on the page: Runtime.evaluate and nothing else. */
  async attach(targetId: string): Promise<BareSession> {
    const { sessionId } = (await this.cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    return new BareSession(this.cdp, sessionId);
  }

  /** Playwright connected over CDP (reused while connected). */
  async playwright(): Promise<Browser> {
    if (!this.playwrightBrowser?.isConnected()) this.playwrightBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${this.port}`);
    return this.playwrightBrowser;
  }

  /**
   * Before a timed part: Playwright disconnected. BERTH_BENCH_KEEP_PLAYWRIGHT=1 keeps it connected instead
   * (instrumenting every page as it does), to measure what the instrumentation costs.
   */
  async prepareTimedPart(): Promise<void> {
    if (keepPlaywright) await this.playwright();
    else await this.detachPlaywright();
  }

  get playwrightAttached(): boolean {
    return this.playwrightBrowser?.isConnected() ?? false;
  }

  /** Playwright's Page for a target (connecting Playwright if needed; a new window may take a moment to show up). */
  async playwrightPage(targetId: string): Promise<Page> {
    const browser = await this.playwright();
    const deadline = Date.now() + 10_000;
    for (;;) {
      for (const page of browser.contexts().flatMap((context) => context.pages())) {
        if ((await this.targetOf(page)) === targetId) return page;
      }
      if (Date.now() > deadline) throw new Error(`Playwright does not see the page ${targetId}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private readonly targets = new WeakMap<Page, string>();

  private async targetOf(page: Page): Promise<string> {
    let targetId = this.targets.get(page);
    if (!targetId) {
      const session = await page.context().newCDPSession(page);
      targetId = ((await session.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } }).targetInfo.targetId;
      await session.detach();
      this.targets.set(page, targetId);
    }
    return targetId;
  }

  /**
   * Disconnects Playwright: its sessions detach, and with them the DevTools agents they enabled (Network
   * among them). Pages stay open (they belong to the browser's default context, not to Playwright).
   */
  async detachPlaywright(): Promise<void> {
    const browser = this.playwrightBrowser;
    this.playwrightBrowser = undefined;
    if (browser?.isConnected()) await browser.close();
  }

  async close(): Promise<void> {
    await this.detachPlaywright().catch(() => undefined);
    this.cdp.close();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        this.child.once('exit', () => resolve());
        this.child.kill('SIGTERM');
        setTimeout(() => this.child.kill('SIGKILL'), 5000).unref();
      });
    }
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/**
 * A page in its own window: Playwright for set-up steps (`ui`), the bare session for timed parts
 * (`evaluate`). Call `browser.detachPlaywright()` before a timed part; `ui` reconnects when needed.
 */
export class DetachablePage {
  private constructor(
    readonly browser: BareBrowser,
    readonly targetId: string,
    private readonly session: BareSession,
  ) {}

  /**
   * Opens `url` in a new window of `size`. `initScripts` run before the page's own scripts (this first load
   * only: they are Playwright's, gone once it disconnects).
   */
  static async open(
    browser: BareBrowser,
    url: string,
    options: { size?: { width: number; height: number }; initScripts?: string[] } = {},
  ): Promise<DetachablePage> {
    const size = options.size ?? { width: 1280, height: 800 };
    const targetId = await browser.newWindow(size);
    const session = await browser.attach(targetId);
    await browser.fitViewport(targetId, size, session);
    const opened = new DetachablePage(browser, targetId, session);
    await opened.ui(async (page) => {
      for (const script of options.initScripts ?? []) await page.addInitScript(script);
      await page.goto(url);
    });
    return opened;
  }

  /** Runs set-up steps with Playwright (connecting it if it is not). */
  async ui<T>(steps: (page: Page) => Promise<T>): Promise<T> {
    return steps(await this.browser.playwrightPage(this.targetId));
  }

  evaluate<T = unknown>(expression: string): Promise<T> {
    return this.session.evaluate<T>(expression);
  }

  /** The bare session itself (for profiling a timed part). */
  get bare(): BareSession {
    return this.session;
  }
}

/**
 * The check that timed parts ran uninstrumented, for a metric's details: whether Playwright was connected,
 * the CPU of this Node process (where Playwright's driver runs: ~15% of a core while it mirrors a flood's
 * WebSocket frames, ~0 detached) and the CDP events that reached the bench from the pages (0 when no
 * domain is enabled).
 */
export class TimedParts {
  private readonly cpuPct: number[] = [];
  private events = 0;
  private playwrightAttached = false;
  private current: { cpu: NodeJS.CpuUsage; wall: number; events: number } | undefined;
  private parts = 0;
  private readonly recordingRequest: RecordingRequest | undefined;
  private recording: Recording | undefined;
  /** Whether a part was recorded (its sample is slower than the others: the details say so). */
  private recorded = false;

  /**
   * `label` names the metric for BERTH_BENCH_TRACE (see chromium-trace.ts); `page` is needed to profile
   * its JavaScript.
   */
  constructor(
    private readonly browser: BareBrowser,
    private readonly recordingTarget?: { label: string; page?: DetachablePage },
  ) {
    this.recordingRequest = recordingRequested(recordingTarget?.label);
  }

  /** Prepares the browser (Playwright off) and starts the meters. */
  async begin(): Promise<void> {
    await this.browser.prepareTimedPart();
    this.playwrightAttached ||= this.browser.playwrightAttached;
    this.parts++;
    await this.startRecordingIfAsked();
    this.current = { cpu: process.cpuUsage(), wall: performance.now(), events: this.pageEventCount() };
  }

  /** Stops the meters (and writes the recording, if this part was recorded). */
  async end(): Promise<void> {
    if (!this.current) return;
    const used = process.cpuUsage(this.current.cpu);
    this.cpuPct.push(((used.user + used.system) / 1000 / (performance.now() - this.current.wall)) * 100);
    this.events += this.pageEventCount() - this.current.events;
    this.current = undefined;
    const recording = this.recording;
    this.recording = undefined;
    if (recording) console.log(`recorded timed part ${this.parts} of ${this.recordingTarget?.label}: ${await recording.stop()}`);
  }

  /** Runs `part` between begin() and end(). */
  async time<T>(part: () => Promise<T>): Promise<T> {
    await this.begin();
    try {
      return await part();
    } finally {
      await this.end();
    }
  }

  private async startRecordingIfAsked(): Promise<void> {
    const request = this.recordingRequest;
    const target = this.recordingTarget;
    if (!request || !target || request.part !== this.parts) return;
    if (request.kind === 'profile' && !target.page) throw new Error(`BERTH_BENCH_TRACE=profile: no page given for ${target.label}`);
    this.recording = request.kind === 'trace' ? await startTrace(this.browser.cdp, target.label) : await startProfile(target.page!.bare, target.label);
    this.recorded = true;
  }

  details(): { harness: string; benchProcessCpuPctMedian: number; pageCdpEvents: number; recordedPart?: number } {
    return {
      ...(this.recorded ? { recordedPart: this.recordingRequest?.part } : {}),
      harness: this.playwrightAttached ? 'Playwright attached (BERTH_BENCH_KEEP_PLAYWRIGHT=1)' : 'bare CDP, Playwright detached',
      benchProcessCpuPctMedian: this.cpuPct.length ? round(median(this.cpuPct)) : 0,
      pageCdpEvents: this.events,
    };
  }

  private pageEventCount(): number {
    return [...this.browser.cdp.pageEvents.values()].reduce((sum, n) => sum + n, 0);
  }
}
