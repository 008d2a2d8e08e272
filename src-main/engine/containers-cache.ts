// One engine's container list, kept current by its /events stream. A burst of events becomes one list
// call filtered to the ids that changed (not a full relist), and one patch to the renderers.
import type Dockerode from 'dockerode';
import type { ContainerState, ContainerSummary, ContainersPatch, ContainersSnapshot, EngineId } from '../shared/dto';
import { toContainerSummary } from './containers.mapping';
import type { EngineEvent } from './events';

/** Container events that do not change what the list shows: no refetch for these. */
const ignoredActions = new Set([
  'attach', 'detach', 'resize', 'top', 'copy', 'archive-path', 'extract-to-dir', 'export', 'commit',
  'exec_create', 'exec_start', 'exec_die', 'exec_detach',
]);

/**
 * Events the engine announces before its list shows them: moby logs "die" (and a stop's "stop") before it
 * has cleaned up and checkpointed the stopped container, and "pause"/"unpause" before checkpointing the new
 * state, so a list right after such an event can still say "running". For these, the state the list must
 * show before Berth believes it; until then the container is looked at again, a little later each time.
 */
const stopped = (state: ContainerState) => state !== 'running' && state !== 'paused';
const settledAfter = new Map<string, (state: ContainerState) => boolean>([
  ['die', stopped],
  ['stop', stopped],
  ['pause', (state) => state === 'paused'],
  ['unpause', (state) => state !== 'paused'],
]);
const SETTLE_FIRST_DELAY_MS = 25;
const SETTLE_MAX_DELAY_MS = 2000;
const SETTLE_MAX_ATTEMPTS = 15; // ~20 s in all: enough for a loaded engine's cleanup, bounded if it never settles

function actionName(action: string): string {
  // "exec_start: sh -c ..." and "health_status: healthy" carry details after a colon.
  const colon = action.indexOf(':');
  return colon === -1 ? action : action.slice(0, colon);
}

