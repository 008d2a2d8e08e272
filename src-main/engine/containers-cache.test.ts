// berth.test=foundation — the event-fed container cache on the real engine: containers created and removed
// with the CLI appear in and leave the cache as patches; a burst of creates coalesces into few patches.
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainersPatch } from '../shared/dto';
import { EngineConnection } from './connection';
import { ContainersCache } from './containers-cache';
import type { EngineEvent } from './events';
import { MAIN_SOCKET, TEST_LABELS, createTestContainer, docker, removeTestObjects, uniqueName } from './test-kit';

let connection: EngineConnection;
const patches: ContainersPatch[] = [];
/** Made before the connection starts, so the first full list has something of ours even on an empty engine. */
let preexistingId: string;

const upsertedIds = (from = 0) => new Set(patches.slice(from).flatMap((p) => p.upserts.map((c) => c.id)));
const removedIds = (from = 0) => new Set(patches.slice(from).flatMap((p) => p.removals));

beforeAll(async () => {
  preexistingId = createTestContainer(uniqueName('pre'));
  connection = new EngineConnection({
    id: 'local',
    name: 'Local',
    endpoint: { host: MAIN_SOCKET, source: 'test' },
    onStatus: () => {},
    onContainersPatch: (patch) => patches.push(patch),
  });
  await connection.start();
  expect(connection.getStatus().state).toBe('connected');
});

afterAll(() => {
  connection?.stop();
  removeTestObjects();
});

describe('ContainersCache on the real engine', () => {
  it('starts from a full list: the snapshot holds what the CLI lists', () => {
    const cliIds = docker(['ps', '-aq', '--no-trunc']).split('\n').filter(Boolean);
    const snapshotIds = new Set(connection.containers.snapshot().containers.map((c) => c.id));
    // Other people create containers on this engine too: compare only those present at both moments.
    const stable = cliIds.filter((id) => snapshotIds.has(id));
    expect(snapshotIds.has(preexistingId)).toBe(true);
    expect(stable.length).toBeGreaterThan(cliIds.length / 2);
    expect(connection.containers.snapshot().engineId).toBe('local');
  });

  it('a container created with the CLI arrives as an upsert; its state change too; rm arrives as a removal', async () => {
    const from = patches.length;
    const name = uniqueName('cache');
    const id = createTestContainer(name);
    await expect.poll(() => upsertedIds(from).has(id)).toBe(true);
    const created = connection.containers.snapshot().containers.find((c) => c.id === id);
    expect(created).toMatchObject({ engineId: 'local', name, state: 'created', image: 'fixture/busybox' });
    expect(created?.labels['berth.test']).toBe('foundation');

    docker(['start', id]);
    await expect.poll(() => connection.containers.snapshot().containers.find((c) => c.id === id)?.state).toBe('running');

    const beforeRemove = patches.length;
    docker(['rm', '-f', id]);
    await expect.poll(() => removedIds(beforeRemove).has(id)).toBe(true);
    expect(connection.containers.snapshot().containers.some((c) => c.id === id)).toBe(false);
  });

  it('patches carry increasing sequence numbers, above the snapshot they follow', async () => {
    const snapshotSeq = connection.containers.snapshot().seq;
    const from = patches.length;
    const id = createTestContainer(uniqueName('seq'));
    await expect.poll(() => upsertedIds(from).has(id)).toBe(true);
    const seqs = patches.slice(from).map((p) => p.seq);
    expect(seqs[0]).toBeGreaterThan(snapshotSeq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('a burst of 50 creates coalesces into few patches, and each container arrives', async () => {
    const api = new Dockerode({ socketPath: '/var/run/docker.sock' });
    const from = patches.length;
    const prefix = uniqueName('burst');
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.createContainer({
          Image: 'fixture/busybox',
          name: `${prefix}-${i}`,
          Labels: TEST_LABELS,
          Cmd: ['true'],
        }),
      ),
    );
    const ids = new Set(created.map((c) => c.id));
    await expect.poll(() => [...ids].every((id) => upsertedIds(from).has(id))).toBe(true);
    const patchesWithBurst = patches.slice(from).filter((p) => p.upserts.some((c) => ids.has(c.id)));
    // One list call per chunk of events instead of one per event: far fewer patches than containers.
    expect(patchesWithBurst.length).toBeLessThan(25);

    const beforeRemove = patches.length;
    await Promise.all(created.map((c) => c.remove({ force: true })));
    await expect.poll(() => [...ids].every((id) => removedIds(beforeRemove).has(id))).toBe(true);
  });
});

describe('ContainersCache when the engine announces a change before its list shows it', () => {
  const cachedState = (id: string) => connection.containers.snapshot().containers.find((c) => c.id === id)?.state;

  // The engine logs "die" before it checkpoints the stopped container: a list right after it still says
  // running. Several containers, one after another, because the race is lost only most of the time.
  it('containers killed with the CLI end up exited, not running', async () => {
    for (let i = 0; i < 4; i++) {
      const id = createTestContainer(uniqueName('kill'), { start: true });
      await expect.poll(() => cachedState(id)).toBe('running');
      docker(['kill', id]);
      await expect.poll(() => cachedState(id)).toBe('exited');
    }
  });

  it('a container whose process exits by itself ends up exited', async () => {
    const id = docker(['run', '-d', '--label', 'berth.test=foundation', '--name', uniqueName('exits'), 'fixture/busybox', 'sleep', '0.5']);
    await expect.poll(() => cachedState(id), { timeout: 15_000 }).toBe('exited');
    expect(connection.containers.snapshot().containers.find((c) => c.id === id)?.exitCode).toBe(0);
  });

  it('pause and unpause end up paused and running', async () => {
    const id = createTestContainer(uniqueName('pause'), { start: true });
    for (let i = 0; i < 3; i++) {
      docker(['pause', id]);
      await expect.poll(() => cachedState(id)).toBe('paused');
      docker(['unpause', id]);
      await expect.poll(() => cachedState(id)).toBe('running');
    }
  });
});

describe('ContainersCache during a full load', () => {
  const event = (id: string, Action: string): EngineEvent => ({ Type: 'container', Action, Actor: { ID: id }, time: 0, timeNano: 0 });

  it('re-checks containers whose events arrived while the list was in flight (no ghost row)', async () => {
    const id = createTestContainer(uniqueName('ghost'));
    const cachePatches: ContainersPatch[] = [];
    const cache = new ContainersCache(new Dockerode({ socketPath: '/var/run/docker.sock' }), 'local', (p) => cachePatches.push(p));
    const loading = cache.load();
    // The engine's destroy event lands before the list answers, but the list was taken before the removal.
    cache.handleEvent(event(id, 'destroy'));
    await loading;
    expect(cachePatches[0].upserts.some((c) => c.id === id)).toBe(true);
    docker(['rm', '-f', id]);
    await expect.poll(() => cache.snapshot().containers.some((c) => c.id === id)).toBe(false);
    expect(cachePatches.slice(1).some((p) => p.removals.includes(id))).toBe(true);
  });
});
