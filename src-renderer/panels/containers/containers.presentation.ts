// Pure model → display logic for the Containers panel: filtering, grouping by compose project, sorting,
// state and port labels, relative times, which actions apply, and failure sentences. No React, no store:
// everything here is unit-tested in containers.presentation.test.ts.
import type { BulkResult, ContainerAction, ContainerState, ContainerSummary, PortBinding } from '../../../src-main/shared/dto';

export type SortKey = 'name' | 'image' | 'state' | 'ports' | 'created';
export type SortDirection = 'asc' | 'desc';
export interface SortSpec {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortSpec = { key: 'name', direction: 'asc' };

/** The group key of containers that belong to no compose project. */
export const STANDALONE_GROUP = 'standalone';

export function shortId(id: string): string {
  return id.slice(0, 12);
}

// ── Filter ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every whitespace-separated term must match one of: name, image, id prefix, compose project/service,
 * or the state (its label too, so "exited" and "paused" both work). Case-insensitive.
 */
export function matchesFilter(container: ContainerSummary, query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [
    container.name,
    container.image,
    container.composeProject ?? '',
    container.composeService ?? '',
    container.state,
    container.health ?? '',
  ].map((s) => s.toLowerCase());
  const id = container.id.toLowerCase();
  return terms.every((term) => id.startsWith(term) || haystack.some((field) => field.includes(term)));
}

export function filterContainers(containers: readonly ContainerSummary[], query: string): ContainerSummary[] {
  return containers.filter((c) => matchesFilter(c, query));
}

// ── Sort ────────────────────────────────────────────────────────────────────────────────────────────

/** Living states first: what a person usually looks for when sorting by state. */
const stateRank: Record<ContainerState, number> = {
  running: 0,
  restarting: 1,
  paused: 2,
  created: 3,
  removing: 4,
  exited: 5,
  dead: 6,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function firstHostPort(container: ContainerSummary): number {
  const published = container.ports.filter((p) => p.hostPort !== undefined).map((p) => p.hostPort!);
  return published.length ? Math.min(...published) : Number.POSITIVE_INFINITY;
}

export function compareContainers(a: ContainerSummary, b: ContainerSummary, sort: SortSpec): number {
  let result: number;
  switch (sort.key) {
    case 'image':
      result = collator.compare(a.image, b.image);
      break;
    case 'state':
      result = stateRank[a.state] - stateRank[b.state];
      break;
    case 'ports': {
      const pa = firstHostPort(a);
      const pb = firstHostPort(b);
      // Containers without published ports go last in both directions.
      if (pa === pb) result = 0;
      else if (pa === Number.POSITIVE_INFINITY) return 1;
      else if (pb === Number.POSITIVE_INFINITY) return -1;
      else result = pa - pb;
      break;
    }
    case 'created':
      result = a.created - b.created;
      break;
    default:
      result = 0;
  }
  if (result === 0) result = collator.compare(a.name, b.name);
  if (result === 0) result = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return sort.direction === 'asc' ? result : -result;
}

export function sortContainers(containers: readonly ContainerSummary[], sort: SortSpec): ContainerSummary[] {
  return [...containers].sort((a, b) => compareContainers(a, b, sort));
}

/** Clicking a column header: the same column flips direction; a new column starts ascending (newest first for created). */
export function nextSort(current: SortSpec, key: SortKey): SortSpec {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'created' ? 'desc' : 'asc' };
}

// ── Groups ──────────────────────────────────────────────────────────────────────────────────────────

export interface ContainerGroup {
  key: string;
  title: string;
  /** The compose project; absent for the standalone group. */
  project?: string;
  containers: ContainerSummary[];
  running: number;
}

/**
 * Compose projects (alphabetical) first, then standalone containers. Containers inside a group follow
 * `sort`. Groups are built after filtering, so a project with no match does not appear.
 */
export function groupContainers(containers: readonly ContainerSummary[], sort: SortSpec): ContainerGroup[] {
  const byProject = new Map<string, ContainerSummary[]>();
  const standalone: ContainerSummary[] = [];
  for (const c of containers) {
    if (c.composeProject) {
      const list = byProject.get(c.composeProject);
      if (list) list.push(c);
      else byProject.set(c.composeProject, [c]);
    } else {
      standalone.push(c);
    }
  }
  const groups: ContainerGroup[] = [...byProject.keys()]
    .sort((a, b) => collator.compare(a, b))
    .map((project) => makeGroup(`project:${project}`, project, byProject.get(project)!, sort, project));
  if (standalone.length) groups.push(makeGroup(STANDALONE_GROUP, 'Standalone containers', standalone, sort));
  return groups;
}

function makeGroup(key: string, title: string, list: ContainerSummary[], sort: SortSpec, project?: string): ContainerGroup {
  const containers = sortContainers(list, sort);
  return {
    key,
    title,
    ...(project ? { project } : {}),
    containers,
    running: containers.filter((c) => c.state === 'running').length,
  };
}

export type ListItem =
  | { kind: 'group'; key: string; group: ContainerGroup; collapsed: boolean }
  | { kind: 'container'; key: string; container: ContainerSummary; groupKey: string };

/**
 * The rows the virtual list renders. When everything is standalone there is no header at all: a
 * heading over the only group would just be noise.
 */
export function flattenGroups(groups: readonly ContainerGroup[], collapsed: ReadonlySet<string>): ListItem[] {
  const showHeaders = groups.some((g) => g.project !== undefined);
  const items: ListItem[] = [];
  for (const group of groups) {
    const isCollapsed = showHeaders && collapsed.has(group.key);
    if (showHeaders) items.push({ kind: 'group', key: `g:${group.key}`, group, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const container of group.containers) {
      items.push({ kind: 'container', key: container.id, container, groupKey: group.key });
    }
  }
  return items;
}

/** Ids in display order (collapsed groups included), for select-all and shift-click ranges. */
export function orderedIds(groups: readonly ContainerGroup[]): string[] {
  return groups.flatMap((g) => g.containers.map((c) => c.id));
}

/** Shift-click: everything between the anchor and the clicked row, inclusive, in display order. */
export function rangeBetween(ids: readonly string[], anchorId: string | undefined, targetId: string): string[] {
  const to = ids.indexOf(targetId);
  if (to === -1) return [];
  const from = anchorId === undefined ? -1 : ids.indexOf(anchorId);
  if (from === -1) return [targetId];
  const [start, end] = from <= to ? [from, to] : [to, from];
  return ids.slice(start, end + 1);
}

// ── State and ports ─────────────────────────────────────────────────────────────────────────────────

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

export function stateLabel(container: Pick<ContainerSummary, 'state' | 'exitCode'>): string {
  switch (container.state) {
    case 'running':
      return 'Running';
    case 'paused':
      return 'Paused';
    case 'restarting':
      return 'Restarting';
    case 'created':
      return 'Created';
    case 'removing':
      return 'Removing';
    case 'dead':
      return 'Dead';
    case 'exited':
      return container.exitCode === undefined ? 'Exited' : `Exited (${container.exitCode})`;
  }
}

export function stateTone(container: Pick<ContainerSummary, 'state' | 'exitCode' | 'health'>): Tone {
  switch (container.state) {
    case 'running':
      return container.health === 'unhealthy' ? 'danger' : 'ok';
    case 'paused':
    case 'restarting':
      return 'warn';
    case 'dead':
      return 'danger';
    case 'exited':
      return container.exitCode && container.exitCode !== 0 ? 'danger' : 'neutral';
    default:
      return 'neutral';
  }
}

export function healthLabel(health: ContainerSummary['health']): string | undefined {
  if (!health) return undefined;
  return health === 'starting' ? 'Health: starting' : health === 'healthy' ? 'Healthy' : 'Unhealthy';
}

export function healthTone(health: NonNullable<ContainerSummary['health']>): Tone {
  return health === 'healthy' ? 'ok' : health === 'unhealthy' ? 'danger' : 'warn';
}

export interface PortLink {
  /** e.g. "8080:80" or "5353:53/udp". */
  text: string;
  /** Only TCP ports published on the host get a link. */
  href?: string;
  title: string;
}

function hostForLink(hostIp: string | undefined): string {
  if (!hostIp || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '127.0.0.1') return 'localhost';
  return hostIp.includes(':') ? `[${hostIp}]` : hostIp;
}

/** Published ports, one entry per host port; ports only exposed inside the container are left out. */
export function portLinks(ports: readonly PortBinding[]): PortLink[] {
  return ports
    .filter((p) => p.hostPort !== undefined)
    .map((p) => {
      const suffix = p.protocol === 'tcp' ? '' : `/${p.protocol}`;
      const text = `${p.hostPort}:${p.containerPort}${suffix}`;
      if (p.protocol !== 'tcp') return { text, title: `Port ${p.containerPort}/${p.protocol} published on host port ${p.hostPort}` };
      const href = `http://${hostForLink(p.hostIp)}:${p.hostPort}`;
      return { text, href, title: `Open ${href} (container port ${p.containerPort})` };
    });
}

// ── Time ────────────────────────────────────────────────────────────────────────────────────────────

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago", then a date. */
export function formatRelativeTime(epochSeconds: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor(nowMs / 1000 - epochSeconds));
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return days === 1 ? 'yesterday' : `${days} days ago`;
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

export function formatAbsoluteTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toLocaleString();
}

// ── Actions ─────────────────────────────────────────────────────────────────────────────────────────

export type PanelAction = ContainerAction | 'remove';

/** Whether an action makes sense for a container in this state (the toolbar disables it otherwise). */
export function actionApplies(action: PanelAction, state: ContainerState): boolean {
  switch (action) {
    case 'start':
      return state === 'created' || state === 'exited' || state === 'dead';
    case 'stop':
      return state === 'running' || state === 'restarting' || state === 'paused';
    case 'restart':
      return state !== 'removing' && state !== 'dead';
    case 'pause':
      return state === 'running';
    case 'unpause':
      return state === 'paused';
    case 'kill':
      return state === 'running' || state === 'restarting' || state === 'paused';
    case 'remove':
      return state !== 'removing';
  }
}

/** The subset of a selection an action applies to: "Stop" on a mixed selection stops the running ones. */
export function applicableContainers(action: PanelAction, containers: readonly ContainerSummary[]): ContainerSummary[] {
  return containers.filter((c) => actionApplies(action, c.state));
}

const verbs: Record<PanelAction, { verb: string; past: string; progressive: string }> = {
  start: { verb: 'start', past: 'Started', progressive: 'Starting' },
  stop: { verb: 'stop', past: 'Stopped', progressive: 'Stopping' },
  restart: { verb: 'restart', past: 'Restarted', progressive: 'Restarting' },
  pause: { verb: 'pause', past: 'Paused', progressive: 'Pausing' },
  unpause: { verb: 'unpause', past: 'Unpaused', progressive: 'Resuming' },
  kill: { verb: 'kill', past: 'Killed', progressive: 'Killing' },
  remove: { verb: 'remove', past: 'Removed', progressive: 'Removing' },
};

export function progressLabel(action: PanelAction): string {
  return `${verbs[action].progressive}…`;
}

/** One sentence per failed container: "Could not stop web: No such container: web". */
export function describeFailures(
  action: PanelAction,
  results: readonly BulkResult[],
  nameOf: (id: string) => string,
): string[] {
  return results
    .filter((r) => !r.ok)
    .map((r) => `Could not ${verbs[action].verb} ${nameOf(r.id)}: ${r.error?.message ?? 'the engine gave no reason'}`);
}

/** "Stopped web", "Stopped 3 containers" — undefined when nothing succeeded. */
export function describeSuccess(action: PanelAction, results: readonly BulkResult[], nameOf: (id: string) => string): string | undefined {
  const ok = results.filter((r) => r.ok);
  if (ok.length === 0) return undefined;
  const what = ok.length === 1 ? nameOf(ok[0].id) : `${ok.length} containers`;
  return `${verbs[action].past} ${what}`;
}

/** Whole-call failures (engine gone, bridge down) read the same way as per-container ones. */
export function describeCallFailure(action: PanelAction, names: readonly string[], message: string): string {
  const what = names.length === 1 ? names[0] : `${names.length} containers`;
  return `Could not ${verbs[action].verb} ${what}: ${message}`;
}