export class ContainersCache {
  private readonly byId = new Map<string, ContainerSummary>();
  private seq = 0;
  private readonly pending = new Set<string>();
  private readonly destroyedDuringFetch = new Set<string>();
  private fetching = false;
  private scheduled = false;
  private generation = 0;
  private consecutiveFailures = 0;
  /** Set while a full list is in flight; events meanwhile are noted in touchedDuringLoad. */
  private loading = false;
  private readonly touchedDuringLoad = new Set<string>();
  /** Containers whose last event promised a state the list has not shown yet (see settledAfter). */
  private readonly unsettled = new Map<string, { settled: (state: ContainerState) => boolean; attempts: number }>();
  private readonly settleTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly docker: Dockerode,
    private readonly engineId: EngineId,
    private readonly onPatch: (patch: ContainersPatch) => void,
  ) {}

  snapshot(): ContainersSnapshot {
    return { engineId: this.engineId, seq: this.seq, containers: [...this.byId.values()] };
  }

  get size(): number {
    return this.byId.size;
  }

  /** Full list (at connect and after a reconnect): replaces the cache and emits what changed. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.pending.clear();
    this.touchedDuringLoad.clear();
    this.loading = true;
    let list: Dockerode.ContainerInfo[];
    try {
      list = await this.docker.listContainers({ all: true });
    } finally {
      if (generation === this.generation) this.loading = false;
    }
    if (generation !== this.generation) return;
    const fresh = new Map(list.map((info) => [info.Id, toContainerSummary(this.engineId, info)]));
    const removals = [...this.byId.keys()].filter((id) => !fresh.has(id));
    this.byId.clear();
    for (const [id, summary] of fresh) this.byId.set(id, summary);
    this.emit([...fresh.values()], removals);
    // The list may predate events that arrived while it was in flight (a container removed just after the
    // engine listed it would otherwise stay as a ghost row): look at those containers again.
    for (const id of this.touchedDuringLoad) this.pending.add(id);
    this.touchedDuringLoad.clear();
    if (this.pending.size) this.scheduleFetch();
  }

  /** Forget everything (engine disconnected); a later load() starts afresh. */
  clear(): void {
    this.generation++;
    this.loading = false;
    this.touchedDuringLoad.clear();
    this.pending.clear();
    this.unsettled.clear();
    for (const timer of this.settleTimers) clearTimeout(timer);
    this.settleTimers.clear();
    const removals = [...this.byId.keys()];
    this.byId.clear();
    if (removals.length) this.emit([], removals);
  }

  handleEvent(event: EngineEvent): void {
    if (event.Type !== 'container') return;
    const id = event.Actor?.ID;
    if (!id) return;
    const action = actionName(event.Action);
    if (ignoredActions.has(action)) return;
    // The latest event decides what to expect: a start after a die means "running" is right again.
    const settled = settledAfter.get(action);
    if (settled) this.unsettled.set(id, { settled, attempts: 0 });
    else this.unsettled.delete(id);
    if (this.loading) {
      // The full list in flight may or may not include this change: re-check once it has landed.
      this.touchedDuringLoad.add(id);
      return;
    }
    if (action === 'destroy') {
      this.pending.delete(id);
      if (this.fetching) this.destroyedDuringFetch.add(id);
      if (this.byId.delete(id)) this.emit([], [id]);
      return;
    }
    this.pending.add(id);
    this.scheduleFetch();
  }

  private scheduleFetch(): void {
    if (this.scheduled || this.fetching) return;
    this.scheduled = true;
    // Let the rest of this chunk of events arrive first, so a burst costs one request.
    setImmediate(() => {
      this.scheduled = false;
      void this.fetchPending();
    });
  }

  private async fetchPending(): Promise<void> {
    if (this.fetching || this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    this.fetching = true;
    const generation = this.generation;
    let failed = false;
    try {
      const list = await this.docker.listContainers({ all: true, filters: { id: ids } });
      if (generation !== this.generation) return;
      const upserts: ContainerSummary[] = [];
      const found = new Set<string>();
      const lookAgain = new Map<number, string[]>();
      for (const info of list) {
        found.add(info.Id);
        if (this.destroyedDuringFetch.has(info.Id)) continue;
        const summary = toContainerSummary(this.engineId, info);
        const delay = this.settleDelay(info.Id, summary.state);
        if (delay !== undefined) {
          // The engine has not caught up with its own event: keep what is shown and ask again shortly.
          lookAgain.set(delay, [...(lookAgain.get(delay) ?? []), info.Id]);
          continue;
        }
        this.byId.set(info.Id, summary);
        upserts.push(summary);
      }
      for (const [delay, later] of lookAgain) this.fetchLater(later, delay, generation);
      // Asked for but not listed: gone between the event and the fetch.
      const removals = ids.filter((id) => !found.has(id) && this.byId.delete(id));
      if (upserts.length || removals.length) this.emit(upserts, removals);
    } catch {
      // A failed refresh must not lose the changes it was for: ask again shortly. If the engine went away,
      // the connection clears the cache (a new generation) and resyncs in full on return instead.
      if (generation === this.generation) {
        for (const id of ids) this.pending.add(id);
        failed = true;
      }
    } finally {
      this.fetching = false;
      this.destroyedDuringFetch.clear();
      // Back off while refreshes keep failing, so a sick engine is not hammered.
      this.consecutiveFailures = failed ? this.consecutiveFailures + 1 : 0;
      const retryIn = Math.min(250 * 2 ** (this.consecutiveFailures - 1), 8000);
      if (failed) setTimeout(() => generation === this.generation && this.scheduleFetch(), retryIn);
      else if (this.pending.size) this.scheduleFetch();
    }
  }

  /** How long to wait before looking at a container again, or undefined when its listed state can be believed. */
  private settleDelay(id: string, state: ContainerState): number | undefined {
    const expectation = this.unsettled.get(id);
    if (!expectation) return undefined;
    if (expectation.settled(state) || expectation.attempts >= SETTLE_MAX_ATTEMPTS) {
      this.unsettled.delete(id);
      return undefined;
    }
    return Math.min(SETTLE_FIRST_DELAY_MS * 2 ** expectation.attempts++, SETTLE_MAX_DELAY_MS);
  }

  private fetchLater(ids: string[], delay: number, generation: number): void {
    const timer = setTimeout(() => {
      this.settleTimers.delete(timer);
      if (generation !== this.generation) return;
      for (const id of ids) this.pending.add(id);
      this.scheduleFetch();
    }, delay);
    this.settleTimers.add(timer);
  }

  private emit(upserts: ContainerSummary[], removals: string[]): void {
    this.seq++;
    this.onPatch({ engineId: this.engineId, seq: this.seq, upserts, removals });
  }
}
