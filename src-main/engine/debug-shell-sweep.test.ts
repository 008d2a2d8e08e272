// Sweeping the debug-shell sidecars a crashed Berth left behind, against the real engine. Every container
// here carries berth.test=exec-sweep, and every sweep is confined to that label: other people's sidecars on
// this shared engine are never looked at.
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../ipc/event-bus';
import { DEBUG_ROLE, DEBUG_ROLE_LABEL, DEBUG_TARGET_LABEL, openDebugSession } from './debug-shell';
import { currentOwner, ownerLabels, type SidecarOwner } from './debug-shell-owner';
import { judgeSidecar, sweepOrphanSidecars, sweepSidecarsOnConnect, type SweepContext } from './debug-shell-sweep';
import { docker, RecordingSink, uniqueName } from './exec-test-kit';
import { EngineRegistry, defaultEngineDefinitions } from './registry';

const TEST_LABEL = 'berth.test=exec-sweep';
const testLabels = { 'berth.test': 'exec-sweep' };
const onlyOurs = { onlyWithLabels: [TEST_LABEL] };
let target: string;

/** The pid of a process that has exited: a Berth that crashed. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

function deadOwner(): SidecarOwner {
  return { instance: 'crashed-berth', host: hostname(), pid: deadPid(), startedAt: Date.now() - 60_000 };
}

/** A container labelled as a sidecar, as its owner left it: the shell waiting on stdin, nobody attached. */
async function leftSidecar(labels: Record<string, string>): Promise<string> {
  const container = await docker.createContainer({
    name: uniqueName('sweep'),
    Image: 'fixture/busybox',
    Entrypoint: ['/bin/sh'],
    OpenStdin: true,
    Labels: { ...testLabels, [DEBUG_TARGET_LABEL]: target, ...labels },
    HostConfig: { PidMode: `container:${target}` },
  });
  await container.start();
  return container.id;
}

async function exists(id: string): Promise<boolean> {
  return docker
    .getContainer(id)
    .inspect()
    .then(() => true)
    .catch(() => false);
}

async function removeOurs(): Promise<void> {
  const list = await docker.listContainers({ all: true, filters: { label: [TEST_LABEL] } });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
}

beforeAll(async () => {
  const container = await docker.createContainer({
    name: uniqueName('sweep-target'),
    Image: 'fixture/busybox',
    Cmd: ['sleep', '3600'],
    Labels: testLabels,
    HostConfig: { Init: true },
  });
  await container.start();
  target = container.id;
});

afterAll(removeOurs);

