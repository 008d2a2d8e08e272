// P2 — a container start (API call, as `docker start` makes it) → its row shows running in Berth's page,
// against a bare /events subscriber's arrival time in Node, both from the same start; then a burst of 200
// starts. The page is a normal window, so a virtualised list holds only the rows in view: the burst is
// started in reverse name order (the rows in view, first by name, start last) and compared container by
// container — the last visible row showing running vs the last start event of those same containers.
import type { Page } from '@playwright/test';
import { launchBerth, launchChromium, measureClockOffset, openBerthPage } from './lib/berth';
import { defineBenchmark, type BenchContext } from './lib/benchmark';
import { RawEngine, subscribeRawEvents, type EventsSubscriber } from './lib/engine';
import { actOnFleet, createFleet, removeFleet, runId, waitUntilNoneRunning, type FleetContainer } from './lib/fleet';
import { epochNow, runJoint, withTimeout } from './lib/harness';
import { callProbe, rowStatesProbe, watchRunningProbe } from './lib/probes';
import { chromiumTree, dockerdPid, startCpuMeter } from './lib/proc';
import { failedMetric, pairedMetric, type Metric } from './lib/results';
import { median, percentile, round } from './lib/stats';

const BURST = 200;
/**
 * Calls in flight during a burst and during the kill between bursts. dockerd 20.10's libnetwork can deadlock
 * (its watch loop against endpoint deletes) when many containers start and exit at once — it wedged this
 * machine's engine once with 64 in flight — so the burst is a paced stream of starts, as `docker compose up`
 * makes it, not 200 simultaneous calls.
 */
const START_CONCURRENCY = 8;
const KILL_CONCURRENCY = 4;
const GOAL = '≤ arrival + 33 ms';
// Judged on the median of per-run differences: each run's row and event come from the same start.
const goalMet = ({ overhead }: { overhead: number }) => overhead <= 33;

/** A fleet whose rows the page can find: names `${prefix}-NN`, matched with a fixed digit count. */
interface WatchedFleet {
  containers: FleetContainer[];
  pattern: string;
}

async function watchedFleet(engine: RawEngine, count: number, prefix: string): Promise<WatchedFleet> {
  const containers = await createFleet(engine, count, { prefix });
  return { containers, pattern: `(${prefix}-\\d{${String(count - 1).length}})` };
}

interface RowStates {
  present: number;
  running: number;
  rows: number;
}

