// `npm run bench [-- <name>… ] [--runs N] [--warmup N] [--no-build]`: runs the benchmarks (all, or those
// whose name, file or metric id matches), writes bench/results/latest.json and prints a table. Nothing fails
// on a number; a benchmark that cannot run reports why as an error metric and the others go on.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchBuildDir, buildBerth } from './lib/berth';
import type { Benchmark, BenchContext } from './lib/benchmark';
import { RawEngine } from './lib/engine';
import { failedMetric, formatTable, resultsFile, writeResults, type Metric } from './lib/results';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv: string[]) {
  const names: string[] = [];
  let runs = 5;
  let warmup = 1;
  let build = process.env.BERTH_BENCH_BUILD !== '0';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') runs = Math.max(5, Number(argv[++i]));
    else if (arg === '--warmup') warmup = Math.max(1, Number(argv[++i]));
    else if (arg === '--no-build') build = false;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench -- [name|metric-id …] [--runs N (≥5)] [--warmup N (≥1)] [--no-build]');
      process.exit(0);
    } else names.push(arg.toLowerCase());
  }
  if (!Number.isFinite(runs) || !Number.isFinite(warmup)) throw new Error('--runs and --warmup take numbers');
  return { names, runs, warmup, build };
}

async function loadBenchmarks(): Promise<{ file: string; benchmark: Benchmark }[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  const loaded = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
    loaded.push({ file, benchmark: module.default });
  }
  return loaded;
}

function matches(entry: { file: string; benchmark: Benchmark }, names: string[]): boolean {
  if (names.length === 0) return true;
  const haystack = [entry.benchmark.name, entry.file, ...entry.benchmark.metrics].map((s) => s.toLowerCase());
  return names.some((name) => haystack.some((h) => h === name || h.includes(name)));
}

async function machineDescription(): Promise<string> {
  const engine = new RawEngine();
  try {
    const version = await engine.json<{ Version: string }>('/version');
    return `${os.cpus().length} cores, dockerd ${version.Version}`;
  } catch {
    return `${os.cpus().length} cores, dockerd not answering`;
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const selected = (await loadBenchmarks()).filter((entry) => matches(entry, args.names));
  if (selected.length === 0) {
    console.error(`No benchmark matches ${args.names.join(', ')}.`);
    process.exit(2);
  }
  if (args.build) {
    console.error(`[bench] building Berth into ${benchBuildDir}…`);
    try {
      buildBerth();
    } catch (err) {
      // The build's own report (stderr) says which file failed; nothing can be measured without a build.
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
      console.error(`[bench] the build failed, so nothing was measured:\n${stderr || (err as Error).message}`);
      process.exit(1);
    }
  }

  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const runCleanups = async () => {
    while (cleanups.length) {
      const cleanup = cleanups.pop()!;
      try {
        await cleanup();
      } catch (err) {
        console.error(`[bench] cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  process.once('SIGINT', () => {
    console.error('\n[bench] interrupted: cleaning up…');
    void runCleanups().then(() => process.exit(130));
  });

  const metrics: Metric[] = [];
  for (const { benchmark } of selected) {
    const ctx: BenchContext = {
      options: { warmup: args.warmup, runs: args.runs },
      buildDir: benchBuildDir,
      log: (line) => console.error(`[${benchmark.name}] ${line}`),
      defer: (cleanup) => cleanups.push(cleanup),
    };
    console.error(`[bench] ${benchmark.name}: ${benchmark.description}`);
    try {
      metrics.push(...(await benchmark.run(ctx)));
    } catch (err) {
      console.error(`[bench] ${benchmark.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      for (const id of benchmark.metrics) metrics.push(failedMetric({ id, name: benchmark.description, goal: '' }, err));
    } finally {
      await runCleanups();
    }
  }

  writeResults(metrics, await machineDescription());
  console.log(formatTable(metrics));
  console.error(`[bench] results: ${resultsFile}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
