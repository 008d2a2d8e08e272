// Image calls for the run dialog against the real engine and the local registry (127.0.0.1:5001, never
// Docker Hub): tags, presence, and a pull with progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BerthError } from '../shared/errors';
import { applyPullEvent, emptyPullProgress, summarisePull, type PullEvent } from '../shared/run';
import { cameFromRegistry, imagePresence, listImageTags, pullImage } from './images';
import { REGISTRY, buildImage, docker, localDocker, removeRunTestObjects } from './run.test-kit';

const engine = localDocker();

beforeAll(() => removeRunTestObjects());
afterAll(() => removeRunTestObjects());

describe('images', () => {
  it('lists local repo tags for suggestions', async () => {
    const tags = await listImageTags(engine);
    expect(tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['fixture/busybox:latest', 'fixture/redis:latest']));
    expect(tags.find((t) => t.tag === 'fixture/busybox:latest')?.id).toMatch(/^sha256:/);
  });

  it('tells whether an image is local', async () => {
    expect((await imagePresence(engine, 'fixture/busybox')).present).toBe(true);
    expect(await imagePresence(engine, `${REGISTRY}/berth-run/absent:never`)).toEqual({ present: false });
  });

  it('pulls from the local registry with progress, and the image is then present', async () => {
    const reference = `${REGISTRY}/berth-run/busybox:pull`;
    // A layer of its own, so the pull has something to download once the local copy is gone.
    buildImage(reference, `FROM fixture/busybox\nRUN echo ${Date.now()} > /stamp\n`);
    docker('push', reference);
    docker('rmi', reference);
    expect((await imagePresence(engine, reference)).present).toBe(false);

    const events: PullEvent[] = [];
    await pullImage(engine, reference, (event) => events.push(event)).done;
    const summary = summarisePull(events.reduce(applyPullEvent, emptyPullProgress()));
    expect(summary.text).toMatch(/Status: Downloaded newer image for 127\.0\.0\.1:5001\/berth-run\/busybox:pull/);
    expect(summary.layersTotal).toBeGreaterThan(0);
    expect(summary.layersDone).toBe(summary.layersTotal);
    expect((await imagePresence(engine, reference)).present).toBe(true);
  });

  it('fails a pull of a name the registry lacks, in words', async () => {
    const handle = pullImage(engine, `${REGISTRY}/berth-run/absent:never`, () => undefined);
    const error = await handle.done.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(BerthError);
    expect((error as BerthError).message).toMatch(/127\.0\.0\.1:5001\/berth-run\/absent:never/);
  });

  it('knows which images came from a registry', () => {
    const digest = `${REGISTRY}/busybox@sha256:${'a'.repeat(64)}`;
    expect(cameFromRegistry(`${REGISTRY}/busybox:latest`, [digest])).toBe(true);
    expect(cameFromRegistry('fixture/busybox', [digest])).toBe(false);
    expect(cameFromRegistry('redis:7', [`redis@sha256:${'b'.repeat(64)}`])).toBe(true);
    expect(cameFromRegistry(`sha256:${'c'.repeat(64)}`, [digest])).toBe(false);
  });
});