/** Polls the page's rows of `containers` until `done(states)`; throws with what the page showed when it never happens. */
async function waitForRowStates(
  page: Page,
  fleet: WatchedFleet,
  containers: FleetContainer[],
  done: (s: RowStates) => boolean,
  what: string,
): Promise<RowStates> {
  const names = containers.map((c) => c.name);
  const deadline = Date.now() + 120_000;
  let last: RowStates = { present: 0, running: 0, rows: 0 };
  while (Date.now() < deadline) {
    last = await page.evaluate(callProbe(rowStatesProbe, { names, pattern: fleet.pattern }));
    if (done(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`${what}: the page shows ${last.present} of the benchmark's rows, ${last.running} of them running (${last.rows} rows in all)`);
}

interface StartTiming {
  berth: number;
  reference: number;
  /** Per container seen in the page: row painted running − its own start event's arrival (ms). */
  lags: number[];
}

/**
 * Starts `toStart` (in that order, many in flight) and times, for the fleet's rows the page shows, the last
 * one to show running and the last start event of those same containers — both in ms after the first call.
 */
async function timeStarts(page: Page, engine: RawEngine, events: EventsSubscriber, fleet: WatchedFleet, toStart: FleetContainer[]): Promise<StartTiming> {
  const names = toStart.map((c) => c.name);
  const offset = await measureClockOffset(page, 9);
  await page.evaluate(callProbe(watchRunningProbe, { names, pattern: fleet.pattern }));
  const alreadyRunning = await page.evaluate(() => (window as unknown as { __berthRunningAtStart: string[] }).__berthRunningAtStart);
  if (alreadyRunning.length) throw new Error(`rows already showed running before the start: ${alreadyRunning.join(', ')}`);
  const arrivals = new Map<string, number>();
  const allArrived = Promise.all(
    toStart.map((c) => events.waitFor((e) => e.Actor.ID === c.id, 180_000).then((t) => arrivals.set(c.name, t))),
  );

  const started = epochNow();
  await actOnFleet(engine, toStart, 'start', START_CONCURRENCY);
  await allArrived;
  await withTimeout(
    waitForRowStates(page, fleet, toStart, (s) => s.present > 0 && s.running === s.present, 'after the starts'),
    130_000,
    'the page did not show the started rows running',
  );
  await page.waitForTimeout(50); // the probe stamps rows at the next animation frame
  const seen = await page.evaluate(() => (window as unknown as { __berthRunning: Record<string, number> }).__berthRunning);
  const observed = Object.keys(seen).filter((name) => arrivals.has(name));
  if (observed.length === 0) throw new Error('none of the started containers was seen running in the page');
  return {
    berth: Math.max(...observed.map((name) => seen[name] - offset)) - started,
    reference: Math.max(...observed.map((name) => arrivals.get(name)!)) - started,
    lags: observed.map((name) => seen[name] - offset - arrivals.get(name)!),
  };
}

async function singleStarts(ctx: BenchContext, page: Page, engine: RawEngine, events: EventsSubscriber): Promise<Metric> {
  const fleet = await watchedFleet(engine, ctx.options.warmup + ctx.options.runs, `0bench-p2-${runId}`);
  await waitForRowStates(page, fleet, fleet.containers, (s) => s.present === fleet.containers.length && s.running === 0, 'before the single starts');
  const samples = await runJoint((i) => timeStarts(page, engine, events, fleet, [fleet.containers[i]]), { ...ctx.options, log: ctx.log });
  return pairedMetric(
    { id: 'P2', name: 'API start → row shows running', referenceName: 'bare /events subscriber (arrival)', goal: GOAL, goalMet },
    samples,
  );
}

async function burstStarts(
  ctx: BenchContext,
  page: Page,
  engine: RawEngine,
  events: EventsSubscriber,
  processes: Record<string, () => number[]>,
): Promise<Metric> {
  const fleet = await watchedFleet(engine, BURST, `0bench-p2b-${runId}`);
  const reversed = [...fleet.containers].reverse();
  const notRunning = (s: RowStates) => s.present > 0 && s.running === 0;
  await waitForRowStates(page, fleet, fleet.containers, notRunning, 'before the first burst');
  const cpu: Record<string, number[]> = {};
  const lags: number[] = [];
  const rowsObserved: number[] = [];
  const samples = await runJoint(
    async () => {
      const meter = startCpuMeter(processes);
      const timing = await timeStarts(page, engine, events, fleet, reversed);
      for (const [name, ms] of Object.entries(meter.read().cpuMs)) (cpu[name] ??= []).push(ms);
      lags.push(...timing.lags);
      rowsObserved.push(timing.lags.length);
      return timing;
    },
    {
      ...ctx.options,
      log: ctx.log,
      // Between bursts: kill all (fast), wait until the engine and then the page show none running.
      beforeEach: async (_side, i) => {
        if (i === 0) return;
        await actOnFleet(engine, fleet.containers, 'kill', KILL_CONCURRENCY);
        await waitUntilNoneRunning(engine, fleet.containers);
        await waitForRowStates(page, fleet, fleet.containers, notRunning, 'after killing the burst');
      },
    },
  );
  await actOnFleet(engine, fleet.containers, 'kill', KILL_CONCURRENCY);
  const counted = ctx.options.runs;
  return pairedMetric(
    {
      id: 'P2-burst',
      name: `burst of ${BURST} starts → last row in view running`,
      referenceName: 'bare /events subscriber (last arrival, same containers)',
      goal: GOAL,
      goalMet,
      details: {
        rowsInViewMedian: median(rowsObserved.slice(-counted)),
        rowLagMs: { p50: round(median(lags)), p95: round(percentile(lags, 95)), max: round(Math.max(...lags)) },
        ...Object.fromEntries(
          Object.entries(cpu).map(([name, values]) => [`${name}CpuMsPerBurstMedian`, round(median(values.slice(-counted)))]),
        ),
      },
    },
    samples,
  );
}

export default defineBenchmark({
  name: 'container-start',
  metrics: ['P2', 'P2-burst'],
  description: `container start → row shows running; burst of ${BURST}`,
  async run(ctx) {
    const engine = new RawEngine(undefined, 64);
    ctx.defer(() => engine.close());
    ctx.defer(async () => ctx.log(`removed ${await removeFleet(engine)} containers`));
    const events = subscribeRawEvents({ type: ['container'], event: ['start'] });
    ctx.defer(() => events.close());
    await events.ready;

    const berth = await launchBerth({ buildDir: ctx.buildDir });
    ctx.defer(() => berth.stop());
    const browser = await launchChromium();
    ctx.defer(() => browser.close());
    const { page } = await openBerthPage(browser, berth);
    const dockerd = dockerdPid();
    const processes: Record<string, () => number[]> = {
      berthServer: () => [berth.pid],
      chromium: () => chromiumTree(),
      ...(dockerd ? { dockerd: () => [dockerd] } : {}),
    };

    const metrics: Metric[] = [];
    ctx.log('single starts…');
    try {
      metrics.push(await singleStarts(ctx, page, engine, events));
    } catch (err) {
      metrics.push(failedMetric({ id: 'P2', name: 'API start → row shows running', goal: GOAL }, err));
    }
    ctx.log(`bursts of ${BURST} starts…`);
    try {
      metrics.push(await burstStarts(ctx, page, engine, events, processes));
    } catch (err) {
      metrics.push(failedMetric({ id: 'P2-burst', name: `burst of ${BURST} starts → last row in view running`, goal: GOAL }, err));
    }
    return metrics;
  },
});
