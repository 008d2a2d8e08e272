// Why an attach stream ended. The stream ends the same way whether the user detached (Ctrl+P Ctrl+Q), the
// main process exited for good, or it exited and the container is starting again (a restart policy, or
// `docker restart`); the engine's /events tell them apart:
//   detach  → the engine logs "detach" (just before the stream ends); the container keeps running
//   exit    → "die" with the exit code; then, with a restart policy, State.Restarting and a "start" later
//   docker restart → "kill" (once or twice), "die", "stop", then "start": a short gap in which the container
//                    is simply stopped, so a stop that followed a kill waits a moment for a start
//   removal → "destroy"
// When no event says (the event stream lagging or down), the container's own record decides: still running
// since the same StartedAt is a detach.
import type Dockerode from 'dockerode';
import type { EngineEvent } from './events';

export type SubscribeToEngineEvents = (listener: (event: EngineEvent) => void) => () => void;

export type AttachEnd =
  | { kind: 'detached' }
  | { kind: 'stopped'; exitCode: number | null }
  | { kind: 'removed'; exitCode: number | null }
  | { kind: 'restarted'; exitCode: number | null };

export interface SeenEvent {
  action: string;
  /** When Berth received it (ms, Date.now()). */
  at: number;
  exitCode?: number;
}

/** How long after the stream ended a detach/die/destroy event may take to arrive before the record decides. */
export const DECISIVE_EVENT_MS = 2_000;
/** `docker restart` starts the container again right after it stopped; a stop that followed a kill waits this long for it. */
export const RESTART_GAP_MS = 3_000;
/** Events this long before the stream ended still count for its end (the detach event comes just before). */
const LOOKBACK_MS = 1_000;

/** One container's events, recorded from the moment it is made, with a way to wait for the next one. */
export class ContainerEventWatch {
  private readonly seen: SeenEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(subscribe: SubscribeToEngineEvents, private readonly containerId: string) {
    this.unsubscribe = subscribe((event) => {
      if (event.Type !== 'container' || event.Actor.ID !== this.containerId) return;
      const code = Number(event.Actor.Attributes?.exitCode);
      this.seen.push({ action: event.Action, at: Date.now(), ...(event.Action === 'die' && Number.isFinite(code) ? { exitCode: code } : {}) });
      // Bounded: a long session of a crash-looping container must not grow this forever.
      if (this.seen.length > 200) this.seen.splice(0, 100);
      for (const wake of [...this.waiters]) wake();
    });
  }

  since(at: number): SeenEvent[] {
    return this.seen.filter((e) => e.at >= at);
  }

  /** The first event at or after `since` whose action is one of `actions`; undefined on timeout or abort. */
  next(actions: string[], since: number, timeoutMs: number, signal?: AbortSignal): Promise<SeenEvent | undefined> {
    const find = () => this.seen.find((e) => e.at >= since && actions.includes(e.action));
    const found = find();
    if (found || signal?.aborted) return Promise.resolve(found);
    return new Promise((resolve) => {
      const done = (event?: SeenEvent) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        signal?.removeEventListener('abort', onAbort);
        resolve(event);
      };
      const check = () => {
        const event = find();
        if (event) done(event);
      };
      const onAbort = () => done(undefined);
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.waiters.add(check);
      signal?.addEventListener('abort', onAbort);
    });
  }

  close(): void {
    this.unsubscribe();
    for (const wake of [...this.waiters]) wake();
  }
}

async function inspectOrGone(container: Dockerode.Container): Promise<Dockerode.ContainerInspectInfo | undefined> {
  try {
    return await container.inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

export interface AttachSegment {
  /** The container's State.StartedAt when this attach began: a restart changes it. */
  startedAt: string;
  /** When this attach began and when its stream ended (ms, Date.now()). */
  attachedAt: number;
  endedAt: number;
}

/** Decides how an attach stream ended. */
export async function classifyAttachEnd(
  container: Dockerode.Container,
  watch: ContainerEventWatch,
  segment: AttachSegment,
  signal?: AbortSignal,
  /** Called when the container stopped after a kill, before waiting RESTART_GAP_MS for a start: say it now. */
  onStoppedAfterKill?: (exitCode: number | null) => void,
): Promise<AttachEnd> {
  const from = Math.max(segment.attachedAt, segment.endedAt - LOOKBACK_MS);
  const decisive = await watch.next(['detach', 'die', 'destroy'], from, DECISIVE_EVENT_MS, signal);
  const died = watch.since(from).find((e) => e.action === 'die');
  if (decisive?.action === 'destroy') return { kind: 'removed', exitCode: died?.exitCode ?? null };

  let info = await inspectOrGone(container);
  // A die is recorded before the engine's inspect shows it, by a hair: ask again until it does.
  for (let attempt = 0; died && info?.State.Running && info.State.StartedAt === segment.startedAt && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    info = await inspectOrGone(container);
  }
  if (!info) return { kind: 'removed', exitCode: died?.exitCode ?? null };
  const state = info.State;
  const sameRun = state.StartedAt === segment.startedAt;
  if (state.Running && sameRun && !died) return { kind: 'detached' };
  const exitCode = died?.exitCode ?? (state.Running || state.Restarting ? null : (state.ExitCode ?? null));
  if (state.Restarting || state.Running) return { kind: 'restarted', exitCode };
  // Stopped. After a kill (docker stop / restart / kill) a start may follow at once: docker restart.
  if (watch.since(segment.attachedAt).some((e) => e.action === 'kill')) {
    onStoppedAfterKill?.(exitCode);
    const started = await watch.next(['start'], from, RESTART_GAP_MS, signal);
    if (started) return { kind: 'restarted', exitCode };
  }
  return { kind: 'stopped', exitCode };
}

export type RunningOutcome = { kind: 'running' } | { kind: 'stopped'; exitCode: number | null } | { kind: 'removed' } | { kind: 'aborted' };

/** After a restart: waits until the container runs again (a restart policy may back off for a while). */
export async function waitUntilRunning(container: Dockerode.Container, watch: ContainerEventWatch, signal: AbortSignal): Promise<RunningOutcome> {
  for (;;) {
    if (signal.aborted) return { kind: 'aborted' };
    const since = Date.now();
    const info = await inspectOrGone(container);
    if (!info) return { kind: 'removed' };
    if (info.State.Running && !info.State.Paused) return { kind: 'running' };
    if (!info.State.Restarting) {
      // Between docker restart's stop and start, or stopped for good: give a start its moment.
      const started = await watch.next(['start'], since, RESTART_GAP_MS, signal);
      if (!started) return signal.aborted ? { kind: 'aborted' } : { kind: 'stopped', exitCode: info.State.ExitCode ?? null };
      continue;
    }
    // Restarting: the engine's backoff decides when; its events wake us (and a slow re-check covers a lost one).
    await watch.next(['start', 'die', 'stop', 'destroy'], since, 5_000, signal);
  }
}
