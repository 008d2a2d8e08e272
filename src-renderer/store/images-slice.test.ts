import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { ImageSummary, ImagesPatch } from '../../src-main/shared/contract/images';
import { createImagesSlice } from './images-slice';
import type { BerthState } from './index';

const image = (id: string, repoTags: string[]): ImageSummary => ({ engineId: 'local', id, repoTags, repoDigests: [], size: 1, created: 1, labels: {} });
const patch = (seq: number, upserts: ImageSummary[], removals: string[] = []): ImagesPatch => ({ engineId: 'local', seq, upserts, removals });

function store() {
  // The slice only touches its own keys; the rest of BerthState is not needed here.
  return create<BerthState>()((...a) => ({ ...createImagesSlice(...a) }) as BerthState);
}

describe('images slice', () => {
  it('ignores patches for an engine nobody has loaded', () => {
    const s = store();
    s.getState().applyImagesPatch(patch(1, [image('a', ['x:1'])]));
    expect(s.getState().images.local).toBeUndefined();
  });

  it('buffers patches during a load and applies only those newer than the snapshot', () => {
    const s = store();
    s.getState().beginImagesLoad('local');
    s.getState().applyImagesPatch(patch(3, [image('a', ['old:1'])]));
    s.getState().applyImagesPatch(patch(5, [image('b', ['new:1'])], ['a']));
    s.getState().applyImagesSnapshot({ engineId: 'local', seq: 4, images: [image('a', ['x:1'])] });
    const entry = s.getState().images.local;
    expect(entry.load).toBe('ready');
    expect(entry.seq).toBe(5);
    expect(Object.keys(entry.byId)).toEqual(['b']);
  });

  it('drops stale patches once ready, and clears to idle', () => {
    const s = store();
    s.getState().beginImagesLoad('local');
    s.getState().applyImagesSnapshot({ engineId: 'local', seq: 2, images: [image('a', ['x:1'])] });
    s.getState().applyImagesPatch(patch(2, [], ['a']));
    expect(s.getState().images.local.byId.a).toBeDefined();
    s.getState().applyImagesPatch(patch(3, [image('a', ['x:1', 'x:2'])]));
    expect(s.getState().images.local.byId.a.repoTags).toEqual(['x:1', 'x:2']);
    s.getState().clearImages('local');
    expect(s.getState().images.local).toMatchObject({ load: 'idle', byId: {} });
  });
});
