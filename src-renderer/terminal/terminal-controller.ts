// One terminal tab outside React: the xterm instance with its addons, and the exec.session stream behind it.
// Output goes into xterm through a short queue (never through React state); each batch is acknowledged from
// xterm's write callback, so main pauses the engine socket while xterm is behind (flow control). React reads
// only the small status object, through subscribe/getStatus.
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon, type ISearchOptions } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal } from '@xterm/xterm';
import type { ExecChunk, ExecNotice } from '../../src-main/shared/contract/exec';
import { client, ClientError, type StreamHandle } from '../ipc/client';
import { endSummary, sessionRequest, type TerminalOptions } from './terminal-options';
import { FloodRenderPacer } from './flood-render-pacer';
import { TerminalOutputQueue } from './terminal-output-queue';
import { xtermRenderHold } from './xterm-render-hold';
import { xtermLinesKept } from './xterm-unseen-lines';
import { onThemeChange, terminalTheme } from './terminal-theme';

export type StartedNotice = Extract<ExecNotice, { kind: 'started' }>;

/** Output skipped after Ctrl+C during a flood (main's and the page's share), shown for a while. */
export interface SkippedOutput {
  bytes: number;
  /** Tells one skip from the next (the badge restarts its timer). */
  id: number;
}

export type TerminalStatus =
  | { phase: 'connecting'; attempt: number }
  | { phase: 'open'; attempt: number; started?: StartedNotice; skipped?: SkippedOutput }
  | { phase: 'exited'; attempt: number; started?: StartedNotice; exitCode: number | null; reason?: string }
  | { phase: 'failed'; attempt: number; message: string; detail?: string };

/**
 * Tests and benchmarks read what a terminal shows (WebGL draws to a canvas, so the DOM has no text) through
 * this opt-in set: a page that defines window.__berthTerminalProbe before load gets every live controller.
 */
