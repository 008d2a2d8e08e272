// Recreate on the real engine: data in named and anonymous volumes survives, networks and aliases are
// carried, a newer image is pulled from the local registry, and a new container that fails is rolled
// back to the old one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecreateEvent, RecreateResult } from '../shared/contract/run';
import { BerthError } from '../shared/errors';
import { recreateContainer } from './recreate';
import { runContainer } from './run';
import { REGISTRY, buildImage, containerExists, docker, localDocker, removeRunTestObjects, testSpec, uniqueName } from './run.test-kit';

const engine = localDocker();

async function recreate(id: string, pull = true): Promise<{ result?: RecreateResult; error?: BerthError; events: RecreateEvent[] }> {
  const events: RecreateEvent[] = [];
  const handle = recreateContainer(engine, id, { pull, onEvent: (event) => events.push(event), settleMs: 500 });
  try {
    return { result: await handle.done, events };
  } catch (err) {
    if (err instanceof BerthError) return { error: err, events };
    throw err;
  }
}

const oldContainers = (name: string) => docker('ps', '-a', '--format', '{{.Names}}', '--filter', `name=${name}-old-`);

beforeAll(() => removeRunTestObjects());
afterAll(() => removeRunTestObjects());

describe('recreateContainer', () => {
  it('keeps the data of a named volume on /data (and of an anonymous one), the name, network and alias', async () => {
    const volume = uniqueName('data');
    docker('volume', 'create', '--label', 'berth.test=run', volume);
    const network = uniqueName('net');
    docker('network', 'create', '--label', 'berth.test=run', network);
    const name = uniqueName('keep');
    const first = await runContainer(engine, testSpec({ name, volumes: [`${volume}:/data`, '/scratch'], network, networkAliases: ['db'], env: ['MODE=test'] }));
    docker('exec', name, 'sh', '-c', 'echo kept-by-volume > /data/file && echo kept-anonymous > /scratch/file');

    const { result, error, events } = await recreate(name);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ name, oldId: first.id, pulled: false });
    expect(result!.newId).not.toBe(first.id);
    expect(result!.newImageId).toBe(result!.oldImageId);
    expect(events.filter((e) => e.kind === 'step').map((e) => e.kind === 'step' && e.step)).toEqual([
      'inspect', 'stop', 'rename', 'create', 'start', 'cleanup',
    ]);
    expect(events.at(-1)).toEqual({ kind: 'done', result });

    expect(docker('inspect', '-f', '{{.Id}} {{.State.Running}}', name)).toBe(`${result!.newId} true`);
    expect(containerExists(first.id)).toBe(false);
    expect(oldContainers(name)).toBe('');
    expect(docker('exec', name, 'cat', '/data/file')).toBe('kept-by-volume');
    expect(docker('exec', name, 'cat', '/scratch/file')).toBe('kept-anonymous');
    expect(docker('exec', name, 'sh', '-c', 'echo $MODE')).toBe('test');
    const aliases = JSON.parse(docker('inspect', '-f', `{{json (index .NetworkSettings.Networks "${network}").Aliases}}`, name));
    expect(aliases).toContain('db');
  });

  it('pulls a newer image from the registry and shows old and new image ids', async () => {
    const reference = `${REGISTRY}/berth-run/app:recreate`;
    const v1 = buildImage(reference, 'FROM fixture/busybox\nLABEL berth.run.version=1\n');
    docker('push', reference);
    const name = uniqueName('pull');
    await runContainer(engine, testSpec({ image: reference, name }));
    // A newer image reaches the registry; locally the tag still points at v1.
    const v2 = buildImage(reference, 'FROM fixture/busybox\nLABEL berth.run.version=2\n');
    docker('push', reference);
    docker('tag', v1, reference);

    const { result, error, events } = await recreate(name);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ pulled: true, oldImageId: v1, newImageId: v2 });
    expect(events.some((e) => e.kind === 'pull')).toBe(true);
    expect(docker('inspect', '-f', '{{.Image}} {{index .Config.Labels "berth.run.version"}}', name)).toBe(`${v2} 2`);
  });

  it('rolls back when the new container fails to start: the old one is back, running, under its name', async () => {
    const tag = `${uniqueName('img')}:latest`;
    const good = buildImage(tag, 'FROM fixture/busybox\nCMD ["sh", "-c", "trap \\"exit 0\\" TERM; sleep 3600 & wait"]\n');
    const name = uniqueName('rollback');
    const first = await runContainer(engine, testSpec({ image: tag, name, command: [] }));
    buildImage(tag, 'FROM fixture/busybox\nENTRYPOINT ["/no/such/entrypoint"]\n');

    const { error, events } = await recreate(name, false);
    expect(error?.message).toMatch(new RegExp(`^Recreating ${name} failed: "/no/such/entrypoint" was not found in the image.* Rolled back: ${name} is running on its old image\\.$`));
    expect(events.some((e) => e.kind === 'step' && e.step === 'rollback')).toBe(true);
    expect(docker('inspect', '-f', '{{.Id}} {{.State.Running}} {{.Image}}', name)).toBe(`${first.id} true ${good}`);
    expect(oldContainers(name)).toBe('');
  });

  it('rolls back when the new container exits right after starting, quoting its last output', async () => {
    const tag = `${uniqueName('img')}:latest`;
    buildImage(tag, 'FROM fixture/busybox\nCMD ["sh", "-c", "trap \\"exit 0\\" TERM; sleep 3600 & wait"]\n');
    const name = uniqueName('exits');
    const first = await runContainer(engine, testSpec({ image: tag, name, command: [] }));
    buildImage(tag, 'FROM fixture/busybox\nCMD ["sh", "-c", "echo missing config >&2; exit 3"]\n');

    const { error } = await recreate(name, false);
    expect(error?.message).toMatch(/stopped right after starting \(exit code 3\): missing config\. Rolled back/);
    expect(docker('inspect', '-f', '{{.Id}} {{.State.Running}}', name)).toBe(`${first.id} true`);
  });

  it('refuses a --rm container, which stopping would remove', async () => {
    const name = uniqueName('autorm');
    await runContainer(engine, testSpec({ name, autoRemove: true }));
    const { error } = await recreate(name);
    expect(error?.code).toBe('conflict');
    expect(error?.message).toMatch(/--rm/);
    expect(docker('inspect', '-f', '{{.State.Running}}', name)).toBe('true');
  });
});
