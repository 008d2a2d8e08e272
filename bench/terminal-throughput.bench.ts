// P7 — 100 MB through Berth's terminal (a shell printing it, through main, the bridge and xterm in the page)
// against @xterm/headless in Node parsing the same bytes, same run; and Ctrl+C during `yes`: how long until
// the prompt is back, against the same on a raw exec socket. P7's details also say how fast the engine
// delivers the same output to a bare Node socket right after each Berth sample: the ceiling for any terminal.
// Berth's page does not parse lines that scroll past xterm's scrollback before they could be seen (the end
// state is the same: src-renderer/terminal/unseen-lines.ts); the reference parses every byte. The details
// say what share Berth skipped (`unseenSkippedShare`).
// Berth's timed parts run with Playwright detached (bare-browser.ts): a user's browser has no DevTools attached.
import headless from '@xterm/headless';
import { BareBrowser, TimedParts } from './lib/bare-browser';
import { launchBerth } from './lib/berth';
import { defineBenchmark, type BenchContext } from './lib/benchmark';
import { RawEngine } from './lib/engine';
import { removeFleet } from './lib/fleet';
import { runPairs } from './lib/harness';
import { chromiumCpuGroups, chromiumTree, dockerdPid, processTree, startCpuMeter } from './lib/proc';
import { failedMetric, pairedMetric, type Metric } from './lib/results';
import { median, round } from './lib/stats';
import { openTerminalPage, PROMPT, RawExecSocket, startShellContainer, timeInPage, typeAndWaitForPrompt, type PageEvaluator } from './terminal-kit';

// BERTH_BENCH_TERMINAL_MB shrinks the payload for a quick look; the metric is defined at 100 MB.
const PAYLOAD_BYTES = Number(process.env.BERTH_BENCH_TERMINAL_MB ?? 100) * 1024 * 1024;
const LINE = 'The quick brown fox jumps over the lazy dog 0123456789 ~!@#$%^&*()';
/** What the page receives: the TTY turns each \n into \r\n. */
const TERMINAL_BYTES = PAYLOAD_BYTES + Math.floor(PAYLOAD_BYTES / (LINE.length + 1));
const MB = 1024 * 1024;
// @xterm/headless is CommonJS: its named exports are not visible to Node's ESM loader.
const { Terminal: HeadlessTerminal } = headless;

/**
 * What the shell's `yes LINE | head -c N` prints, as the TTY delivers it, in 64 KB pieces: as UTF-8 bytes
 * (what the page gets and hands xterm, which decodes them: the metric's reference, "fed the same bytes") and
 * as strings (decoding done for it: in the details, for comparison with earlier figures).
 */
function terminalChunks(): { bytes: Uint8Array[]; strings: string[] } {
  const line = `${LINE}\n`;
  const full = line.repeat(Math.ceil(PAYLOAD_BYTES / line.length)).slice(0, PAYLOAD_BYTES).replace(/\n/g, '\r\n');
  const strings: string[] = [];
  for (let i = 0; i < full.length; i += 64 * 1024) strings.push(full.slice(i, i + 64 * 1024));
  const encoder = new TextEncoder();
  return { bytes: strings.map((chunk) => encoder.encode(chunk)), strings };
}

/** CPU ms per MB through the terminal, by process group, one record per Berth sample (the profile in details). */
type CpuPerMB = Record<string, number>;

/** Output bytes the page's terminal has not parsed because they scrolled past its scrollback unseen. */
function unseenSkipped(page: PageEvaluator): Promise<number> {
  return page.evaluate<number>('Array.from(window.__berthTerminalProbe)[0].unseenBytesSkipped');
}

/** MB/s through Berth: from Enter to the end marker parsed and painted in the page. */
async function berthThroughput(page: PageEvaluator, run: number, berthPid: number, profile: CpuPerMB[], skipped: number[]): Promise<number> {
  const command = `yes '${LINE}' | head -c ${PAYLOAD_BYTES}; printf '\\nDONE-%s\\n' ${run}\r`;
  const browser = chromiumTree();
  const dockerd = dockerdPid();
  const cpu = startCpuMeter({
    main: () => processTree(berthPid),
    ...chromiumCpuGroups(browser),
    dockerd: () => (dockerd ? [dockerd] : []),
  });
  const skippedBefore = await unseenSkipped(page);
  const ms = await timeInPage(page, command, { lineEquals: `DONE-${run}`, nearCursor: 3 }, 600_000);
  const used = cpu.read().cpuMs;
  skipped.push((await unseenSkipped(page)) - skippedBefore);
  profile.push(Object.fromEntries(Object.entries(used).map(([group, cpuMs]) => [group, cpuMs / (TERMINAL_BYTES / MB)])));
  return TERMINAL_BYTES / MB / (ms / 1000);
}

/** The median of each group's CPU ms per MB. */
function profileMedians(profile: CpuPerMB[]): CpuPerMB {
  const groups = Object.keys(profile[0] ?? {});
  return Object.fromEntries(groups.map((group) => [group, round(median(profile.map((sample) => sample[group])))]));
}

/** MB/s of @xterm/headless parsing the same bytes in Node (same size, same scrollback). */
async function headlessThroughput(chunks: (string | Uint8Array)[], size: { cols: number; rows: number }): Promise<number> {
  const terminal = new HeadlessTerminal({ cols: size.cols, rows: size.rows, scrollback: 5000, allowProposedApi: true });
  const started = performance.now();
  // Flow control as the page has it (xterm discards writes beyond 50 MB pending): wait for a callback every 512 KB.
  for (let i = 0; i < chunks.length; i++) {
    if ((i + 1) % 8 === 0) await new Promise<void>((resolve) => terminal.write(chunks[i], resolve));
    else terminal.write(chunks[i]);
  }
  await new Promise<void>((resolve) => terminal.write('', resolve));
  const ms = performance.now() - started;
  terminal.dispose();
  return TERMINAL_BYTES / MB / (ms / 1000);
}

