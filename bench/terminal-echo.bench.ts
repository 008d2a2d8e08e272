// P6 — keystroke echo round trip: a key typed into Berth's terminal (xterm in the page) → its echo parsed
// and painted, against the same key written to a raw exec socket in Node → its echo read, same container,
// same run. Then again while another Berth window follows 50k log lines/s. Berth's timed parts run with
// Playwright detached (bare-browser.ts): a user's browser has no DevTools attached.
import { BareBrowser, DetachablePage, TimedParts } from './lib/bare-browser';
import { launchBerth } from './lib/berth';
import { defineBenchmark, type BenchContext } from './lib/benchmark';
import { RawEngine } from './lib/engine';
import { actOnFleet, createFleet, removeFleet, runId } from './lib/fleet';
import { runPairs } from './lib/harness';
import { failedMetric, pairedMetric, type Metric } from './lib/results';
import { median } from './lib/stats';
import { openTerminalPage, PROMPT, RawExecSocket, startShellContainer, timeInPage, type PageEvaluator } from './terminal-kit';

const KEYS_PER_RUN = 15;
const GOAL = '≤ raw + 16.7 ms';
const goalMet = ({ berth, reference }: { berth: { median: number }; reference: { median: number } }) =>
  berth.median <= reference.median + 16.7;
const keys = 'abcdefghijklmnopqrstuvwxyz';

/** One run: KEYS_PER_RUN keystrokes, each timed to its echo and then erased (untimed); the run's median. */
async function pageEchoes(page: PageEvaluator): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < KEYS_PER_RUN; i++) {
    const key = keys[i % keys.length];
    times.push(await timeInPage(page, key, { lineEndsWith: key }, 10_000));
    await timeInPage(page, '\x7f', { lineEquals: PROMPT }, 10_000);
  }
  return median(times);
}

async function rawEchoes(raw: RawExecSocket): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < KEYS_PER_RUN; i++) {
    const key = keys[i % keys.length];
    times.push(await raw.typeAndWait(key, (tail) => tail.includes(key), 10_000));
    await raw.typeAndWait('\x7f', (tail) => tail.length > 0, 10_000);
  }
  return median(times);
}

async function measure(
  ctx: BenchContext,
  browser: BareBrowser,
  page: PageEvaluator,
  raw: RawExecSocket,
  spec: { id: string; name: string },
  details: Record<string, unknown>,
): Promise<Metric> {
  try {
    const timed = new TimedParts(browser, { label: spec.id, page: page instanceof DetachablePage ? page : undefined });
    const samples = await runPairs(() => timed.time(() => pageEchoes(page)), () => rawEchoes(raw), { ...ctx.options, log: ctx.log });
    return pairedMetric(
      {
        ...spec,
        referenceName: 'raw exec socket echo in Node',
        goal: GOAL,
        goalMet,
        details: { keysPerRun: KEYS_PER_RUN, ...details, ...timed.details() },
      },
      samples,
    );
  } catch (err) {
    return failedMetric({ ...spec, goal: GOAL }, err);
  }
}

export default defineBenchmark({
  name: 'terminal-echo',
  metrics: ['P6', 'P6.logs'],
  description: 'exec keystroke echo: Berth terminal vs a raw exec socket',
  async run(ctx) {
    const engine = new RawEngine();
    ctx.defer(() => engine.close());
    ctx.defer(() => removeFleet(engine));
    const container = await startShellContainer(engine, 'p6');
    const berth = await launchBerth({ buildDir: ctx.buildDir });
    ctx.defer(() => berth.stop());
    const browser = await BareBrowser.launch();
    ctx.defer(() => browser.close());

    const terminal = await openTerminalPage(browser, berth, container);
    const raw = await RawExecSocket.open(engine, container.id, terminal.size);
    ctx.defer(() => raw.close());
    const metrics: Metric[] = [];
    metrics.push(await measure(ctx, browser, terminal.page, raw, { id: 'P6', name: 'exec keystroke echo → painted' }, {}));

    // The same, while a second Berth window follows a container printing 50,000 lines a second.
    const [logger] = await createFleet(engine, 1, {
      prefix: `0bench-p6-logger-${runId}`,
      image: 'fixture/logger',
      cmd: ['/usr/local/bin/logger.sh'],
      env: ['LINES_PER_SEC=50000', 'STDERR_EVERY=0'],
    });
    await actOnFleet(engine, [logger], 'start');
    const logsWindow = await DetachablePage.open(browser, berth.url, { size: { width: 1280, height: 800 } });
    await logsWindow.ui(async (page) => {
      await page.getByRole('searchbox', { name: 'Filter containers' }).fill(logger.name);
      await page.getByRole('button', { name: `Logs ${logger.name}`, exact: true }).click();
      await page.getByRole('tabpanel', { name: new RegExp(`Logs · ${logger.name}`) }).waitFor();
    });
    await new Promise((resolve) => setTimeout(resolve, 2000)); // let the follow reach its steady state
    metrics.push(
      await measure(ctx, browser, terminal.page, raw, { id: 'P6.logs', name: 'exec keystroke echo → painted, while 50k log lines/s stream in another window' }, {
        logLinesPerSecond: 50_000,
      }),
    );
    return metrics;
  },
});
