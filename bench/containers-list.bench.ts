// P1 — 500 containers: refresh → rows painted, against a raw keep-alive GET /containers/json?all=1 +
// JSON.parse in Node. Berth's figure is measured in the page on each reload: from the page sending its
// containers.list request to the first animation frame after the DOM holds the rows.
import { launchBerth, launchChromium, openBerthPage } from './lib/berth';
import { defineBenchmark } from './lib/benchmark';
import { RawEngine } from './lib/engine';
import { createFleet, removeFleet, runId } from './lib/fleet';
import { runPairs, withTimeout } from './lib/harness';
import { listPaintProbe } from './lib/probes';
import { dockerdPid, sampleGroup } from './lib/proc';
import { pairedMetric } from './lib/results';
import { median, round } from './lib/stats';

const FLEET_SIZE = 500;

interface ProbeState {
  listRequestedAt?: number;
  firstSendAt?: number;
  domAt?: number;
  paintedAt?: number;
  rows: number;
  longTasks: number[];
}

export default defineBenchmark({
  name: 'containers-list',
  metrics: ['P1'],
  description: `list ${FLEET_SIZE} containers → rows painted`,
  async run(ctx) {
    const engine = new RawEngine();
    ctx.defer(() => engine.close());
    ctx.log(`creating ${FLEET_SIZE} containers (label berth.bench.run=${runId})…`);
    ctx.defer(async () => ctx.log(`removed ${await removeFleet(engine)} containers`));
    await createFleet(engine, FLEET_SIZE, { prefix: `0bench-p1-${runId}` });

    const berth = await launchBerth({ buildDir: ctx.buildDir });
    ctx.defer(() => berth.stop());
    const browser = await launchChromium();
    ctx.defer(() => browser.close());
    const { page } = await openBerthPage(browser, berth, {
      initScripts: [{ script: listPaintProbe, arg: { minRows: FLEET_SIZE } }],
    });

    const readProbe = () => page.evaluate(() => (window as unknown as { __berthBench: ProbeState }).__berthBench);
    const waitForPaint = async (): Promise<ProbeState> => {
      await withTimeout(
        page.waitForFunction(() => (window as unknown as { __berthBench?: ProbeState }).__berthBench?.paintedAt !== undefined, null, {
          polling: 100,
          timeout: 0,
        }),
        60_000,
        `the page never showed ${FLEET_SIZE} rows (looked for [role=row] / table rows inside <main>)`,
      );
      return readProbe();
    };
    await waitForPaint();

    const navigationToPainted: number[] = [];
    const longestTasks: number[] = [];
    let rowsSeen = 0;
    let measuredFrom = 'containers.list request';
    const berthRun = async () => {
      await page.reload();
      const state = await waitForPaint();
      const from = state.listRequestedAt ?? state.firstSendAt;
      if (state.listRequestedAt === undefined) measuredFrom = "the page's first WebSocket message (no containers.list seen)";
      if (from === undefined) throw new Error('the page sent nothing over its WebSocket');
      navigationToPainted.push(state.paintedAt!);
      longestTasks.push(Math.max(0, ...state.longTasks));
      rowsSeen = state.rows;
      return state.paintedAt! - from;
    };
    let listed = 0;
    const referenceRun = async () => {
      const started = performance.now();
      const list = await engine.json<unknown[]>('/containers/json?all=1');
      const elapsed = performance.now() - started;
      listed = list.length;
      if (listed < FLEET_SIZE) throw new Error(`the engine listed ${listed} containers, fewer than the fleet`);
      return elapsed;
    };

    const samples = await runPairs(berthRun, referenceRun, { ...ctx.options, log: ctx.log });
    const memory = sampleGroup([berth.pid]);
    const dockerd = dockerdPid();
    return [
      pairedMetric(
        {
          id: 'P1',
          name: `list ${FLEET_SIZE} containers → painted`,
          referenceName: 'raw keep-alive GET /containers/json?all=1 + JSON.parse',
          goal: '≤ 1.5× raw + 16.7 ms',
          goalMet: ({ berth, reference }) => berth.median <= 1.5 * reference.median + 16.7,
          details: {
            measuredFrom,
            rowsInList: rowsSeen,
            containersOnEngine: listed,
            navigationToPaintedMedianMs: round(median(navigationToPainted.slice(-samples.berth.length))),
            longestLongTaskMedianMs: round(median(longestTasks.slice(-samples.berth.length))),
            berthServerRssMB: round(memory.rssBytes / 1048576),
            dockerdRssMB: dockerd ? round(sampleGroup([dockerd]).rssBytes / 1048576) : undefined,
          },
        },
        samples,
      ),
    ];
  },
});
