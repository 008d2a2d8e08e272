// P5 — follow a container writing 50,000 lines/s for 60 s (BERTH_BENCH_P5_SECONDS to change) in Berth's
// page: no long task over 50 ms, display lag p95 ≤ 100 ms, zero lines lost, and Berth's CPU (main process
// and its page) ≤ dockerd's CPU for the same stream. One run per counted run; the reference is dockerd's
// CPU on the same stream, measured over the same interval. After each of Berth's runs, a bare page
// (bare-log-server.ts) follows the same kind of stream under the same probe: the floor this machine allows.
//
// Display lag: at every (60 Hz) frame, how far behind the stream the screen is — Date.now() − the engine
// timestamp of the line after the newest one on screen, when the engine had stamped it by then, else 0
// (display-lag.ts). followProbe records each frame's newest line without making frames of its own; the
// stamps are read from the engine after the run. The engine stamps a line when it reads it from the
// container, on this same machine's wall clock, which the page's Date.now() also reads. Until stop 7 the
// figure was the newest shown line's age, which also counts the logger's pauses (it writes a tenth of a
// second's lines, then sleeps): kept in the details as newestLineAgeP95.
//
// Each run's set-up (opening the view) goes through Playwright; the followed part runs with Playwright
// detached (bare-browser.ts): a user's browser has no DevTools attached, and Playwright's Network domain
// would mirror every WebSocket frame of the stream to the bench process.
import { BareBrowser, DetachablePage, TimedParts } from './lib/bare-browser';
import { launchBareLogViewer } from './lib/bare-log-viewer';
import { launchBerth } from './lib/berth';
import { defineBenchmark } from './lib/benchmark';
import { runId } from './lib/fleet';
import { displayLags } from './lib/display-lag';
import { epochNow, runJoint } from './lib/harness';
import { chromiumCpuGroups, chromiumTree, dockerdPid, processTree, startCpuMeter } from './lib/proc';
import { failedMetric, pairedMetric } from './lib/results';
import { median, percentile, round } from './lib/stats';
import { startWakeProbe, type WakeDelays } from './lib/wake-probe';
import {
  closeLogViews,
  engineLineStamps,
  linesReceived,
  logViewTitle,
  removeBenchLogContainers,
  runLogger,
  showContainerRow,
  startContainer,
  waitForLastLine,
} from './logs-kit';

// The rate asked of the logger (BERTH_BENCH_P5_RATE to see the same page on a machine with room to spare).
const RATE = Number(process.env.BERTH_BENCH_P5_RATE ?? 50_000);
const SECONDS = Number(process.env.BERTH_BENCH_P5_SECONDS ?? 60);
const P5 = {
  // Another rate is another metric: it must not replace P5's figures in latest.json.
  id: RATE === 50_000 ? 'P5' : `P5@${RATE}`,
  name: `follow ${RATE.toLocaleString('en-US')} lines/s for ${SECONDS} s`,
  goal: 'no long task > 50 ms; lag p95 ≤ 100 ms; 0 lost; Berth CPU ≤ dockerd CPU',
};

/**
 * In-page: long tasks and the lag of the newest line shown at each frame. The probe makes no frames of its
 * own: a requestAnimationFrame loop would have the page produce a frame (style, paint, commit, compositor
 * and display work) 60 times a second while Berth repaints ~20 times — the probe's cost, not Berth's.
 * Instead, a DOM change in the list asks for one frame, whose callback reads the newest row (the frame
 * that shows it), and every 60 Hz frame until the next change is filled in as a loop would have read it:
 * its time, the newest line's number (for the display lag) and that line's age.
 */
