// P3 — open the logs of a 1,000,000-line container (click "Logs" on its row) → first screen painted,
// against the raw tail=1000 call on the engine socket; memory stays bounded.
// P4 — the whole 1,000,000 lines into the view (Tail "all", Apply) → the view accounts for every line: it
// keeps the newest 100,000 and says how many older ones are not shown (main sends only what the view keeps
// and counts the rest on a stream without timestamps), as lines/s, against `docker logs <c> > /dev/null`
// (and, in details, `docker logs -t`: the kept lines carry timestamps — Berth resumes, pages back and
// merges by them — which costs the engine ~30% per line).
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { launchBerth, launchChromium, openBerthPage } from './lib/berth';
import { defineBenchmark } from './lib/benchmark';
import { RawEngine } from './lib/engine';
import { runPairs } from './lib/harness';
import { processTree, sampleGroup } from './lib/proc';
import { failedMetric, pairedMetric, type Metric } from './lib/results';
import { median, round } from './lib/stats';
import {
  BIG_LOG_LINES,
  clickUntilPainted,
  closeLogViews,
  ensureBigLogContainer,
  linesReceived,
  logViewTitle,
  pageHeapMb,
  removeBenchLogContainers,
  showContainerRow,
} from './logs-kit';

const P3 = { id: 'P3', name: 'open logs of a 1M-line container → first screen', goal: '≤ raw + 50 ms, memory bounded' };
const P4 = { id: 'P4', name: 'drain 1M log lines into the view', goal: '≥ 0.9× lines/s', unit: 'lines/s' };

/** `docker logs [flags] name > /dev/null`: wall time in ms. */
function cliDrain(name: string, flags: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const devNull = openSync('/dev/null', 'w');
    const started = performance.now();
    const child = spawn('docker', ['logs', ...flags, name], { stdio: ['ignore', devNull, devNull] });
    child.once('error', reject);
    child.once('exit', (code) => {
      closeSync(devNull);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`docker logs exited with ${code}`));
    });
  });
}

export default defineBenchmark({
  name: 'logs',
  metrics: ['P3', 'P4'],
  description: 'logs of a 1,000,000-line container: first screen (P3) and full drain (P4)',
  async run(ctx) {
    const { name, created } = ensureBigLogContainer(ctx.log);
    if (created && process.env.BERTH_BENCH_KEEP_LOGS !== '1') {
      ctx.defer(() => ctx.log(`removed ${removeBenchLogContainers()} log containers`));
    }
    const engine = new RawEngine();
    ctx.defer(() => engine.close());
    const berth = await launchBerth({ buildDir: ctx.buildDir });
    ctx.defer(() => berth.stop());
    const browser = await launchChromium();
    ctx.defer(() => browser.close());
    const { page } = await openBerthPage(browser, berth);
    await showContainerRow(page, name);
    const title = logViewTitle(name);
    const lastLine = `stdout line ${BIG_LOG_LINES}`;
    const metrics: Metric[] = [];
    const berthMemory = () => round(sampleGroup(processTree(berth.pid)).rssBytes / 1048576);

    // P3
    try {
      const heap: number[] = [];
      const rss: number[] = [];
      const openRun = async () => {
        await closeLogViews(page);
        const ms = await clickUntilPainted(page, { button: `Logs ${name}`, until: { lastText: lastLine }, timeoutMs: 60_000 });
        heap.push((await pageHeapMb(page)) ?? 0);
        rss.push(berthMemory());
        return ms;
      };
      const rawTail = async () => {
        const started = performance.now();
        const res = await engine.request('GET', `/containers/${name}/logs?stdout=1&stderr=1&tail=1000`);
        if (res.status !== 200) throw new Error(`raw tail: HTTP ${res.status}`);
        return performance.now() - started;
      };
      const samples = await runPairs(openRun, rawTail, { ...ctx.options, log: ctx.log });
      metrics.push(
        pairedMetric(
          {
            ...P3,
            referenceName: 'raw GET logs?tail=1000 (keep-alive socket)',
            goalMet: ({ berth: b, reference: r }) => b.median <= r.median + 50,
            details: { pageHeapMbMedian: median(heap), berthMainRssMbMedian: median(rss) },
          },
          samples,
        ),
      );
    } catch (err) {
      metrics.push(failedMetric(P3, err));
    }

    // P4
    try {
      const heap: number[] = [];
      const rss: number[] = [];
      const withTimestamps: number[] = [];
      const drainRun = async () => {
        await closeLogViews(page);
        await clickUntilPainted(page, { button: `Logs ${name}`, until: { lastText: lastLine }, timeoutMs: 60_000 });
        await page.getByRole('tabpanel', { name: title }).getByLabel('Tail').fill('all');
        const ms = await clickUntilPainted(page, { button: 'Apply', inView: title, until: { received: BIG_LOG_LINES }, timeoutMs: 300_000 });
        const received = await linesReceived(page, title);
        if (received.kept + received.dropped !== BIG_LOG_LINES) {
          throw new Error(`the view received ${received.kept + received.dropped} lines, not ${BIG_LOG_LINES}`);
        }
        heap.push((await pageHeapMb(page)) ?? 0);
        rss.push(berthMemory());
        return BIG_LOG_LINES / (ms / 1000);
      };
      const cliRun = async () => {
        const ms = await cliDrain(name);
        withTimestamps.push(BIG_LOG_LINES / ((await cliDrain(name, ['-t'])) / 1000));
        return BIG_LOG_LINES / (ms / 1000);
      };
      const samples = await runPairs(drainRun, cliRun, { ...ctx.options, log: ctx.log });
      const berthMedian = median(samples.berth);
      metrics.push(
        pairedMetric(
          {
            ...P4,
            referenceName: '`docker logs c > /dev/null`',
            goalMet: ({ ratio }) => ratio >= 0.9,
            details: {
              cliWithTimestampsLinesPerSecMedian: round(median(withTimestamps)),
              ratioToCliWithTimestamps: round(berthMedian / median(withTimestamps)),
              pageHeapMbAfterDrainMedian: median(heap),
              berthMainRssMbAfterDrainMedian: median(rss),
              keptLines: 100_000,
            },
          },
          samples,
        ),
      );
    } catch (err) {
      metrics.push(failedMetric(P4, err));
    }
    await closeLogViews(page);
    return metrics;
  },
});
