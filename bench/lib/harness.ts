// Running Berth and its reference side by side: warm-ups first, then counted runs alternating A B A B …,
// so slow spells on this shared machine hit both sides alike.

export interface RunOptions {
  /** Uncounted runs of each side before measuring (JIT, caches, keep-alive sockets). At least 1. */
  warmup: number;
  /** Counted runs of each side. At least 5. */
  runs: number;
  /** Called before each run of either side (e.g. to reset state); not timed. */
  beforeEach?: (side: 'berth' | 'reference', index: number) => Promise<void> | void;
  /** Progress lines go here. */
  log?: (line: string) => void;
}

export interface PairedSamples {
  berth: number[];
  reference: number[];
}

/** One measured run: returns its figure (usually ms). */
export type Measurement = () => Promise<number>;

/** Alternates berth and reference runs; returns the counted samples, pair i = berth[i] with reference[i]. */
export async function runPairs(berth: Measurement, reference: Measurement, options: RunOptions): Promise<PairedSamples> {
  const samples: PairedSamples = { berth: [], reference: [] };
  const total = Math.max(1, options.warmup) + Math.max(1, options.runs);
  for (let i = 0; i < total; i++) {
    const counted = i >= Math.max(1, options.warmup);
    // Alternate which side goes first in each pair as well, so neither always runs on a "warmer" machine.
    const order: ('berth' | 'reference')[] = i % 2 === 0 ? ['berth', 'reference'] : ['reference', 'berth'];
    const pair: Partial<Record<'berth' | 'reference', number>> = {};
    for (const side of order) {
      await options.beforeEach?.(side, i);
      pair[side] = await (side === 'berth' ? berth() : reference());
    }
    options.log?.(`${counted ? 'run' : 'warm-up'} ${i + 1}/${total}: berth ${fmt(pair.berth!)}, reference ${fmt(pair.reference!)}`);
    if (counted) {
      samples.berth.push(pair.berth!);
      samples.reference.push(pair.reference!);
    }
  }
  return samples;
}

/**
 * For metrics where one action yields both figures at once (a container start seen by Berth's page and by
 * a bare /events subscriber in the same run): runs the action warmup + runs times and keeps the counted pairs.
 */
export async function runJoint(
  measure: (index: number) => Promise<{ berth: number; reference: number }>,
  options: RunOptions,
): Promise<PairedSamples> {
  const samples: PairedSamples = { berth: [], reference: [] };
  const warmup = Math.max(1, options.warmup);
  const total = warmup + Math.max(1, options.runs);
  for (let i = 0; i < total; i++) {
    await options.beforeEach?.('berth', i);
    const pair = await measure(i);
    options.log?.(`${i >= warmup ? 'run' : 'warm-up'} ${i + 1}/${total}: berth ${fmt(pair.berth)}, reference ${fmt(pair.reference)}`);
    if (i >= warmup) {
      samples.berth.push(pair.berth);
      samples.reference.push(pair.reference);
    }
  }
  return samples;
}

function fmt(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : String(value);
}

/** Rejects with `message` when `promise` takes longer than `ms`: a benchmark that hangs reports why instead. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} (after ${ms} ms)`)), ms);
    }),
  ]);
}

/** A monotonic clock in epoch milliseconds, comparable (after clock-offset correction) with a page's. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
