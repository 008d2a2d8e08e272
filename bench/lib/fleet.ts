// Fleets of labelled benchmark containers: created quickly through the API in parallel, removed by the
// label of this run only (another bench run on the same engine keeps its own).
import { randomBytes } from 'node:crypto';
import type { RawEngine } from './engine';

/** Every bench container carries these labels; berth.bench.run names the run that owns it. */
export const BENCH_LABEL = 'berth.bench';
export const RUN_LABEL = 'berth.bench.run';

export const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export interface FleetOptions {
  /** Container names: `${prefix}-${index}` (zero-padded). Names that sort first keep rows near the top of a name-sorted list. */
  prefix: string;
  image?: string;
  cmd?: string[];
  labels?: Record<string, string>;
  env?: string[];
  tty?: boolean;
  /** Parallel create calls in flight. */
  concurrency?: number;
}

export interface FleetContainer {
  id: string;
  name: string;
}

async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Creates `count` containers (not started). Default: fixture/busybox sleeping, ready to start. */
export async function createFleet(engine: RawEngine, count: number, options: FleetOptions): Promise<FleetContainer[]> {
  const width = String(count - 1).length;
  const names = Array.from({ length: count }, (_, i) => `${options.prefix}-${String(i).padStart(width, '0')}`);
  return inParallel(names, options.concurrency ?? 16, async (name) => {
    const res = await engine.request('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
      Image: options.image ?? 'fixture/busybox',
      Cmd: options.cmd ?? ['sleep', '86400'],
      Env: options.env,
      Tty: options.tty ?? false,
      Labels: { [BENCH_LABEL]: '1', [RUN_LABEL]: runId, 'berth.test': 'bench', ...options.labels },
      HostConfig: { NetworkMode: 'none' },
    });
    if (res.status !== 201) throw new Error(`creating ${name}: HTTP ${res.status} ${res.body.trim()}`);
    return { id: (JSON.parse(res.body) as { Id: string }).Id, name };
  });
}

/** Starts (or kills) containers in parallel; resolves when the engine has answered every call. */
export async function actOnFleet(
  engine: RawEngine,
  fleet: FleetContainer[],
  action: 'start' | 'kill' | 'stop',
  concurrency = 64,
): Promise<void> {
  await inParallel(fleet, concurrency, async (c) => {
    const res = await engine.request('POST', `/containers/${c.id}/${action}${action === 'stop' ? '?t=1' : ''}`);
    // 304: already in that state; 409 on kill: not running. Both are fine for a reset.
    if (res.status >= 400 && !(action === 'kill' && res.status === 409)) {
      throw new Error(`${action} ${c.name}: HTTP ${res.status} ${res.body.trim()}`);
    }
  });
}

/** Removes every container of this run (or of the given run id), with anonymous volumes. */
export async function removeFleet(engine: RawEngine, owner = runId): Promise<number> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${RUN_LABEL}=${owner}`] }));
  const list = await engine.json<{ Id: string }[]>(`/containers/json?all=1&filters=${filters}`);
  await inParallel(list, 16, async (c) => {
    await engine.request('DELETE', `/containers/${c.Id}?force=1&v=1`);
  });
  return list.length;
}

/** Waits until the engine reports none of these containers running (after a kill: dying takes a while). */
export async function waitUntilNoneRunning(engine: RawEngine, fleet: FleetContainer[], timeoutMs = 180_000): Promise<void> {
  const ids = new Set(fleet.map((c) => c.id));
  const filters = encodeURIComponent(JSON.stringify({ label: [`${RUN_LABEL}=${runId}`], status: ['running', 'restarting'] }));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = (await engine.json<{ Id: string }[]>(`/containers/json?filters=${filters}`)).filter((c) => ids.has(c.Id));
    if (running.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${running.length} containers still running ${timeoutMs} ms after being killed`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
