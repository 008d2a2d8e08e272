// Sweeps debug-shell sidecars left behind when a Berth crashed (or was killed) before it could remove them:
// the sidecar's main process is a shell waiting on an open stdin, so without its owner it would run, and
// hold the target's namespaces, until the target stops. Run when an engine connects.
//
// Only containers carrying Berth's sidecar label (berth.role=debug-shell) are ever considered, and never
// one of this Berth's own. One is removed when its owner is known to be gone (a Berth on this machine whose
// process no longer runs, or whose pid now belongs to another process), or when no session uses it (no exec
// runs in it) and it is older than a grace period — a session being opened right now has its sidecar a
// moment before its exec. The second rule covers owners that cannot be checked (another machine, a Berth
// from before owners were labelled) and a live Berth that failed to remove one.
import type Dockerode from 'dockerode';
import { DEBUG_ROLE, DEBUG_ROLE_LABEL, removeSidecar } from './debug-shell';
import { currentOwner, isOwnerAlive, ownerFromLabels, type SidecarOwner } from './debug-shell-owner';

/** A sidecar with no running exec (and no owner known to be gone) is left alone this long after it was created. */
export const UNCHECKABLE_OWNER_GRACE_MS = 2 * 60_000;

export interface SidecarFacts {
  labels: Record<string, string>;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** Execs running in the sidecar (a debug session is one); asked only when the verdict depends on it. */
  runningExecs(): Promise<number>;
}

export type SidecarVerdict =
  | { remove: false; why: 'not-a-sidecar' | 'ours' | 'live-session' | 'too-young' }
  | { remove: true; why: 'owner-gone' | 'no-session' };

export interface SweepContext {
  self: SidecarOwner;
  isOwnerAlive(owner: SidecarOwner): boolean;
  now: number;
  graceMs: number;
}

export async function judgeSidecar(facts: SidecarFacts, context: SweepContext): Promise<SidecarVerdict> {
  if (facts.labels[DEBUG_ROLE_LABEL] !== DEBUG_ROLE) return { remove: false, why: 'not-a-sidecar' };
  const owner = ownerFromLabels(facts.labels);
  // Our own sessions remove their sidecars themselves, and one may be opening right now.
  if (owner?.instance === context.self.instance) return { remove: false, why: 'ours' };
  if (owner && owner.host === context.self.host && !context.isOwnerAlive(owner)) return { remove: true, why: 'owner-gone' };
  if ((await facts.runningExecs()) > 0) return { remove: false, why: 'live-session' };
  if (context.now - facts.createdAt < context.graceMs) return { remove: false, why: 'too-young' };
  return { remove: true, why: 'no-session' };
}

export interface SweepOptions {
  /** Extra labels a sidecar must also carry to be considered (tests confine a sweep to their own). */
  onlyWithLabels?: string[];
  graceMs?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface SweptSidecar {
  id: string;
  name: string;
  why: 'owner-gone' | 'no-session';
}

async function countRunningExecs(docker: Dockerode, id: string): Promise<number> {
  const info = await docker.getContainer(id).inspect();
  const states = await Promise.all(
    (info.ExecIDs ?? []).map((execId) =>
      docker
        .getExec(execId)
        .inspect()
        .then((exec) => exec.Running)
        .catch(() => false),
    ),
  );
  return states.filter(Boolean).length;
}

/** Removes the orphaned sidecars on one engine; returns what it removed. Never throws: a sweep is housekeeping. */
export async function sweepOrphanSidecars(docker: Dockerode, options: SweepOptions = {}): Promise<SweptSidecar[]> {
  const context: SweepContext = {
    self: currentOwner(),
    isOwnerAlive,
    now: Date.now(),
    graceMs: options.graceMs ?? UNCHECKABLE_OWNER_GRACE_MS,
  };
  let list: Dockerode.ContainerInfo[];
  try {
    list = await docker.listContainers({
      all: true,
      filters: { label: [`${DEBUG_ROLE_LABEL}=${DEBUG_ROLE}`, ...(options.onlyWithLabels ?? [])] },
    });
  } catch (err) {
    options.log?.('could not list debug-shell sidecars', err);
    return [];
  }
  const swept: SweptSidecar[] = [];
  for (const c of list) {
    const name = c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);
    try {
      const verdict = await judgeSidecar(
        { labels: c.Labels ?? {}, createdAt: c.Created * 1000, runningExecs: () => countRunningExecs(docker, c.Id) },
        context,
      );
      if (!verdict.remove) continue;
      await removeSidecar(docker.getContainer(c.Id));
      swept.push({ id: c.Id, name, why: verdict.why });
    } catch (err) {
      options.log?.(`could not sweep the debug-shell sidecar ${name}`, err);
    }
  }
  return swept;
}

/** Minimal views of the engine registry and event bus, so this stays testable and free of the IPC layer. */
export interface SweepTriggers {
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}
export interface SweepEngines {
  get(engineId: string): { docker: Dockerode };
}

/** Sweeps an engine's orphaned sidecars each time it connects (the first time and after every reconnect). */
export function sweepSidecarsOnConnect(bus: SweepTriggers, engines: SweepEngines, options: SweepOptions = {}): () => void {
  const { log } = options;
  return bus.subscribe((name, payload) => {
    if (name !== 'engines.status') return;
    const status = payload as { engineId: string; state: string };
    if (status.state !== 'connected') return;
    void sweepOrphanSidecars(engines.get(status.engineId).docker, options).then((swept) => {
      for (const s of swept) log?.(`removed the debug-shell sidecar ${s.name} (${s.why === 'owner-gone' ? 'its Berth is gone' : 'no session uses it'})`);
    });
  });
}
