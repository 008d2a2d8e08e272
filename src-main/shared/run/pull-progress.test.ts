import { describe, expect, it } from 'vitest';
import { applyPullEvent, emptyPullProgress, summarisePull, type PullEvent } from './pull-progress';

const events: PullEvent[] = [
  { status: 'Pulling from busybox', layer: 'latest' },
  { status: 'Pulling fs layer', layer: 'aaaaaaaaaaaa' },
  { status: 'Already exists', layer: 'bbbbbbbbbbbb' },
  { status: 'Downloading', layer: 'aaaaaaaaaaaa', current: 512 * 1024, total: 2 * 1024 * 1024 },
];

describe('pull progress', () => {
  it('tracks layers in order with their bytes', () => {
    const progress = events.reduce(applyPullEvent, emptyPullProgress());
    expect(progress.order).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
    expect(progress.status).toBe('latest: Pulling from busybox');
    const summary = summarisePull(progress);
    expect(summary).toMatchObject({ layersDone: 1, layersTotal: 2, bytesDone: 512 * 1024, bytesTotal: 2 * 1024 * 1024 });
    expect(summary.text).toBe('1 of 2 layers · 512 KB of 2.0 MB');
    expect(summary.fraction).toBeCloseTo((1 + 0.9 * 0.25) / 2);
  });

  it('is complete when every layer is', () => {
    const done = [...events, { status: 'Pull complete', layer: 'aaaaaaaaaaaa' }, { status: 'Status: Downloaded newer image for busybox:latest' }].reduce(
      applyPullEvent,
      emptyPullProgress(),
    );
    const summary = summarisePull(done);
    expect(summary.fraction).toBe(1);
    expect(summary.text).toBe('2 layers ready · Status: Downloaded newer image for busybox:latest');
  });

  it('shows the engine’s words when there are no layers', () => {
    const upToDate = applyPullEvent(emptyPullProgress(), { status: 'Status: Image is up to date for x:latest' });
    const summary = summarisePull(upToDate);
    expect(summary.text).toBe('Status: Image is up to date for x:latest');
    expect(summary.fraction).toBeUndefined();
  });
});
