// berth.test=foundation — an EngineConnection losing its engine and finding it again. Uses the SECOND engine
// (unix:///var/run/docker-b.sock), which this test stops and starts; the main engine is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainersPatch, EngineStatus } from '../shared/dto';
import { BerthError } from '../shared/errors';
import { EngineConnection } from './connection';
import { SECOND_SOCKET, createTestContainer, removeTestObjects, secondEngine, uniqueName } from './test-kit';

let connection: EngineConnection;
const statuses: EngineStatus[] = [];
const patches: ContainersPatch[] = [];
let containerId: string;

const lastStatus = () => statuses[statuses.length - 1];
const cachedIds = () => connection.containers.snapshot().containers.map((c) => c.id);

beforeAll(() => {
  secondEngine.start();
  containerId = createTestContainer(uniqueName('survivor'), { host: SECOND_SOCKET });
  connection = new EngineConnection({
    id: 'b',
    name: 'Second',
    endpoint: { host: SECOND_SOCKET, source: 'test' },
    onStatus: (status) => statuses.push(status),
    onContainersPatch: (patch) => patches.push(patch),
    retryInitialMs: 200,
    retryMaxMs: 1000,
  });
}, 120_000);

afterAll(() => {
  connection?.stop();
  // Leave the second engine running (as other tests may expect), without our containers.
  if (!secondEngine.answers()) secondEngine.start();
  removeTestObjects(SECOND_SOCKET);
}, 120_000);

describe('EngineConnection (second engine)', () => {
  it('connects: status goes connecting → connected with version and info, and the cache is loaded', async () => {
    await connection.start();
    expect(statuses[0].state).toBe('connecting');
    expect(lastStatus()).toMatchObject({ engineId: 'b', name: 'Second', endpoint: SECOND_SOCKET, state: 'connected' });
    expect(lastStatus().version?.apiVersion).toMatch(/^1\.\d+$/);
    expect(lastStatus().info?.containers).toBeGreaterThanOrEqual(1);
    expect(lastStatus().lastError).toBeUndefined();
    expect(cachedIds()).toContain(containerId);
    expect(connection.requireConnected()).toBe(connection.docker);
  });

  it('when the engine stops: disconnected with lastError and nextRetryAt, cache emptied, calls refused clearly', async () => {
    const before = statuses.length;
    const patchesBefore = patches.length;
    secondEngine.stop();
    await expect.poll(() => connection.getStatus().state, { timeout: 30_000 }).toBe('disconnected');
    const down = statuses.slice(before).find((s) => s.state === 'disconnected')!;
    expect(down.lastError).toBeTruthy();
    expect(down.nextRetryAt).toBeGreaterThan(0);
    expect(down.version).toBeUndefined();
    // The renderer is told that every container of this engine is gone (it shows the engine as down instead).
    expect(patches.slice(patchesBefore).some((p) => p.removals.includes(containerId))).toBe(true);
    expect(cachedIds()).toEqual([]);
    expect(() => connection.requireConnected()).toThrowError(BerthError);
    try {
      connection.requireConnected();
    } catch (err) {
      expect((err as BerthError).code).toBe('engine_unavailable');
      expect((err as BerthError).message).toContain('"Second" is not connected');
    }
  }, 60_000);

  it('keeps retrying with backoff while the engine is away, each attempt saying why it failed', async () => {
    const before = statuses.length;
    await connection.reconnectNow();
    // (A backoff attempt may already have been under way: reconnectNow joins it rather than starting a second.)
    const retried = statuses.slice(before);
    expect(retried.map((s) => s.state)).toContain('disconnected');
    const latest = retried[retried.length - 1];
    expect(latest.state).toBe('disconnected');
    expect(latest.lastError).toMatch(/no engine socket at|nothing answers at/);
    expect(latest.nextRetryAt).toBeGreaterThan(Date.now() - 1000);
  });

  it('when the engine returns: connected again and fully resynced', async () => {
    const before = statuses.length;
    const patchesBefore = patches.length;
    secondEngine.start();
    await expect.poll(() => connection.getStatus().state, { timeout: 30_000 }).toBe('connected');
    expect(statuses.slice(before).some((s) => s.state === 'connected')).toBe(true);
    expect(connection.getStatus().lastError).toBeUndefined();
    expect(connection.getStatus().nextRetryAt).toBeUndefined();
    // A full list, not a replay of missed events: the container that existed all along is back.
    expect(patches.slice(patchesBefore).some((p) => p.upserts.some((c) => c.id === containerId))).toBe(true);
    expect(cachedIds()).toContain(containerId);

    // And the new /events stream is live: a container created now arrives as a patch.
    const fresh = createTestContainer(uniqueName('after'), { host: SECOND_SOCKET });
    await expect.poll(() => cachedIds().includes(fresh)).toBe(true);
  }, 90_000);
});
