// Summary statistics for benchmark samples. Medians, not means: these machines are shared and noisy.

export interface Summary {
  min: number;
  median: number;
  max: number;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0–100), nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarise(values: number[]): Summary {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/** Median of berth[i] / reference[i]: each pair ran back to back, so their ratio cancels most machine noise. */
export function medianRatio(berth: number[], reference: number[]): number {
  return median(berth.map((value, i) => value / reference[i]));
}

/** Median of berth[i] − reference[i], for goals stated as "reference + N ms". */
export function medianDifference(berth: number[], reference: number[]): number {
  return median(berth.map((value, i) => value - reference[i]));
}

/** Rounds for display and JSON: 3 significant decimals below 10, 1 decimal above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) < 10 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
}
