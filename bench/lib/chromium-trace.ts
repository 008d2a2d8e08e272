// Recording where the page's time goes during one timed part, for finding work to cut (never part of a
// metric: recording costs CPU itself, so the traced sample is slower than the others).
//   BERTH_BENCH_TRACE=trace    a Chromium trace (every process and thread: JS, style, layout, paint, raster,
//                              mojo, GC) → bench/results/trace-<metric>.json, opens in chrome://tracing or
//                              Perfetto; `node --import tsx bench/tools/trace-summary.ts <file>` sums it up.
//   BERTH_BENCH_TRACE=profile  a V8 CPU profile of the page's JavaScript (200 µs sampling) →
//                              bench/results/profile-<metric>.cpuprofile (DevTools, or the same summary tool).
//   BERTH_BENCH_TRACE_METRIC   only this metric (e.g. P7); BERTH_BENCH_TRACE_PART which timed part (default 3:
//                              past the warm-up, so the JIT and caches are settled).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BareSession, CdpConnection } from './bare-browser';

const RESULTS_DIR = join(import.meta.dirname, '..', 'results');

/** The categories Chrome's DevTools Performance panel records, plus the compositor, scheduler and mojo. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink',
  'cc',
  'v8',
  'renderer.scheduler',
  'loading',
  'mojom',
];

export type RecordingKind = 'trace' | 'profile';

export interface RecordingRequest {
  kind: RecordingKind;
  /** Which timed part (1-based) to record. */
  part: number;
}

/** What BERTH_BENCH_TRACE asks of the metric `label`, if anything. */
export function recordingRequested(label: string | undefined): RecordingRequest | undefined {
  const kind = process.env.BERTH_BENCH_TRACE;
  if (kind !== 'trace' && kind !== 'profile') return undefined;
  const only = process.env.BERTH_BENCH_TRACE_METRIC;
  if (only && only !== label) return undefined;
  return { kind, part: Number(process.env.BERTH_BENCH_TRACE_PART ?? 3) };
}

/** A recording in progress; `stop()` writes it and returns the file. */
export interface Recording {
  stop(): Promise<string>;
}

/** Starts a browser-wide Chromium trace (streamed to the bench when stopped, not as events meanwhile). */
export async function startTrace(cdp: CdpConnection, label: string): Promise<Recording> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_CATEGORIES } });
  return {
    async stop() {
      const complete = cdp.nextEvent('Tracing.tracingComplete');
      await cdp.send('Tracing.end');
      const { stream } = (await complete) as { stream: string };
      const parts: string[] = [];
      for (;;) {
        const read = (await cdp.send('IO.read', { handle: stream, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
        parts.push(read.base64Encoded ? Buffer.from(read.data, 'base64').toString() : read.data);
        if (read.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      const file = join(RESULTS_DIR, `trace-${label}.json`);
      writeFileSync(file, parts.join(''));
      return file;
    },
  };
}

/** Starts sampling the page's JavaScript (Profiler on the page's own bare session). */
export async function startProfile(session: BareSession, label: string): Promise<Recording> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
      await session.send('Profiler.disable');
      const file = join(RESULTS_DIR, `profile-${label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}
