// The debug shell against the real engine: a FROM-scratch container (no shell) gets a sidecar that sees
// its processes and files, and the sidecar goes away with the session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEBUG_TARGET_LABEL, openDebugSession } from './debug-shell';
import { openShellSession } from './exec-session';
import {
  buildScratchImage,
  docker,
  RecordingSink,
  removeScratchImage,
  removeTestContainers,
  runContainer,
  SCRATCH_IMAGE,
  TEST_LABEL_KEY,
  TEST_LABEL_VALUE,
} from './exec-test-kit';

const testLabels = { [TEST_LABEL_KEY]: TEST_LABEL_VALUE };
let target: string;

async function sidecarsOf(targetId: string): Promise<string[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${DEBUG_TARGET_LABEL}=${targetId}`] } });
  return list.map((c) => c.Id);
}

beforeAll(async () => {
  buildScratchImage();
  target = await runContainer(SCRATCH_IMAGE, []);
});

afterAll(async () => {
  await removeTestContainers();
  removeScratchImage();
});

describe('debug shell', () => {
  it('is needed: the scratch container has no shell', async () => {
    await expect(openShellSession(docker, target, new RecordingSink(), {})).rejects.toThrow(/has no shell.*debug shell/);
  });

  it('lists the target’s processes and reaches its files under /proc/1/root', async () => {
    const sink = new RecordingSink();
    const session = await openDebugSession(docker, target, sink, { image: 'fixture/busybox', labels: testLabels });
    expect(sink.notices[0]).toMatchObject({ kind: 'started', mode: 'debug' });
    expect(sink.notices[0]).toHaveProperty('note', expect.stringContaining('/proc/1/root'));
    expect(await sidecarsOf(target)).toHaveLength(1);
    session.write('ps -o pid,args\r');
    await sink.waitForText(/1 +\/busybox sleep 3600/);
    session.write('[ -x /proc/1/root/busybox ] && echo found-$((2+3))\r');
    await sink.waitForText('found-5');
    session.close();
    await session.finished;
    expect(await sidecarsOf(target)).toEqual([]);
  });

  it('removes the sidecar when the shell exits by itself', async () => {
    const sink = new RecordingSink();
    const session = await openDebugSession(docker, target, sink, { image: 'fixture/busybox', labels: testLabels });
    session.write('exit 7\r');
    await sink.waitFor((s) => s.ended, 'the session to end');
    expect(sink.exited()).toMatchObject({ exitCode: 7 });
    await session.finished;
    expect(await sidecarsOf(target)).toEqual([]);
  });

  it('refuses an image that is not on the engine, without pulling it', async () => {
    await expect(
      openDebugSession(docker, target, new RecordingSink(), { image: 'berth-test-exec/not-here:latest', labels: testLabels }),
    ).rejects.toThrow(/is not on this engine/);
    expect(await sidecarsOf(target)).toEqual([]);
  });
});
