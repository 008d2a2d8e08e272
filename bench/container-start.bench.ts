// P2 — a container start (API call, as `docker start` makes it) → its row shows running in Berth's page,
// against a bare /events subscriber's arrival time in Node, both from the same start; then a burst of 200
// starts → the last row shows running, against the last start event's arrival.
import type { Page } from '@playwright/test';
import { launchBerth, launchChromium, measureClockOffset, openBerthPage } from './lib/berth';
import { defineBenchmark, type BenchContext } from './lib/benchmark';
import { RawEngine, subscribeRawEvents, type EventsSubscriber } from './lib/engine';
import { actOnFleet, createFleet, removeFleet, runId, waitUntilNoneRunning, type FleetContainer } from './lib/fleet';
import { epochNow, runJoint, withTimeout } from './lib/harness';
import { callProbe, rowStatesProbe, watchRunningProbe } from './lib/probes';
import { chromiumTree, dockerdPid, startCpuMeter } from './lib/proc';
import { failedMetric, pairedMetric, type Metric } from './lib/results';
import { median, round } from './lib/stats';

const BURST = 200;
const GOAL = '≤ arrival + 33 ms';
const goalMet = ({ berth, reference }: { berth: { median: number }; reference: { median: number } }) =>
  berth.median <= reference.median + 33;

/** A fleet whose rows the page can find: names `${prefix}-NN`, matched with a fixed digit count. */
interface WatchedFleet {
  containers: FleetContainer[];
  pattern: string;
}

async function watchedFleet(engine: RawEngine, count: number, prefix: string): Promise<WatchedFleet> {
  const containers = await createFleet(engine, count, { prefix });
  return { containers, pattern: `(${prefix}-\\d{${String(count - 1).length}})` };
}

/** Waits until the page has a row for each container and `running` of them show running. */
async function waitForRows(page: Page, fleet: WatchedFleet, names: string[], running: number, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = { present: 0, running: 0, rows: 0 };
  while (Date.now() < deadline) {
    last = await page.evaluate(callProbe(rowStatesProbe, { names, pattern: fleet.pattern }));
    if (last.present === names.length && last.running === running) return;
    await page.waitForTimeout(100);
  }
  throw new Error(
    `${what}: the page shows ${last.present}/${names.length} rows (${last.running} running, want ${running}; ${last.rows} rows in all). ` +
      'A virtualised list shows only rows in view: the bench uses a tall window and names that sort first.',
  );
}

/** Starts the containers and returns [Berth's last "row shows running", the last event arrival], both ms after the start call. */
async function timeStarts(
  page: Page,
  engine: RawEngine,
  events: EventsSubscriber,
  fleet: WatchedFleet,
  containers: FleetContainer[],
): Promise<{ berth: number; reference: number }> {
  const names = containers.map((c) => c.name);
  const offset = await measureClockOffset(page, 9);
  await page.evaluate(callProbe(watchRunningProbe, { names, pattern: fleet.pattern }));
  const alreadyRunning = await page.evaluate(() => (window as unknown as { __berthRunningAtStart: string[] }).__berthRunningAtStart);
  if (alreadyRunning.length) throw new Error(`rows already showed running before the start: ${alreadyRunning.join(', ')}`);
  const arrivals = Promise.all(containers.map((c) => events.waitFor((e) => e.Actor.ID === c.id, 120_000)));

  const started = epochNow();
  await actOnFleet(engine, containers, 'start');
  const lastArrival = Math.max(...(await arrivals));
  await withTimeout(
    page.waitForFunction(
      (count) => Object.keys((window as unknown as { __berthRunning: Record<string, number> }).__berthRunning).length >= count,
      names.length,
      { polling: 50, timeout: 0 },
    ),
    60_000,
    `the page did not show ${names.length} row(s) running`,
  );
  const seen = await page.evaluate(() => (window as unknown as { __berthRunning: Record<string, number> }).__berthRunning);
  const lastSeen = Math.max(...Object.values(seen)) - offset;
  return { berth: lastSeen - started, reference: lastArrival - started };
}

async function singleStarts(ctx: BenchContext, page: Page, engine: RawEngine, events: EventsSubscriber): Promise<Metric> {
  const count = ctx.options.warmup + ctx.options.runs;
  const fleet = await watchedFleet(engine, count, `0bench-p2-${runId}`);
  await waitForRows(page, fleet, fleet.containers.map((c) => c.name), 0, 'before the single starts');
  const samples = await runJoint((i) => timeStarts(page, engine, events, fleet, [fleet.containers[i]]), { ...ctx.options, log: ctx.log });
  return pairedMetric(
    {
      id: 'P2',
      name: 'API start → row shows running',
      referenceName: 'bare /events subscriber (arrival)',
      goal: GOAL,
      goalMet,
    },
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
  const names = fleet.containers.map((c) => c.name);
  await waitForRows(page, fleet, names, 0, 'before the first burst');
  const cpu: Record<string, number[]> = {};
  const samples = await runJoint(
    async () => {
      const meter = startCpuMeter(processes);
      const pair = await timeStarts(page, engine, events, fleet, fleet.containers);
      for (const [name, ms] of Object.entries(meter.read().cpuMs)) (cpu[name] ??= []).push(ms);
      return pair;
    },
    {
      ...ctx.options,
      log: ctx.log,
      // Reset between bursts: kill all (fast), then wait until the page shows none of them running.
      beforeEach: async (_side, i) => {
        if (i === 0) return;
        await actOnFleet(engine, fleet.containers, 'kill');
        await waitUntilNoneRunning(engine, fleet.containers);
        await waitForRows(page, fleet, names, 0, 'after killing the burst');
      },
    },
  );
  await actOnFleet(engine, fleet.containers, 'kill');
  return pairedMetric(
    {
      id: 'P2-burst',
      name: `burst of ${BURST} starts → last row running`,
      referenceName: 'bare /events subscriber (last arrival)',
      goal: GOAL,
      goalMet,
      details: Object.fromEntries(
        Object.entries(cpu).map(([name, values]) => [`${name}CpuMsPerBurstMedian`, round(median(values.slice(-samples.berth.length)))]),
      ),
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
    // Tall enough that a virtualised list keeps every benchmark row in the DOM.
    const { page } = await openBerthPage(browser, berth, { viewport: { width: 1280, height: 9000 } });
    const dockerd = dockerdPid();
    const processes: Record<string, () => number[]> = {
      berthServer: () => [berth.pid],
      ...(dockerd ? { dockerd: () => [dockerd] } : {}),
      chromium: () => chromiumTree(),
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
      metrics.push(failedMetric({ id: 'P2-burst', name: `burst of ${BURST} starts → last row running`, goal: GOAL }, err));
    }
    return metrics;
  },
});