/** Ctrl+C after a second of `yes` flooding the terminal → the prompt is back (parsed and painted). */
async function berthInterrupt(page: PageEvaluator): Promise<number> {
  await page.evaluate(`Array.from(window.__berthTerminalProbe)[0].term.input('yes\\r', true)`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return timeInPage(page, '\x03', { lineEquals: PROMPT, nearCursor: 0 }, 30_000);
}

/** MB/s of the same shell printing the same bytes to a raw exec socket in Node (nothing parsed). */
async function rawThroughput(raw: RawExecSocket, run: number): Promise<number> {
  // The marker is put together by printf, so the echoed command line never matches it.
  const command = `yes '${LINE}' | head -c ${PAYLOAD_BYTES}; printf '\\nDONE-raw-%s\\n' ${run}\r`;
  const ms = await raw.typeAndWait(command, (tail) => tail.includes(`\r\nDONE-raw-${run}\r\n`), 600_000);
  return TERMINAL_BYTES / MB / (ms / 1000);
}

async function rawInterrupt(raw: RawExecSocket): Promise<number> {
  raw.write('yes\r');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return raw.typeAndWait('\x03', (tail) => tail.endsWith(PROMPT), 30_000);
}

async function measureThroughput(
  ctx: BenchContext,
  page: PageEvaluator,
  timed: TimedParts,
  raw: RawExecSocket,
  size: { cols: number; rows: number },
  berthPid: number,
): Promise<Metric> {
  const spec = { id: 'P7', name: `${PAYLOAD_BYTES / MB} MB through the terminal`, unit: 'MB/s', goal: '≥ 0.7× headless' };
  try {
    const chunks = terminalChunks();
    let run = 0;
    const rawSamples: number[] = [];
    const stringSamples: number[] = [];
    const profile: CpuPerMB[] = [];
    const skipped: number[] = [];
    const samples = await runPairs(
      async () => {
        const berth = await timed.time(() => berthThroughput(page, ++run, berthPid, profile, skipped));
        rawSamples.push(await rawThroughput(raw, run));
        return berth;
      },
      async () => {
        stringSamples.push(await headlessThroughput(chunks.strings, size));
        return headlessThroughput(chunks.bytes, size);
      },
      { ...ctx.options, log: ctx.log },
    );
    return pairedMetric(
      {
        ...spec,
        referenceName: '@xterm/headless in Node, same bytes (UTF-8)',
        goalMet: ({ ratio }) => ratio >= 0.7,
        details: {
          payloadBytes: PAYLOAD_BYTES,
          terminalBytes: TERMINAL_BYTES,
          cols: size.cols,
          rows: size.rows,
          rawExecMBps: round(median(rawSamples)),
          headlessFedStringsMBps: round(median(stringSamples)),
          cpuMsPerMB: profileMedians(profile.slice(1)),
          // The share of the output the page never parsed: it scrolled past the scrollback unseen.
          unseenSkippedShare: round(median(skipped.slice(1)) / TERMINAL_BYTES),
          ...timed.details(),
        },
      },
      samples,
    );
  } catch (err) {
    return failedMetric(spec, err);
  }
}

async function measureInterrupt(ctx: BenchContext, page: PageEvaluator, timed: TimedParts, raw: RawExecSocket): Promise<Metric> {
  const spec = { id: 'P7.ctrlc', name: 'Ctrl+C during `yes` → prompt back (painted)', goal: '≤ 100 ms' };
  try {
    const samples = await runPairs(() => timed.time(() => berthInterrupt(page)), () => rawInterrupt(raw), { ...ctx.options, log: ctx.log });
    return pairedMetric(
      {
        ...spec,
        referenceName: 'raw exec socket in Node',
        goalMet: ({ berth }) => berth.median <= 100,
        details: { floodMsBeforeCtrlC: 1000, ...timed.details() },
      },
      samples,
    );
  } catch (err) {
    return failedMetric(spec, err);
  }
}

export default defineBenchmark({
  name: 'terminal-throughput',
  metrics: ['P7', 'P7.ctrlc'],
  description: '100 MB through the terminal vs @xterm/headless; Ctrl+C during yes',
  async run(ctx) {
    const engine = new RawEngine();
    ctx.defer(() => engine.close());
    ctx.defer(() => removeFleet(engine));
    const container = await startShellContainer(engine, 'p7');
    const berth = await launchBerth({ buildDir: ctx.buildDir });
    ctx.defer(() => berth.stop());
    const browser = await BareBrowser.launch();
    ctx.defer(() => browser.close());
    const terminal = await openTerminalPage(browser, berth, container);
    const raw = await RawExecSocket.open(engine, container.id, terminal.size);
    ctx.defer(() => raw.close());
    const metrics = [await measureThroughput(ctx, terminal.page, new TimedParts(browser, { label: 'P7', page: terminal.page }), raw, terminal.size, berth.pid)];
    await typeAndWaitForPrompt(terminal.page, 'clear\r');
    metrics.push(await measureInterrupt(ctx, terminal.page, new TimedParts(browser, { label: 'P7.ctrlc', page: terminal.page }), raw));
    return metrics;
  },
});
