// The Images panel's main side against the real engine, through the router as a client calls it: the
// list, live patches from engine events (tag and untag made with the CLI), tag validation, removal
// refusals while a container uses the image, force for stopped users only, and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageDetails, ImageRemoval, ImagesPatch, ImagesSnapshot } from '../shared/contract/images';
import type { SerializedError } from '../shared/errors';
import type { Berth } from '../services';
import { call, startTestBerth } from './test-kit';
import {
  IMAGES_TEST_LABEL,
  TEST_HOST,
  TEST_REPO,
  buildSoloImage,
  docker,
  imageExists,
  removeImagesTestObjects,
  tagsOf,
  uniqueSuffix,
} from './images.test-kit';
import { eventually } from './run.test-kit';

let berth: Berth;
const patches: ImagesPatch[] = [];

async function failure(promise: Promise<unknown>): Promise<SerializedError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: SerializedError) => err,
  );
}

/** Every tag the renderer would know after the snapshot and the patches since. */
function tagsSeen(snapshot: ImagesSnapshot): Set<string> {
  const byId = new Map(snapshot.images.map((image) => [image.id, image]));
  for (const patch of patches.filter((p) => p.seq > snapshot.seq)) {
    for (const id of patch.removals) byId.delete(id);
    for (const image of patch.upserts) byId.set(image.id, image);
  }
  return new Set([...byId.values()].flatMap((image) => image.repoTags));
}

beforeAll(async () => {
  removeImagesTestObjects();
  berth = await startTestBerth(TEST_HOST);
  berth.services.bus.subscribe((name, payload) => {
    if (name === 'images.patch') patches.push(payload as ImagesPatch);
  });
});

afterAll(() => {
  berth?.stop();
  removeImagesTestObjects();
});

describe('images list and live patches', () => {
  it('lists the fixture images with their tags, ids and sizes', async () => {
    const snapshot = await call<ImagesSnapshot>(berth, 'images.list', { engineId: 'local' });
    const busybox = snapshot.images.find((image) => image.repoTags.includes('fixture/busybox:latest'));
    expect(busybox?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(busybox?.size).toBeGreaterThan(1_000_000);
    expect(busybox?.engineId).toBe('local');
    expect(snapshot.images.every((image) => !image.repoTags.includes('<none>:<none>'))).toBe(true);
  });

  it('sees a tag made with the CLI appear, and go again when untagged through Berth', async () => {
    const snapshot = await call<ImagesSnapshot>(berth, 'images.list', { engineId: 'local' });
    const tag = `${TEST_REPO}/busybox:${uniqueSuffix()}`;
    docker('tag', 'fixture/busybox', tag);
    await eventually('the tag in a patch', () => tagsSeen(snapshot).has(tag));

    const removal = await call<ImageRemoval>(berth, 'images.remove', { engineId: 'local', reference: tag });
    // The image has other tags: only this one goes, no data is deleted.
    expect(removal).toEqual({ untagged: [tag], deleted: [] });
    await eventually('the untag in a patch', () => !tagsSeen(snapshot).has(tag));
    expect(tagsOf('fixture/busybox')).toContain('fixture/busybox:latest');
  });
});

describe('images.addTag', () => {
  it('tags an image so the CLI sees it, with :latest when no tag is given', async () => {
    const repo = `${TEST_REPO}/tagged-${uniqueSuffix()}`;
    const result = await call<{ tag: string }>(berth, 'images.addTag', { engineId: 'local', image: 'fixture/busybox', target: repo });
    expect(result.tag).toBe(`${repo}:latest`);
    expect(tagsOf('fixture/busybox')).toContain(`${repo}:latest`);
    docker('rmi', `${repo}:latest`);
  });

  it('refuses names outside the reference grammar in words, pointing at the field', async () => {
    const upper = await failure(call(berth, 'images.addTag', { engineId: 'local', image: 'fixture/busybox', target: 'My/App:1' }));
    expect(upper.code).toBe('invalid_input');
    expect(upper.message).toMatch(/lowercase/);
    expect(upper.detail).toBe('field:target');
    const digest = await failure(
      call(berth, 'images.addTag', { engineId: 'local', image: 'fixture/busybox', target: `x/y@sha256:${'a'.repeat(64)}` }),
    );
    expect(digest.message).toMatch(/digest/);
  });

  it('says which image is missing', async () => {
    const error = await failure(call(berth, 'images.addTag', { engineId: 'local', image: `${TEST_REPO}/absent:never`, target: `${TEST_REPO}/x:1` }));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/absent:never/);
  });
});