const followProbe = String.raw`function installFollowProbe() {
  const FRAME_MS = 1000 / 60;
  const state = { longTasks: [], lags: [], shownLags: [], shownGaps: [], frameAt: [], frameNewest: [], frames: 0, running: false };
  window.__logsFollow = state;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) state.longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  } catch {}
  let shown; // { ts, number, next, at }: the newest line on screen, and the next frame time not yet sampled
  let pending = false;
  let observer;
  const newestLine = () => {
    const rows = document.querySelectorAll('[role=list][aria-label="Log lines"] [role=listitem]');
    const newest = rows[rows.length - 1];
    const stamp = newest?.querySelector('.log-ts');
    if (!stamp) return { ts: NaN, number: NaN };
    // "YYYY-MM-DD HH:MM:SS.mmm", local time; the line is "stdout line N"
    const number = /line (\d+)$/.exec(newest.textContent);
    return { ts: Date.parse(stamp.textContent.replace(' ', 'T')), number: number ? Number(number[1]) : NaN };
  };
  const fillUntil = (until) => {
    if (!shown) return;
    for (; shown.next < until; shown.next += FRAME_MS) {
      state.lags.push(shown.next - shown.ts);
      state.frameAt.push(shown.next);
      state.frameNewest.push(shown.number);
      state.frames++;
    }
  };
  const sample = () => {
    pending = false;
    if (!state.running) return;
    const now = Date.now();
    const { ts, number } = newestLine();
    if (Number.isNaN(ts) || Number.isNaN(number) || (shown && shown.number === number)) return;
    fillUntil(now);
    if (shown) state.shownGaps.push(now - shown.at);
    state.shownLags.push(now - ts);
    shown = { ts, number, next: now, at: now };
  };
  state.start = () => {
    Object.assign(state, { longTasks: [], lags: [], shownLags: [], shownGaps: [], frameAt: [], frameNewest: [], frames: 0, running: true });
    shown = undefined;
    observer = new MutationObserver(() => {
      if (pending || !state.running) return;
      pending = true;
      requestAnimationFrame(sample);
    });
    observer.observe(document.querySelector('[role=list][aria-label="Log lines"]'), { childList: true, subtree: true, characterData: true });
    pending = true;
    requestAnimationFrame(sample);
  };
  state.stop = () => {
    fillUntil(Date.now());
    state.running = false;
    observer?.disconnect();
    return { longTasks: state.longTasks, lags: state.lags, shownLags: state.shownLags, shownGaps: state.shownGaps, frameAt: state.frameAt, frameNewest: state.frameNewest, frames: state.frames };
  };
}`;

interface FollowState {
  longTasks: number[];
  /** At each frame: its time − the newest shown line's timestamp (the newest line's age, not lag: see display-lag.ts). */
  lags: number[];
  /** At each frame: its time (epoch ms) and the number of the newest line shown (for displayLags). */
  frameAt: number[];
  frameNewest: number[];
  /** The lag of each newest line when first read (the frame that shows it), and the ms between those frames. */
  shownLags: number[];
  shownGaps: number[];
  frames: number;
  running: boolean;
}

/** One followed stream in a page: from the container's start to its last line on screen, with the meters on. */
async function followToLastLine(
  page: DetachablePage,
  timed: TimedParts,
  run: { name: string; total: number; seconds: number },
  cpuGroups: Record<string, () => number[]>,
  /** After the container starts: what makes the page follow it (Berth's view already does). */
  startFollowing?: () => Promise<void>,
): Promise<{ probe: Omit<FollowState, 'running'>; elapsed: number; cpuMs: Record<string, number>; wake: WakeDelays }> {
  await timed.begin();
  const cpu = startCpuMeter(cpuGroups);
  const wakeProbe = startWakeProbe();
  await page.evaluate('window.__logsFollow.start()');
  const started = epochNow();
  startContainer(run.name);
  await startFollowing?.();
  await waitForLastLine(page, `stdout line ${run.total}`, (run.seconds + 120) * 1000);
  const elapsed = (epochNow() - started) / 1000;
  const used = cpu.read();
  const probe = await page.evaluate<Omit<FollowState, 'running'>>('window.__logsFollow.stop()');
  const wake = await wakeProbe.stop();
  await timed.end();
  return { probe, elapsed, cpuMs: used.cpuMs, wake };
}

const longestOf = (tasks: number[]) => round(tasks.reduce((max, ms) => Math.max(max, ms), 0));

/** Display lag p95 of a followed run (display-lag.ts), with the stamps of the lines it needs from the engine. */
async function displayLagP95(name: string, probe: Omit<FollowState, 'running'>): Promise<number> {
  const stamps = await engineLineStamps(name, new Set(probe.frameNewest.map((newest) => newest + 1)));
  const frames = probe.frameAt.map((at, i) => ({ at, newest: probe.frameNewest[i] }));
  return round(percentile(displayLags(frames, (line) => stamps.get(line)), 95));
}

