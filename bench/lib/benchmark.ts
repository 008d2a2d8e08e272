// What a benchmark file (bench/<name>.bench.ts) exports, and what the runner hands it.
import type { Metric } from './results';
import type { RunOptions } from './harness';

export interface BenchContext {
  /** Warm-up and counted runs (from the command line; at least 1 and 5). */
  options: Pick<RunOptions, 'warmup' | 'runs'>;
  /** Where the app was built for this bench run (see lib/berth.ts launchBerth). */
  buildDir: string;
  log(line: string): void;
  /** Registers cleanup (remove containers, stop Berth, close the browser). Runs last-in first-out, also on Ctrl+C. */
  defer(cleanup: () => Promise<unknown> | unknown): void;
}

export interface Benchmark {
  /** Short name used to pick it: `npm run bench -- <name>` (also matches its file name and metric ids). */
  name: string;
  /** The metric ids it reports, e.g. ['P1']. */
  metrics: string[];
  description: string;
  run(ctx: BenchContext): Promise<Metric[]>;
}

export function defineBenchmark(benchmark: Benchmark): Benchmark {
  return benchmark;
}