function probeRegistry(): Set<TerminalController> | undefined {
  return (globalThis as { __berthTerminalProbe?: Set<TerminalController> }).__berthTerminalProbe;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** Lines kept above the screen: bounded memory however much a session prints. */
const SCROLLBACK_LINES = 5000;
/** How long the "output skipped" badge stays. */
const SKIPPED_BADGE_MS = 8000;
/** CAN: cancels an escape sequence in progress. */
const CAN = Uint8Array.of(0x18);

export class TerminalController {
  readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly searchAddon = new SearchAddon({ highlightLimit: 1000 });
  private handle: StreamHandle | undefined;
  private output: TerminalOutputQueue | undefined;
  /** Draws floods a few times a second; none before mount (xterm's drawing exists once it is open). */
  private pacer: FloodRenderPacer | undefined;
  /** How many LFs push a line out of the scrollback, when lines may be skipped (xterm-unseen-lines.ts). */
  private readonly linesKept: (() => number | undefined) | undefined;
  private skippedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keys typed while the session is still opening: main would drop them, so they wait here. */
  private pendingInput = '';
  private status: TerminalStatus = { phase: 'connecting', attempt: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly disposers: (() => void)[] = [];
  private resizeFrame = 0;
  private copyTimer: ReturnType<typeof setTimeout> | undefined;
  private pasteFallback: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Which renderer draws: WebGL when the GPU path works, else xterm's DOM renderer. */
  renderer: 'webgl' | 'dom' = 'dom';

  constructor(private readonly target: { engineId: string; containerId: string }) {
    this.term = new Terminal({
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
      fontSize: 13,
      lineHeight: 1.15,
      scrollback: SCROLLBACK_LINES,
      // Blinks only where WebGL draws (a timer, two redraws a second). The DOM renderer blinks with a CSS
      // animation, which has Chromium redraw the page every frame while the terminal has focus: ~60 frames
      // a second, ~10% of a core for an idle terminal. There the cursor stays still.
      cursorBlink: false,
      allowProposedApi: true, // the search addon's match decorations
      macOptionIsMeta: true,
      rightClickSelectsWord: false,
      theme: terminalTheme(),
    });
    this.linesKept = xtermLinesKept(this.term);
    this.term.loadAddon(this.fitAddon);
    this.term.loadAddon(this.searchAddon);
    this.term.loadAddon(new WebLinksAddon((_event, uri) => window.open(uri, '_blank', 'noopener,noreferrer')));
    this.disposers.push(
      disposable(this.term.onData((data) => this.send(data))),
      disposable(this.term.onBinary((data) => this.send(data))),
      disposable(this.term.onResize(({ cols, rows }) => this.handle?.resize(cols, rows))),
      disposable(this.term.onSelectionChange(() => this.copySelectionSoon())),
      onThemeChange(() => (this.term.options.theme = terminalTheme())),
    );
    this.term.attachCustomKeyEventHandler((event) => this.handleKey(event));
    probeRegistry()?.add(this);
  }

  /** Puts the terminal in the page; call once the host element is laid out. */
  mount(host: HTMLElement): void {
    this.term.open(host);
    const renderHold = xtermRenderHold(this.term);
    if (renderHold) this.pacer = new FloodRenderPacer(renderHold);
    // A native paste arrived: the keyboard fallback must not paste a second time.
    const cancelFallback = () => clearTimeout(this.pasteFallback);
    host.addEventListener('paste', cancelFallback, true);
    this.disposers.push(() => host.removeEventListener('paste', cancelFallback, true));
    this.loadWebgl();
    const observer = new ResizeObserver(() => this.fitSoon());
    observer.observe(host);
    this.disposers.push(() => observer.disconnect());
    this.fit();
  }

  /** Starts (or restarts) the session with these options; the old one, if any, is closed first. */
  connect(options: TerminalOptions): void {
    this.handle?.close();
    this.fit();
    const attempt = this.status.attempt + 1;
    if (attempt > 1) this.term.write('\r\n\x1b[2m── reconnecting ──\x1b[0m\r\n');
    this.setStatus({ phase: 'connecting', attempt });
    const size = this.term.cols > 0 && this.term.rows > 0 ? { cols: this.term.cols, rows: this.term.rows } : undefined;
    const handle: StreamHandle = client.openStream('exec.session', sessionRequest(this.target, options, size), {
      onData: (chunks, bytes) => this.receive(handle, chunks, bytes),
      onEnd: (error) => this.ended(handle, error),
    });
    this.handle = handle;
    this.output?.dispose();
    this.output = new TerminalOutputQueue({
      write: (data, parsed) => this.term.write(data, parsed),
      notice: (notice) => this.notice(notice),
      ack: (bytes) => handle.ack(bytes),
      linesKept: this.linesKept,
      pacer: {
        writing: (flooding) => this.pacer?.writing(flooding),
        drained: () => this.pacer?.drained(),
        interrupted: () => this.pacer?.interrupted(),
      },
    });
    this.pendingInput = '';
    handle.opened.then(
      () => {
        if (this.handle !== handle) return;
        if (this.pendingInput) handle.write(this.pendingInput);
        this.pendingInput = '';
        if (this.status.phase === 'connecting') this.setStatus({ phase: 'open', attempt });
      },
      (error: unknown) => {
        if (this.handle !== handle) return;
        this.handle = undefined;
        this.fail(error);
      },
    );
  }

  /** Ends the session (the exec process goes with it, main makes sure of that). */
  disconnect(): void {
    this.handle?.close();
    this.handle = undefined;
    this.output?.dispose();
    this.output = undefined;
  }

  getStatus = (): TerminalStatus => this.status;

  private send(data: string): void {
    if (!this.handle) return;
    if (data.includes('\x03') || data.includes('\x1c')) this.output?.interrupted();
    if (this.status.phase === 'connecting') this.pendingInput += data;
    else this.handle.write(data);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  fit(): void {
    const host = this.term.element?.parentElement;
    // A hidden tab has no size; fitting it would shrink the terminal to nothing.
    if (!host || host.clientWidth === 0 || host.clientHeight === 0) return;
    try {
      this.fitAddon.fit();
    } catch {
      // not rendered yet
    }
  }

  focus(): void {
    this.term.focus();
  }

  hasSelection(): boolean {
    return this.term.hasSelection();
  }

  async copySelection(): Promise<void> {
    if (this.term.hasSelection()) await navigator.clipboard.writeText(this.term.getSelection());
  }

  /** Pastes like typing it (bracketed when the shell asked for it; newlines become Enter). */
  paste(text: string): void {
    if (this.handle && this.status.phase !== 'exited' && this.status.phase !== 'failed') this.term.paste(text);
    this.term.focus();
  }

  async pasteFromClipboard(): Promise<void> {
    this.paste(await navigator.clipboard.readText());
  }

  selectAll(): void {
    this.term.selectAll();
  }

  clear(): void {
    this.term.clear();
  }

  find(query: string, direction: 'next' | 'previous', incremental = false): boolean {
    const options: ISearchOptions = {
      incremental,
      decorations: {
        matchBackground: '#f5c54266',
        matchOverviewRuler: '#f5c542',
        activeMatchBackground: '#f59f00',
        activeMatchColorOverviewRuler: '#f59f00',
      },
    };
    return direction === 'next' ? this.searchAddon.findNext(query, options) : this.searchAddon.findPrevious(query, options);
  }

  onFindResults(listener: (results: { index: number; count: number }) => void): () => void {
    return disposable(this.searchAddon.onDidChangeResults((e) => listener({ index: e.resultIndex, count: e.resultCount })));
  }

  clearFind(): void {
    this.searchAddon.clearDecorations();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disconnect();
    cancelAnimationFrame(this.resizeFrame);
    if (this.copyTimer) clearTimeout(this.copyTimer);
    clearTimeout(this.pasteFallback);
    clearTimeout(this.skippedTimer);
    for (const dispose of this.disposers) dispose();
    this.pacer?.dispose();
    this.term.dispose();
    this.listeners.clear();
    probeRegistry()?.delete(this);
  }

  /** Whether floods are drawn paced (xterm's internals were found): for tests. */
  get floodPacing(): boolean {
    return this.pacer !== undefined;
  }

  /** Output bytes of this session that scrolled past the scrollback unparsed (unseen-lines.ts): for tests. */
  get unseenBytesSkipped(): number {
    return this.output?.skippedUnseen ?? 0;
  }

  /** The whole buffer (scrollback and screen) as text, trailing blanks trimmed: for tests and benchmarks. */
  bufferText(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\s+$/, '');
  }

  private receive(handle: StreamHandle, chunks: ExecChunk[], bytes: number): void {
    if (this.handle !== handle) return;
    this.output?.push(chunks, bytes);
  }

  private notice(notice: ExecNotice): void {
    const attempt = this.status.attempt;
    if (notice.kind === 'started') {
      this.setStatus({ phase: 'open', attempt, started: notice });
      return;
    }
    if (notice.kind === 'skipping') return; // handled by the queue
    if (notice.kind === 'skipped') {
      // The cut may have left xterm's parser inside an escape sequence: CAN returns it to plain text.
      // Written as a byte: it also makes xterm's UTF-8 decoder drop half a character left before the cut.
      this.term.write(CAN);
      this.showSkipped(notice.bytes + (this.output?.takeDropped() ?? 0));
      return;
    }
    const started = this.status.phase === 'open' ? this.status.started : undefined;
    this.term.write(`\r\n\x1b[2m[${endSummary(notice)}]\x1b[0m\r\n`);
    this.setStatus({ phase: 'exited', attempt, started, exitCode: notice.exitCode, ...(notice.reason ? { reason: notice.reason } : {}) });
  }

  private showSkipped(bytes: number): void {
    if (this.status.phase !== 'open' || bytes === 0) return;
    const id = (this.status.skipped?.id ?? 0) + 1;
    this.setStatus({ ...this.status, skipped: { bytes, id } });
    clearTimeout(this.skippedTimer);
    this.skippedTimer = setTimeout(() => {
      if (this.status.phase === 'open' && this.status.skipped?.id === id) this.setStatus({ ...this.status, skipped: undefined });
    }, SKIPPED_BADGE_MS);
  }

  private ended(handle: StreamHandle, error?: ClientError): void {
    if (this.handle !== handle) return;
    this.handle = undefined;
    if (error) return this.fail(error);
    if (this.status.phase !== 'exited') {
      const started = this.status.phase === 'open' ? this.status.started : undefined;
      this.setStatus({ phase: 'exited', attempt: this.status.attempt, started, exitCode: null, reason: 'The session ended.' });
    }
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const detail = error instanceof ClientError ? error.detail : undefined;
    this.setStatus({ phase: 'failed', attempt: this.status.attempt, message, ...(detail ? { detail } : {}) });
  }

  private setStatus(status: TerminalStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private fitSoon(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => this.fit());
  }

  /** Copy on selection, as terminals on Linux do; quietly skipped when the clipboard is not ours to write. */
  private copySelectionSoon(): void {
    if (this.copyTimer) clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => {
      if (this.term.hasSelection()) void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined);
    }, 150);
  }

  /**
   * Platform keys: Ctrl+Shift+C / Cmd+C copy, Ctrl+Shift+V / Cmd+V paste (the browser's paste event, which
   * xterm turns into input), Ctrl+Shift+F find. Everything else — Ctrl+C included — goes to the container.
   */
  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    const chord = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && event.shiftKey && !event.metaKey;
    if (!chord) return true;
    if (key === 'c') {
      if (this.term.hasSelection()) void this.copySelection().catch(() => undefined);
      event.preventDefault();
      return false;
    }
    if (key === 'v') {
      // The browser usually fires a paste event for this chord (xterm pastes from it); where it does not
      // (synthetic keys, some shells), read the clipboard ourselves. Either way xterm must not send ^V.
      this.pasteFallback = setTimeout(() => void this.pasteFromClipboard().catch(() => undefined), 80);
      return false;
    }
    if (key === 'f') {
      event.preventDefault();
      this.term.element?.dispatchEvent(new CustomEvent('berth-terminal-find', { bubbles: true }));
      return false;
    }
    return true;
  }

  private loadWebgl(): void {
    // A way out for machines whose GPU path misbehaves: localStorage['berth.terminal.renderer'] = 'dom'.
    const preference = readRendererPreference();
    if (preference === 'dom') return;
    // WebGL drawn by the CPU (SwiftShader, llvmpipe: no GPU, or a GPU-less VM) is slower than the DOM renderer.
    if (preference !== 'webgl' && webglIsSoftware()) return;
    try {
      const webgl = new WebglAddon();
      webgl.onContextLoss(() => {
        // The GPU went away (driver reset, too many contexts): carry on with the DOM renderer.
        webgl.dispose();
        this.renderer = 'dom';
        this.term.options.cursorBlink = false;
      });
      this.term.loadAddon(webgl);
      this.renderer = 'webgl';
      this.term.options.cursorBlink = true;
    } catch {
      this.renderer = 'dom'; // no WebGL here (e.g. --disable-gpu): xterm's DOM renderer draws instead
    }
  }
}

let softwareWebgl: boolean | undefined;

function webglIsSoftware(): boolean {
  if (softwareWebgl !== undefined) return softwareWebgl;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    softwareWebgl = /SwiftShader|llvmpipe|softpipe|Software/i.test(renderer);
  } catch {
    softwareWebgl = false;
  }
  return softwareWebgl;
}

function readRendererPreference(): string | null {
  try {
    return localStorage.getItem('berth.terminal.renderer');
  } catch {
    return null;
  }
}

function disposable(item: { dispose(): void }): () => void {
  return () => item.dispose();
}
