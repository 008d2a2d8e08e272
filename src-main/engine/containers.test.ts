// berth.test=foundation — container operations against the real engine, through Berth's router (validation,
// handlers, engine modules), checked with the docker CLI.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RemovalPreview } from '../shared/contract';
import type { BulkResult, ContainerDetails, ContainerProcesses } from '../shared/dto';
import type { Berth } from '../services';
import {
  TEST_LABEL,
  call,
  createTestContainer,
  docker,
  engineState,
  removeTestObjects,
  startTestBerth,
  uniqueName,
} from './test-kit';

let berth: Berth;
const engineId = 'local';
const action = (ids: string[], name: string) => call<BulkResult[]>(berth, 'containers.action', { engineId, ids, action: name });
const remove = (ids: string[], options: { force?: boolean; removeVolumes?: boolean }) =>
  call<BulkResult[]>(berth, 'containers.remove', { engineId, ids, ...options });

beforeAll(async () => {
  berth = await startTestBerth();
});

afterAll(() => {
  berth?.stop();
  removeTestObjects();
});

describe('lifecycle actions', () => {
  it('start, pause, unpause, restart, stop and kill change what the engine reports', async () => {
    const id = createTestContainer(uniqueName('life'));
    expect(engineState(id)).toBe('created');

    expect(await action([id], 'start')).toEqual([{ id, ok: true }]);
    expect(engineState(id)).toBe('running');

    await action([id], 'pause');
    expect(engineState(id)).toBe('paused');
    await action([id], 'unpause');
    expect(engineState(id)).toBe('running');

    const startedBefore = docker(['inspect', '-f', '{{.State.StartedAt}}', id]);
    expect(await action([id], 'restart')).toEqual([{ id, ok: true }]);
    expect(engineState(id)).toBe('running');
    expect(docker(['inspect', '-f', '{{.State.StartedAt}}', id])).not.toBe(startedBefore);

    expect(await action([id], 'stop')).toEqual([{ id, ok: true }]);
    expect(engineState(id)).toBe('exited');

    await action([id], 'start');
    expect(await action([id], 'kill')).toEqual([{ id, ok: true }]);
    expect(engineState(id)).toBe('exited');
    expect(docker(['inspect', '-f', '{{.State.ExitCode}}', id])).toBe('137');
  });

  it('treats starting a running container as done (the engine answers 304)', async () => {
    const id = createTestContainer(uniqueName('again'), { start: true });
    expect(await action([id], 'start')).toEqual([{ id, ok: true }]);
    expect(engineState(id)).toBe('running');
  });

  it('runs a bulk action on every container; an unknown one fails with not_found and the others succeed', async () => {
    const first = createTestContainer(uniqueName('bulk'));
    const second = createTestContainer(uniqueName('bulk'));
    const missing = uniqueName('missing');
    const results = await action([first, missing, second], 'start');
    expect(results[0]).toEqual({ id: first, ok: true });
    expect(results[2]).toEqual({ id: second, ok: true });
    expect(results[1]).toMatchObject({ id: missing, ok: false, error: { code: 'not_found' } });
    expect(results[1].error?.message).toMatch(/no such container/i);
    expect(engineState(first)).toBe('running');
    expect(engineState(second)).toBe('running');
  });

  it('refuses an action the contract does not know, before reaching the engine', async () => {
    await expect(action(['x'], 'explode')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('inspect and top', () => {
  it('inspect maps the engine document, labels and state included', async () => {
    const name = uniqueName('inspect');
    const id = createTestContainer(name, { extraArgs: ['-e', 'GREETING=hello=world'] });
    const details = await call<ContainerDetails>(berth, 'containers.inspect', { engineId, id: name });
    expect(details).toMatchObject({ engineId, id, name, image: 'fixture/busybox', state: 'created', tty: false });
    expect(details.labels['berth.test']).toBe('foundation');
    expect(details.env).toContainEqual({ key: 'GREETING', value: 'hello=world' });
  });

  it('inspect of an unknown container is not_found with the engine sentence', async () => {
    await expect(call(berth, 'containers.inspect', { engineId, id: uniqueName('nobody') })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/No such container/i),
    });
  });

  it('top lists the processes of a running container', async () => {
    const id = createTestContainer(uniqueName('top'), { start: true });
    // Just after start the runtime may still be exec'ing the command (top shows "runc init"): wait for it.
    await vi.waitFor(
      async () => {
        const top = await call<ContainerProcesses>(berth, 'containers.top', { engineId, id });
        expect(top.titles).toContain('PID');
        expect(top.processes.some((row) => row.join(' ').includes('sleep 3600'))).toBe(true);
      },
      { timeout: 10_000, interval: 200 },
    );
  });

  it('top of a stopped container is a conflict', async () => {
    const id = createTestContainer(uniqueName('top-stopped'));
    await expect(call(berth, 'containers.top', { engineId, id })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('removal', () => {
  function volumeNames(): string[] {
    return docker(['volume', 'ls', '-q']).split('\n').filter(Boolean);
  }

  function anonymousVolumeOf(id: string): string {
    return docker(['inspect', '-f', '{{range .Mounts}}{{if eq .Destination "/scratch"}}{{.Name}}{{end}}{{end}}', id]);
  }

  function containerWithVolumes(): { id: string; named: string; anonymous: string } {
    const named = uniqueName('vol');
    docker(['volume', 'create', '--label', TEST_LABEL, named]);
    const id = createTestContainer(uniqueName('vols'), { extraArgs: ['-v', '/scratch', '-v', `${named}:/named`] });
    return { id, named, anonymous: anonymousVolumeOf(id) };
  }

  it('the preview lists anonymous volumes apart from named volumes that stay', async () => {
    const { id, named, anonymous } = containerWithVolumes();
    const [preview] = await call<RemovalPreview[]>(berth, 'containers.removalPreview', { engineId, ids: [id] });
    expect(preview.id).toBe(id);
    expect(preview.running).toBe(false);
    expect(preview.anonymousVolumes).toEqual([`${anonymous.slice(0, 12)} (at /scratch)`]);
    expect(preview.keptMounts).toEqual([`volume ${named} → /named`]);
  });

  it('keeps anonymous volumes unless asked, and never removes named volumes', async () => {
    const kept = containerWithVolumes();
    expect(await remove([kept.id], { removeVolumes: false })).toEqual([{ id: kept.id, ok: true }]);
    expect(docker(['ps', '-aq', '--no-trunc', '--filter', `id=${kept.id}`])).toBe('');
    expect(volumeNames()).toContain(kept.anonymous);
    docker(['volume', 'rm', kept.anonymous]);

    const dropped = containerWithVolumes();
    expect(await remove([dropped.id], { removeVolumes: true })).toEqual([{ id: dropped.id, ok: true }]);
    const after = volumeNames();
    expect(after).not.toContain(dropped.anonymous);
    expect(after).toContain(dropped.named);
  });

  it('removing a running container without force is a conflict; with force it goes', async () => {
    const id = createTestContainer(uniqueName('running'), { start: true });
    const [refused] = await remove([id], { force: false });
    expect(refused).toMatchObject({ id, ok: false, error: { code: 'conflict' } });
    expect(refused.error?.message).toMatch(/running container/i);
    expect(engineState(id)).toBe('running');

    expect(await remove([id], { force: true })).toEqual([{ id, ok: true }]);
    expect(docker(['ps', '-aq', '--filter', `id=${id}`])).toBe('');
  });

  it('force defaults to true, as the contract says', async () => {
    const id = createTestContainer(uniqueName('default-force'), { start: true });
    expect(await remove([id], {})).toEqual([{ id, ok: true }]);
  });
});
