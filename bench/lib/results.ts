// The result format of /work/shared/BENCH.md: bench/results/latest.json plus a short table on stdout.
// Running a subset replaces only the metrics it measured; the others stay as they were last measured.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianDifference, medianRatio, round, summarise, type Summary } from './stats';
import type { PairedSamples } from './harness';

export const resultsFile = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'latest.json');

export interface Metric {
  id: string;
  name: string;
  unit: string;
  berth?: Summary;
  reference?: { name: string } & Partial<Summary>;
  /** Median of the per-pair ratios berth/reference. */
  ratio?: number;
  /** Median of the per-pair differences berth − reference (same unit). */
  overhead?: number;
  goal: string;
  /** Whether the medians meet the goal (informational: nothing fails on a number). */
  goalMet?: boolean;
  runs?: number;
  /** When this metric was measured (subset runs keep older metrics in the file). */
  when?: string;
  /** Anything else worth keeping: secondary figures, CPU, memory, counts. */
  details?: Record<string, unknown>;
  /** Set when the metric could not be measured; the reason, in words. */
  error?: string;
}

export interface ResultsFile {
  when: string;
  machine: string;
  metrics: Metric[];
}

export interface MetricSpec {
  id: string;
  name: string;
  unit?: string;
  referenceName: string;
  goal: string;
  /** Decides goalMet from the summaries (medians) and the paired figures. */
  goalMet?: (figures: { berth: Summary; reference: Summary; ratio: number; overhead: number }) => boolean;
  details?: Record<string, unknown>;
}

/** Builds a metric from paired samples. */
export function pairedMetric(spec: MetricSpec, samples: PairedSamples): Metric {
  const berth = roundSummary(summarise(samples.berth));
  const reference = roundSummary(summarise(samples.reference));
  const ratio = round(medianRatio(samples.berth, samples.reference));
  const overhead = round(medianDifference(samples.berth, samples.reference));
  return {
    id: spec.id,
    name: spec.name,
    unit: spec.unit ?? 'ms',
    berth,
    reference: { name: spec.referenceName, ...reference },
    ratio,
    overhead,
    goal: spec.goal,
    ...(spec.goalMet ? { goalMet: spec.goalMet({ berth, reference, ratio, overhead }) } : {}),
    runs: samples.berth.length,
    when: new Date().toISOString(),
    ...(spec.details ? { details: spec.details } : {}),
  };
}

/** A metric that could not be measured, with the reason. */
export function failedMetric(spec: Pick<MetricSpec, 'id' | 'name' | 'goal'> & { unit?: string }, error: unknown): Metric {
  return {
    id: spec.id,
    name: spec.name,
    unit: spec.unit ?? 'ms',
    goal: spec.goal,
    when: new Date().toISOString(),
    error: error instanceof Error ? error.message : String(error),
  };
}

function roundSummary(summary: Summary): Summary {
  return { min: round(summary.min), median: round(summary.median), max: round(summary.max) };
}

/** Merges the new metrics into latest.json (same id replaced) and returns the file written. */
export function writeResults(metrics: Metric[], machine: string, file = resultsFile): ResultsFile {
  let previous: Metric[] = [];
  if (existsSync(file)) {
    try {
      previous = (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile).metrics ?? [];
    } catch {
      previous = []; // A broken file is replaced, not merged.
    }
  }
  const ids = new Set(metrics.map((m) => m.id));
  const merged = [...previous.filter((m) => !ids.has(m.id)), ...metrics].sort((a, b) => compareIds(a.id, b.id));
  const result: ResultsFile = { when: new Date().toISOString(), machine, metrics: merged };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return result;
}

/** "P2" < "P2-burst" < "P10": by number, then by suffix. */
function compareIds(a: string, b: string): number {
  const na = Number(/\d+/.exec(a)?.[0] ?? Infinity);
  const nb = Number(/\d+/.exec(b)?.[0] ?? Infinity);
  return na - nb || a.localeCompare(b);
}

/** A plain-text table of the metrics, for stdout and issue notes. */
export function formatTable(metrics: Metric[]): string {
  const header = ['id', 'metric', 'berth min/med/max', 'reference (median)', 'ratio', 'overhead', 'goal', 'met'];
  const rows = metrics.map((m) => {
    if (m.error) return [m.id, m.name, `ERROR: ${m.error}`, '', '', '', m.goal, ''];
    const unit = m.unit;
    return [
      m.id,
      m.name,
      m.berth ? `${m.berth.min} / ${m.berth.median} / ${m.berth.max} ${unit}` : '',
      m.reference ? `${m.reference.name}: ${m.reference.median ?? ''} ${unit}` : '',
      m.ratio !== undefined ? `${m.ratio}×` : '',
      m.overhead !== undefined ? `${m.overhead >= 0 ? '+' : ''}${m.overhead} ${unit}` : '',
      m.goal,
      m.goalMet === undefined ? '' : m.goalMet ? 'yes' : 'no',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
