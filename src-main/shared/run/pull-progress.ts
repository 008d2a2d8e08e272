// The engine's pull progress (one JSON line per layer update) folded into what a progress bar needs.
// Pure, so the dialog and the recreate view share it and it is tested without an engine.

/** One line of the engine's pull progress, per layer or for the whole image. */
export interface PullEvent {
  status: string;
  /** Layer id, when the line is about one layer. */
  layer?: string;
  current?: number;
  total?: number;
}

export interface LayerProgress {
  status: string;
  downloaded: number;
  size: number;
  done: boolean;
}

export interface PullProgress {
  layers: Record<string, LayerProgress>;
  order: string[];
  /** The last whole-image line ("Pulling from …", "Digest: …", "Status: Downloaded newer image …"). */
  status: string;
}

export const emptyPullProgress = (): PullProgress => ({ layers: {}, order: [], status: 'Starting pull…' });

const DONE = /^(Pull complete|Already exists|Download complete|Verifying Checksum)$/;
const FINISHED = /^(Pull complete|Already exists)$/;

export function applyPullEvent(progress: PullProgress, event: PullEvent): PullProgress {
  if (!event.layer || !/^[0-9a-f]{12,64}$/.test(event.layer)) {
    return { ...progress, status: event.layer ? `${event.layer}: ${event.status}` : event.status };
  }
  const before = progress.layers[event.layer] ?? { status: '', downloaded: 0, size: 0, done: false };
  const layer: LayerProgress = { ...before, status: event.status };
  if (event.status === 'Downloading') {
    if (event.current !== undefined) layer.downloaded = event.current;
    if (event.total) layer.size = event.total;
  }
  if (DONE.test(event.status) && layer.size) layer.downloaded = layer.size;
  if (FINISHED.test(event.status)) layer.done = true;
  return {
    ...progress,
    layers: { ...progress.layers, [event.layer]: layer },
    order: before.status ? progress.order : [...progress.order, event.layer],
  };
}

export interface PullSummary {
  layersDone: number;
  layersTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** 0..1 when anything is known about sizes, else undefined (indeterminate). */
  fraction?: number;
  text: string;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function summarisePull(progress: PullProgress): PullSummary {
  const layers = progress.order.map((id) => progress.layers[id]);
  const layersDone = layers.filter((l) => l.done).length;
  const bytesTotal = layers.reduce((sum, l) => sum + l.size, 0);
  const bytesDone = layers.reduce((sum, l) => sum + Math.min(l.downloaded, l.size || l.downloaded), 0);
  let fraction: number | undefined;
  if (layers.length) {
    // Each layer counts equally; a downloading layer counts by its bytes.
    fraction = layers.reduce((sum, l) => sum + (l.done ? 1 : l.size ? (0.9 * l.downloaded) / l.size : 0), 0) / layers.length;
  }
  const text = !layers.length
    ? progress.status
    : layersDone === layers.length
      ? `${layers.length} ${layers.length === 1 ? 'layer' : 'layers'} ready · ${progress.status}`
      : `${layersDone} of ${layers.length} layers${bytesTotal ? ` · ${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}` : ''}`;
  return { layersDone, layersTotal: layers.length, bytesDone, bytesTotal, ...(fraction !== undefined ? { fraction } : {}), text };
}