describe('images.remove of an image containers use', () => {
  it('is refused while a stopped container uses it, naming the container; force then deletes it', async () => {
    const tag = `${TEST_REPO}/solo:${uniqueSuffix()}`;
    const id = buildSoloImage(tag);
    const name = `imgt-user-${uniqueSuffix()}`;
    docker('create', '--label', IMAGES_TEST_LABEL, '--name', name, tag, 'true');
    await eventually('the container in the cache', () =>
      berth.services.engines.get('local').containers.snapshot().containers.some((c) => c.name === name),
    );

    const refused = await failure(call(berth, 'images.remove', { engineId: 'local', reference: tag }));
    expect(refused.code).toBe('in_use');
    expect(refused.message).toContain(`${tag} is used by container ${name} (stopped)`);
    expect(refused.message).toMatch(/or force the removal/);
    expect(refused.detail).toMatch(/must force/);
    expect(imageExists(tag)).toBe(true);

    const removal = await call<ImageRemoval>(berth, 'images.remove', { engineId: 'local', reference: tag, force: true });
    expect(removal.untagged).toEqual([tag]);
    expect(removal.deleted).toContain(id);
    expect(imageExists(id)).toBe(false);
    // The stopped container stays.
    expect(docker('inspect', '-f', '{{.State.Status}}', name)).toBe('created');
  });

  it('is refused while a running container uses it, and force is refused too (it would only untag)', async () => {
    const tag = `${TEST_REPO}/solo:${uniqueSuffix()}`;
    buildSoloImage(tag);
    const name = `imgt-running-${uniqueSuffix()}`;
    docker('run', '-d', '--label', IMAGES_TEST_LABEL, '--name', name, tag, 'sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait');
    await eventually('the running container in the cache', () =>
      berth.services.engines
        .get('local')
        .containers.snapshot()
        .containers.some((c) => c.name === name && c.state === 'running'),
    );

    const refused = await failure(call(berth, 'images.remove', { engineId: 'local', reference: tag }));
    expect(refused.code).toBe('in_use');
    expect(refused.message).toContain(`container ${name} (running)`);
    expect(refused.message).not.toMatch(/force/);

    const forced = await failure(call(berth, 'images.remove', { engineId: 'local', reference: tag, force: true }));
    expect(forced.code).toBe('in_use');
    expect(forced.message).toMatch(/stop it first/);
    expect(tagsOf(tag)).toEqual([tag]);
  });
});

describe('images.inspect', () => {
  it('gives the configuration and the layer history', async () => {
    const tag = `${TEST_REPO}/inspect:${uniqueSuffix()}`;
    const id = buildSoloImage(tag, ['ENV GREETING="hello there"', 'EXPOSE 8080/tcp', 'WORKDIR /srv', 'USER nobody', 'CMD ["sleep", "5"]']);
    const details = await call<ImageDetails>(berth, 'images.inspect', { engineId: 'local', image: tag });
    expect(details.id).toBe(id);
    expect(details.repoTags).toEqual([tag]);
    expect(details.exposedPorts).toEqual(['8080/tcp']);
    expect(details.cmd).toEqual(['sleep', '5']);
    expect(details.workingDir).toBe('/srv');
    expect(details.user).toBe('nobody');
    expect(details.env).toContainEqual({ key: 'GREETING', value: 'hello there' });
    expect(details.labels['berth.test']).toBe('images');
    expect(details.history[0].id).toBe(id);
    expect(details.history.map((layer) => layer.createdBy).join('\n')).toMatch(/EXPOSE 8080/);
    // The fixture's own layers come after (older), down to the busybox binary.
    expect(details.history.length).toBeGreaterThan(5);
  });

  it('says when the image does not exist', async () => {
    const error = await failure(call(berth, 'images.inspect', { engineId: 'local', image: `${TEST_REPO}/absent:never` }));
    expect(error.code).toBe('not_found');
  });
});