describe('sweeping orphaned debug-shell sidecars', () => {
  it('removes a sidecar whose Berth process is gone', async () => {
    const orphan = await leftSidecar({ [DEBUG_ROLE_LABEL]: DEBUG_ROLE, ...ownerLabels(deadOwner()) });
    const swept = await sweepOrphanSidecars(docker, onlyOurs);
    expect(swept).toContainEqual(expect.objectContaining({ id: orphan, why: 'owner-gone' }));
    expect(await exists(orphan)).toBe(false);
  });

  it('keeps the sidecar of a live session, and one whose other Berth still runs', async () => {
    const sink = new RecordingSink();
    const session = await openDebugSession(docker, target, sink, { image: 'fixture/busybox', labels: testLabels });
    const anotherLiveBerth = await leftSidecar({
      [DEBUG_ROLE_LABEL]: DEBUG_ROLE,
      ...ownerLabels({ ...currentOwner(), instance: 'another-live-berth' }),
    });
    try {
      await sweepOrphanSidecars(docker, onlyOurs);
      const live = await docker.listContainers({ filters: { label: [TEST_LABEL, `${DEBUG_ROLE_LABEL}=${DEBUG_ROLE}`] } });
      expect(live.map((c) => c.Id)).toHaveLength(2);
      expect(live.map((c) => c.Id)).toContain(anotherLiveBerth);
      session.write('echo still-here\r');
      await sink.waitForText('still-here');
    } finally {
      session.close();
      await session.finished;
      await docker.getContainer(anotherLiveBerth).remove({ force: true });
    }
  });

  it('removes a sidecar whose pid now belongs to another process (a reused pid)', async () => {
    if (process.platform !== 'linux') return;
    const self = currentOwner();
    const reused = await leftSidecar({
      [DEBUG_ROLE_LABEL]: DEBUG_ROLE,
      ...ownerLabels({ ...self, instance: 'crashed-long-ago', startedAt: self.startedAt! - 3_600_000 }),
    });
    await sweepOrphanSidecars(docker, onlyOurs);
    expect(await exists(reused)).toBe(false);
  });

  it('with an owner it cannot check (another machine): removes it only when no session runs in it', async () => {
    const elsewhere = { instance: 'berth-elsewhere', host: 'another-machine.example', pid: 4242 };
    const idle = await leftSidecar({ [DEBUG_ROLE_LABEL]: DEBUG_ROLE, ...ownerLabels(elsewhere) });
    const busy = await leftSidecar({ [DEBUG_ROLE_LABEL]: DEBUG_ROLE, ...ownerLabels(elsewhere) });
    const exec = await docker.getContainer(busy).exec({ Cmd: ['sleep', '60'] });
    await exec.start({ Detach: true });
    // Within the grace period even the idle one stays: its session may be opening right now.
    await sweepOrphanSidecars(docker, onlyOurs);
    expect(await exists(idle)).toBe(true);
    const swept = await sweepOrphanSidecars(docker, { ...onlyOurs, graceMs: 0 });
    expect(swept.map((s) => [s.id, s.why])).toEqual([[idle, 'no-session']]);
    expect(await exists(busy)).toBe(true);
  });

  it('never touches a container without the sidecar label, whatever else it carries', async () => {
    const lookalike = await leftSidecar({ [DEBUG_ROLE_LABEL]: 'something-else', ...ownerLabels(deadOwner()) });
    const unlabelled = await leftSidecar(ownerLabels(deadOwner()));
    await sweepOrphanSidecars(docker, { ...onlyOurs, graceMs: 0 });
    expect(await exists(lookalike)).toBe(true);
    expect(await exists(unlabelled)).toBe(true);
  });

  it('runs when an engine connects', async () => {
    const orphan = await leftSidecar({ [DEBUG_ROLE_LABEL]: DEBUG_ROLE, ...ownerLabels(deadOwner()) });
    const bus = new EventBus();
    const engines = new EngineRegistry(defaultEngineDefinitions({}), {
      onStatus: (status) => bus.emit('engines.status', status),
      onContainersPatch: () => {},
    });
    const unsubscribe = sweepSidecarsOnConnect(bus, engines, onlyOurs);
    try {
      await engines.start();
      await expect.poll(() => exists(orphan), { timeout: 15_000 }).toBe(false);
    } finally {
      unsubscribe();
      engines.stop();
    }
  });
});

describe('the verdict on one sidecar', () => {
  const self = currentOwner();
  const context: SweepContext = { self, isOwnerAlive: (o) => o.instance === 'alive', now: 1_000_000, graceMs: 1000 };
  const sidecar = (labels: Record<string, string>, execs = 0, createdAt = 0) => ({
    labels: { [DEBUG_ROLE_LABEL]: DEBUG_ROLE, ...labels },
    createdAt,
    runningExecs: async () => execs,
  });
  const here = (instance: string) => ownerLabels({ instance, host: self.host, pid: 1 });
  const elsewhere = ownerLabels({ instance: 'x', host: 'elsewhere', pid: 1 });

  it('removes what a gone owner left, else what no session uses once past the grace period', async () => {
    expect(await judgeSidecar({ ...sidecar({}), labels: {} }, context)).toEqual({ remove: false, why: 'not-a-sidecar' });
    expect(await judgeSidecar(sidecar(ownerLabels(self)), context)).toEqual({ remove: false, why: 'ours' });
    expect(await judgeSidecar(sidecar(here('dead'), 1), context)).toEqual({ remove: true, why: 'owner-gone' });
    expect(await judgeSidecar(sidecar(here('alive'), 1), context)).toEqual({ remove: false, why: 'live-session' });
    expect(await judgeSidecar(sidecar(here('alive'), 0, 999_500), context)).toEqual({ remove: false, why: 'too-young' });
    // Another live Berth's sidecar with no session, past the grace period: it failed to remove it.
    expect(await judgeSidecar(sidecar(here('alive')), context)).toEqual({ remove: true, why: 'no-session' });
    expect(await judgeSidecar(sidecar(elsewhere, 1), context)).toEqual({ remove: false, why: 'live-session' });
    expect(await judgeSidecar(sidecar(elsewhere, 0, 999_500), context)).toEqual({ remove: false, why: 'too-young' });
    expect(await judgeSidecar(sidecar(elsewhere), context)).toEqual({ remove: true, why: 'no-session' });
    // A sidecar from a Berth that did not label its owner is judged like one from another machine.
    expect(await judgeSidecar(sidecar({}), context)).toEqual({ remove: true, why: 'no-session' });
  });
});
