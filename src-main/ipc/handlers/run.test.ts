// The run domain through the router, as a client calls it: zod shape checks, create → read back,
// the recreate stream ending in its result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBerth, type Berth } from '../../services';
import type { RecreateEvent, RunResult, SpecFromContainer } from '../../shared/contract/run';
import { removeRunTestObjects, testSpec, uniqueName } from '../../engine/run.test-kit';
import type { StreamSink } from '../router';

let berth: Berth;

beforeAll(async () => {
  removeRunTestObjects();
  berth = createBerth([{ id: 'local', name: 'local', endpoint: { host: 'unix:///var/run/docker.sock', source: 'test' } }]);
  await berth.start();
});
afterAll(() => {
  berth.stop();
  removeRunTestObjects();
});

const ctx = { clientId: 'run-test' };

function collect<D>(): { sink: StreamSink<D>; chunks: D[]; ended: Promise<unknown> } {
  const chunks: D[] = [];
  let finish!: (error: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (finish = resolve));
  let closed = false;
  const sink: StreamSink<D> = {
    push: (chunk) => chunks.push(chunk),
    end: (error) => {
      closed = true;
      finish(error);
    },
    get closed() {
      return closed;
    },
  };
  return { sink, chunks, ended };
}

describe('run handlers', () => {
  it('refuses a request of the wrong shape before anything runs', async () => {
    const envelope = await berth.router.invoke('run.create', { engineId: 'local', spec: { image: 'fixture/busybox' } }, ctx);
    expect('error' in envelope && envelope.error.code).toBe('invalid_input');
  });

  it('creates a container and reads it back as a RunSpec; recreate streams its steps and result', async () => {
    const spec = testSpec({ name: uniqueName('router'), env: ['A=1'] });
    const created = await berth.router.invoke('run.create', { engineId: 'local', spec }, ctx);
    if ('error' in created) throw new Error(created.error.message);
    const run = created.result as RunResult;
    expect(run).toMatchObject({ name: spec.name, running: true });

    const back = await berth.router.invoke('run.specFromContainer', { engineId: 'local', id: run.id }, ctx);
    if ('error' in back) throw new Error(back.error.message);
    expect((back.result as SpecFromContainer).spec).toEqual(spec);

    const { sink, chunks, ended } = collect<RecreateEvent>();
    await berth.router.openStream('run.recreate', { engineId: 'local', id: run.id }, sink as StreamSink<unknown>, ctx);
    expect(await ended).toBeUndefined();
    const done = chunks.at(-1);
    expect(done?.kind === 'done' && done.result).toMatchObject({ name: spec.name, oldId: run.id, pulled: false });
  });
});