export default defineBenchmark({
  name: 'logs-follow',
  metrics: [P5.id],
  description: `follow ${RATE} lines/s for ${SECONDS} s: long tasks, display lag, lines lost, CPU vs dockerd; a bare page following the same stream is the floor`,
  async run(ctx) {
    ctx.defer(() => ctx.log(`removed ${removeBenchLogContainers('0bench-p5-')} log containers`));
    const berth = await launchBerth({ buildDir: ctx.buildDir });
    ctx.defer(() => berth.stop());
    const bare = await launchBareLogViewer();
    ctx.defer(() => bare.stop());
    const browser = await BareBrowser.launch();
    ctx.defer(() => browser.close());
    const page = await DetachablePage.open(browser, berth.url, { initScripts: [`(${followProbe})()`] });
    const timed = new TimedParts(browser, { label: 'P5', page });
    // The floor: the same probe in a bare page (bare-log-server.ts) following the same kind of stream, right
    // after Berth's run — what this machine allows any page under this load.
    const floorPage = await DetachablePage.open(browser, bare.url, { initScripts: [`(${followProbe})()`] });
    const floorTimed = new TimedParts(browser);
    const dockerd = dockerdPid();
    if (!dockerd) return [failedMetric(P5, new Error('dockerd’s pid file was not found'))];

    const perRun: { lagP95: number; newestLineAgeP95: number; longest: number; lost: number; berthCpu: number; dockerdCpu: number; cpuByProcess: Record<string, number>; machineWakeDelays: WakeDelays; rate: number; shownLagP50: number; shownLagP95: number; shownGapP50: number; shownGapP95: number; floor: { lagP95: number; newestLineAgeP95: number; longest: number; lost: number; serverCpu: number; browserCpu: number; dockerdCpu: number; machineWakeDelays: WakeDelays } }[] = [];
    try {
      const samples = await runJoint(
        async (i) => {
          const seconds = i === 0 ? Math.min(10, SECONDS) : SECONDS; // a short warm-up
          const total = RATE * seconds;
          const env = { LINES_PER_SEC: String(RATE), TOTAL: String(total), STDERR_EVERY: '0' };
          const name = `0bench-p5-${runId}-${i}`;
          runLogger(name, env, false);
          await page.ui(async (ui) => {
            await closeLogViews(ui);
            await showContainerRow(ui, name);
            await ui.getByRole('button', { name: `Logs ${name}`, exact: true }).click();
            const view = ui.getByRole('tabpanel', { name: logViewTitle(name) });
            await view.getByRole('button', { name: 'Timestamps' }).click();
            await view.getByLabel('Log status').getByText('Container stopped', { exact: true }).waitFor({ timeout: 30_000 });
          });
          const { probe, elapsed, cpuMs, wake } = await followToLastLine(page, timed, { name, total, seconds }, {
            berth: () => processTree(berth.pid),
            browser: () => chromiumTree(),
            dockerd: () => [dockerd],
            // The browser's share, by process: where Berth's page costs.
            ...chromiumCpuGroups(chromiumTree()),
          });
          const received = await linesReceived(page, logViewTitle(name));
          const lost = total - (received.kept + received.dropped - 1); // minus the "container restarted" marker
          const berthCpu = cpuMs.berth + cpuMs.browser;

          const floorName = `0bench-p5-${runId}-${i}-floor`;
          runLogger(floorName, env, false);
          const floor = await followToLastLine(
            floorPage,
            floorTimed,
            { name: floorName, total, seconds },
            { server: () => [bare.pid], browser: () => chromiumTree(), dockerd: () => [dockerd] },
            () => floorPage.evaluate(`window.__bareFollow(${JSON.stringify(floorName)})`),
          );
          const floorLost = total - (await floorPage.evaluate<number>('window.__bareCount()'));

          const run = {
            lagP95: await displayLagP95(name, probe),
            newestLineAgeP95: round(percentile(probe.lags, 95)),
            longest: longestOf(probe.longTasks),
            lost,
            berthCpu: round(berthCpu),
            dockerdCpu: round(cpuMs.dockerd),
            cpuByProcess: {
              main: round(cpuMs.berth),
              pageRenderer: round(cpuMs.pageRenderer),
              browserProcess: round(cpuMs.browserProcess),
              gpuAndUtility: round(cpuMs.gpuAndUtility),
            },
            // How late a 1 ms timer in another process woke meanwhile: the machine's floor for long tasks.
            machineWakeDelays: wake,
            rate: round(total / elapsed),
            // Where the lag comes from: how old the newest line is when it first shows, and how often it changes.
            shownLagP50: round(percentile(probe.shownLags, 50)),
            shownLagP95: round(percentile(probe.shownLags, 95)),
            shownGapP50: round(percentile(probe.shownGaps, 50)),
            shownGapP95: round(percentile(probe.shownGaps, 95)),
            floor: {
              lagP95: await displayLagP95(floorName, floor.probe),
              newestLineAgeP95: round(percentile(floor.probe.lags, 95)),
              longest: longestOf(floor.probe.longTasks),
              lost: floorLost,
              serverCpu: round(floor.cpuMs.server),
              browserCpu: round(floor.cpuMs.browser),
              dockerdCpu: round(floor.cpuMs.dockerd),
              machineWakeDelays: floor.wake,
            },
          };
          perRun.push(run);
          ctx.log(
            `lines ${total}, ${run.rate} lines/s achieved, lag p95 ${run.lagP95} ms (newest line's age p95 ${run.newestLineAgeP95} ms; newest line p50/p95 ${run.shownLagP50}/${run.shownLagP95} ms old when shown, shown every ${run.shownGapP50}/${run.shownGapP95} ms), longest task ${run.longest} ms (a 1 ms timer elsewhere woke up to ${wake.maxMs} ms late, ${wake.over50Ms}× over 50 ms), lost ${lost}, CPU berth ${round(cpuMs.berth)} + page ${round(cpuMs.browser)} ms vs dockerd ${run.dockerdCpu} ms`,
          );
          ctx.log(
            `  floor (bare page, same stream): lag p95 ${run.floor.lagP95} ms (newest line's age p95 ${run.floor.newestLineAgeP95} ms), longest task ${run.floor.longest} ms (timer up to ${floor.wake.maxMs} ms late, ${floor.wake.over50Ms}× over 50 ms), lost ${floorLost}, CPU server ${run.floor.serverCpu} + browser ${run.floor.browserCpu} ms vs dockerd ${run.floor.dockerdCpu} ms`,
          );
          return { berth: berthCpu, reference: cpuMs.dockerd };
        },
        { warmup: 1, runs: ctx.options.runs },
      );
      const counted = perRun.slice(1);
      return [
        pairedMetric(
          {
            ...P5,
            unit: 'CPU ms',
            referenceName: 'dockerd CPU for the same stream',
            goalMet: ({ berth: b, reference: r }) =>
              b.median <= r.median &&
              counted.every((run) => run.longest <= 50 && run.lost === 0) &&
              median(counted.map((run) => run.lagP95)) <= 100,
            details: {
              lagP95MsMedian: median(counted.map((run) => run.lagP95)),
              newestLineAgeP95MsMedian: median(counted.map((run) => run.newestLineAgeP95)),
              longestTaskMsMax: Math.max(...counted.map((run) => run.longest)),
              machineWakeDelayMsMax: Math.max(...counted.map((run) => run.machineWakeDelays.maxMs)),
              linesLostMax: Math.max(...counted.map((run) => run.lost)),
              achievedLinesPerSecMedian: median(counted.map((run) => run.rate)),
              // The same probe in a bare page following the same stream (bare-log-server.ts), in the same runs.
              floorLagP95MsMedian: median(counted.map((run) => run.floor.lagP95)),
              floorLongestTaskMsMax: Math.max(...counted.map((run) => run.floor.longest)),
              floorLinesLostMax: Math.max(...counted.map((run) => run.floor.lost)),
              seconds: SECONDS,
              ...timed.details(),
              perRun: counted,
            },
          },
          samples,
        ),
      ];
    } catch (err) {
      return [failedMetric(P5, err)];
    }
  },
});
